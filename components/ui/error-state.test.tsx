import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorState } from "./error-state";

describe("ErrorState", () => {
  it("says what failed, that progress is safe, and offers to try again", () => {
    const html = renderToStaticMarkup(<ErrorState message="We could not load this class." reset={() => {}} />);
    expect(html).toMatch(/^<div role="alert"/);
    expect(html).toContain("<h1");
    expect(html).toContain("We could not load this class. Your saved progress is safe.");
    expect(html).toMatch(/<button type="button"[^>]*>Try again<\/button>/);
  });

  it("has a general message for the app-wide boundary", () => {
    expect(renderToStaticMarkup(<ErrorState reset={() => {}} />)).toContain(
      "We could not load this page. Your saved progress is safe.",
    );
  });
});

describe("ErrorState when the database is out of reach", () => {
  it("says the platform is briefly unavailable and to try again, not that something broke", () => {
    const html = renderToStaticMarkup(
      <ErrorState message="We could not load this class." unavailable reset={() => {}} />,
    );
    expect(html).toContain("kubelearn is briefly unavailable");
    expect(html).toContain("Wait a few seconds and try again. Your saved progress is safe.");
    expect(html).not.toContain("Something went wrong");
    expect(html).toMatch(/<button type="button"[^>]*>Try again<\/button>/);
  });
});
