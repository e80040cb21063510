// The one way a server action reads a form: take the fields its zod schema names, parse them, and on
// failure hand back an ActionState whose field errors are keyed by input name and whose values echo
// what was typed, so the form can show each problem beside its input and lose nothing.
// Pure: no React, Next or database.
import { z } from "zod";
import { type ActionState, failureState } from "./result";

export type FormValues = Record<string, string>;

/** A destructive action's form arrives only from its confirm step (components/ui/confirm-action.tsx), which sends confirm=yes. */
export const confirmField = z.literal("yes", "Confirm first: use the button in the confirmation.");

/** The text a form sent for each of `names`: "" when absent (a file upload counts as absent). */
export function formValues(form: FormData, names: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

/**
 * Messages for checks a schema did not word itself. Every form field arrives as text, so the wording
 * speaks of what was typed; schemas still give their own sentence wherever the field needs one.
 */
function readableIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "This field is required." : `Use at least ${issue.minimum} characters.`;
      return `Enter at least ${issue.minimum}.`;
    case "too_big":
      return issue.origin === "string" ? `Use at most ${issue.maximum} characters.` : `Enter at most ${issue.maximum}.`;
    case "invalid_value":
      return "Choose one of the options.";
    case "invalid_type":
      return issue.expected === "number" ? "Enter a number." : "This field is required.";
    default:
      return "This value is not valid.";
  }
}

/** A zod error as one readable message per input name: the first problem found with each. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[name] ??= issue.message;
  }
  return errors;
}

/**
 * A submit refused because of what was typed: a sentence pointing at the highlighted fields (or
 * `message`, for a form whose inputs are hidden and cannot be highlighted), each field's own
 * message, and the values to put back.
 */
export function invalidFieldsState(
  fieldErrors: Record<string, string>,
  values: FormValues,
  message?: string,
): ActionState<never> {
  const summary =
    Object.keys(fieldErrors).length === 1 ? "Please fix the highlighted field." : "Please fix the highlighted fields.";
  return failureState<never>(message ?? summary, fieldErrors, values);
}

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; state: ActionState<never> };

/** Reads the fields `schema` names from `form` and parses them; on failure, the state to return. */
export function parseForm<S extends z.ZodObject>(
  schema: S,
  form: FormData,
  options: { message?: string } = {},
): ParsedForm<z.output<S>> {
  const values = formValues(form, Object.keys(schema.shape));
  const parsed = schema.safeParse(values, { error: readableIssue });
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, state: invalidFieldsState(fieldErrorsOf(parsed.error), values, options.message) };
}
