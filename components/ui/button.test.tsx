import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, ButtonLink, buttonClass } from "./button";

const classes = (html: string) => new Set(/class="([^"]*)"/.exec(html)![1].split(" "));

describe("Button", () => {
  it("keeps the classes the primary button has always had", () => {
    expect(classes(renderToStaticMarkup(<Button>Save</Button>))).toEqual(
      new Set(
        "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70".split(" "),
      ),
    );
  });

  it("is a plain button unless asked to submit", () => {
    expect(renderToStaticMarkup(<Button>Flip</Button>)).toContain('type="button"');
    expect(renderToStaticMarkup(<Button type="submit">Save</Button>)).toContain('type="submit"');
  });

  it("styles a link the same way, with the variant and size asked for", () => {
    const html = renderToStaticMarkup(
      <ButtonLink href="/lessons" variant="secondary" size="lg">
        Browse lessons
      </ButtonLink>,
    );
    expect(html).toContain('href="/lessons"');
    expect(classes(html)).toEqual(
      new Set(
        "rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70".split(
          " ",
        ),
      ),
    );
  });

  it("adds the caller's layout classes after its own", () => {
    expect(buttonClass({ variant: "danger", size: "sm", className: "mt-6" })).toBe(
      "rounded-md font-medium disabled:opacity-70 bg-red-700 text-white hover:bg-red-800 px-3 py-1.5 mt-6",
    );
  });
});
