import { z } from "zod";
import { isWithin, parseLocalDateTime, yearsAround } from "../../dates";
import { dayKey } from "../../format";

// The action turns the checked text into the instant with the same parser the check used.
export { parseLocalDateTime } from "../../dates";

const id = z.string().min(1).max(64);

export const createClassSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the class a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
});

/** How far from today a due date may be: a typo such as year 9999 is refused, not stored. */
export const DUE_DATE_YEARS_BACK = 1;
export const DUE_DATE_YEARS_AHEAD = 5;

/**
 * What is wrong with a typed due date, as the sentence to show beside the field, or null. A
 * browser's date picker only offers real dates, but a hand-made request can send anything.
 */
export function dueDateProblem(local: string, offsetMinutes: number, now: Date): string | null {
  const instant = parseLocalDateTime(local, offsetMinutes);
  if (!instant) return "That date and time do not exist; pick them from the calendar.";
  const range = yearsAround(now, DUE_DATE_YEARS_BACK, DUE_DATE_YEARS_AHEAD);
  if (!isWithin(instant, range))
    return `Pick a due date between ${dayKey(range.earliest)} and ${dayKey(range.latest)}.`;
  return null;
}

export const addAssignmentSchema = z
  .object({
    classId: id,
    quiz: z.string().regex(/^(lesson|module|course):[a-z0-9-]+$/, "Choose a quiz from the list."),
    // From <input type="datetime-local"> plus the browser's offset, so the due time means what the instructor saw.
    dueAt: z.string().min(1, "Pick a due date and time."),
    // The browser's Date#getTimezoneOffset(); before the page's script runs the field holds 0 (UTC).
    tzOffsetMinutes: z.coerce.number().int().min(-840).max(840),
  })
  .superRefine((input, ctx) => {
    // The range is around the moment of the request; the service then refuses past instants.
    const problem = dueDateProblem(input.dueAt, input.tzOffsetMinutes, new Date());
    if (problem) ctx.addIssue({ code: "custom", path: ["dueAt"], message: problem });
  });
export type AddAssignmentInput = z.infer<typeof addAssignmentSchema>;

export const removeAssignmentSchema = z.object({ classId: id, assignmentId: id });

export const joinClassSchema = z.object({
  code: z
    .string()
    .trim()
    .min(4, "Type the class code, e.g. ABCD-2345.")
    .max(20, "A class code is 9 characters, e.g. ABCD-2345."),
});
