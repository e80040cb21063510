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
