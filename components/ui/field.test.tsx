import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, fieldControlClass } from "./field";

const render = (props: { error?: string; hint?: string }) =>
  renderToStaticMarkup(
    <Field id="dueAt" label="Due" {...props}>
      {(control) => <input {...control} name="dueAt" className={fieldControlClass("w-full px-3 py-2")} />}
    </Field>,
  );

/** The attributes of the first <tag> in `html`. */
const attributes = (html: string, tag: string) =>
  Object.fromEntries(
    [...new RegExp(`<${tag}([^>]*)>`).exec(html)![1].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );

describe("Field", () => {
  it("ties the label to its control and says nothing more when all is well", () => {
    const html = render({});
    expect(attributes(html, "label").for).toBe("dueAt");
    expect(attributes(html, "input")).toEqual({
      id: "dueAt",
      name: "dueAt",
      class: "mt-1 rounded-md border border-slate-300 aria-[invalid=true]:border-red-600 w-full px-3 py-2",
    });
    expect(html).not.toContain("<p");
  });

  it("marks the control invalid and describes it by its error, then its hint", () => {
    const html = render({ error: "Pick a due date and time.", hint: "In your local time." });
    expect(attributes(html, "input")).toMatchObject({
      "aria-describedby": "dueAt-error dueAt-hint",
      "aria-invalid": "true",
    });
    expect(html).toContain('<p id="dueAt-error" class="mt-1 text-sm text-red-700">Pick a due date and time.</p>');
    expect(html).toContain('<p id="dueAt-hint" class="mt-1 text-sm text-slate-600">In your local time.</p>');
  });
});
