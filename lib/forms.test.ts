import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formValues, invalidFieldsState, parseForm } from "./forms";

const form = (entries: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

const assignSchema = z.object({
  quiz: z.string().regex(/^lesson:[a-z-]+$/, "Choose a quiz from the list."),
  dueAt: z.string().min(1, "Pick a due date and time."),
  offset: z.coerce.number().int(),
});

describe("formValues", () => {
  it("reads the named fields as text, absent ones and files as empty, and nothing else", () => {
    const values = formValues(form({ quiz: "lesson:a", upload: new Blob(["x"]), extra: "ignored" }), [
      "quiz",
      "dueAt",
      "upload",
    ]);
    expect(values).toEqual({ quiz: "lesson:a", dueAt: "", upload: "" });
  });
});

describe("parseForm", () => {
  it("returns the parsed data and the values as typed", () => {
    const parsed = parseForm(assignSchema, form({ quiz: "lesson:dns", dueAt: "2026-09-10T17:00", offset: "-120" }));
    expect(parsed).toEqual({
      ok: true,
      data: { quiz: "lesson:dns", dueAt: "2026-09-10T17:00", offset: -120 },
      values: { quiz: "lesson:dns", dueAt: "2026-09-10T17:00", offset: "-120" },
    });
  });

  it("on failure keys each field's own message by input name and echoes what was typed", () => {
    const parsed = parseForm(assignSchema, form({ quiz: "nope", dueAt: "", offset: "3" }));
    expect(parsed).toEqual({
      ok: false,
      state: {
        ok: false,
        message: "Please fix the highlighted fields.",
        fieldErrors: { quiz: "Choose a quiz from the list.", dueAt: "Pick a due date and time." },
        values: { quiz: "nope", dueAt: "", offset: "3" },
      },
    });
  });

  it("words the checks a schema left unworded so a person can act on them", () => {
    const schema = z.object({
      code: z.string().min(4).max(9),
      name: z.string().min(1),
      mode: z.enum(["immediate", "end"]),
      count: z.coerce.number().max(500),
      limit: z.coerce.number().min(0),
      days: z.coerce.number(),
    });
    const parsed = parseForm(
      schema,
      form({ code: "0123456789", name: "", mode: "later", count: "900", limit: "-1", days: "many" }),
    );
    expect(!parsed.ok && parsed.state.fieldErrors).toEqual({
      code: "Use at most 9 characters.",
      name: "This field is required.",
      mode: "Choose one of the options.",
      count: "Enter at most 500.",
      limit: "Enter at least 0.",
      days: "Enter a number.",
    });
    const short = parseForm(schema.pick({ code: true }), form({ code: "ab" }));
    expect(!short.ok && short.state).toMatchObject({
      message: "Please fix the highlighted field.",
      fieldErrors: { code: "Use at least 4 characters." },
    });
  });

  it("uses the caller's message for a form whose inputs are all hidden", () => {
    const parsed = parseForm(z.object({ slug: z.string().min(1) }), form({}), { message: "Reload the page." });
    expect(!parsed.ok && parsed.state.message).toBe("Reload the page.");
  });
});

describe("fieldErrorsOf and invalidFieldsState", () => {
  it("keep the first problem of each field, and a problem of the whole form under 'form'", () => {
    const schema = z
      .object({ a: z.string().min(2, "A is short.").regex(/x/, "A needs an x."), b: z.string() })
      .refine((v) => v.a !== v.b, "A and B must differ.");
    const result = schema.safeParse({ a: "y", b: "y" });
    expect(result.success).toBe(false);
    expect(result.error && fieldErrorsOf(result.error)).toEqual({ a: "A is short.", form: "A and B must differ." });
  });

  it("build the failure a form shows after a check the schema could not make", () => {
    expect(invalidFieldsState({ dueAt: "Pick a due date and time." }, { dueAt: "soon" })).toEqual({
      ok: false,
      message: "Please fix the highlighted field.",
      fieldErrors: { dueAt: "Pick a due date and time." },
      values: { dueAt: "soon" },
    });
  });
});
