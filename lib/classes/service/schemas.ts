import { z } from "zod";
import { instantOfDateTimeLocal, isWithin, parseDateTimeLocal, yearsAround } from "../../dates";
import { dayKey } from "../../format";
import { confirmField } from "../../forms";
import { timeZoneSchema } from "../../time-zone-form";
import { ASSIGNMENT_SCOPES } from "../core/assignment-kinds";

const id = z.string().min(1).max(64);

export const createClassSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the class a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  timeZone: timeZoneSchema,
});

/** How far from today a due date may be: a typo such as year 9999 is refused, not stored. */
export const DUE_DATE_YEARS_BACK = 1;
export const DUE_DATE_YEARS_AHEAD = 5;

/**
 * What is wrong with a due date typed in the class's zone, as the sentence to show beside the field,
 * or null. A browser's date picker only offers real dates, but a hand-made request can send anything,
 * and a picker happily offers the hour that clocks skip when they go forward.
 */
export function dueDateProblem(local: string, timeZone: string, now: Date): string | null {
  const parsed = instantOfDateTimeLocal(local, timeZone);
  if (!parsed.ok)
    return parsed.problem === "skipped"
      ? `That time does not happen in ${timeZone}: the clocks go forward over it. Pick a time an hour later.`
      : "That date and time do not exist; pick them from the calendar.";
  const range = yearsAround(now, DUE_DATE_YEARS_BACK, DUE_DATE_YEARS_AHEAD);
  if (!isWithin(parsed.instant, range))
    return `Pick a due date between ${dayKey(range.earliest, timeZone)} and ${dayKey(range.latest, timeZone)}.`;
  return null;
}

// From <input type="datetime-local">: a wall-clock time in the class's zone, which only the service
// knows; here only that it is a date and time at all.
const dueAt = z
  .string()
  .min(1, "Pick a due date and time.")
  .refine(
    (value) => parseDateTimeLocal(value) !== null,
    "That date and time do not exist; pick them from the calendar.",
  );

export const addAssignmentSchema = z.object({
  classId: id,
  quiz: z
    .string()
    .regex(
      new RegExp(`^(${ASSIGNMENT_SCOPES.join("|")}):[a-z0-9-]+$`),
      "Choose a quiz, drill or lesson's flashcards from the list.",
    ),
  dueAt,
});
export type AddAssignmentInput = z.infer<typeof addAssignmentSchema>;

export const changeDueDateSchema = z.object({ classId: id, assignmentId: id, dueAt });

export const changeClassTimeZoneSchema = z.object({ classId: id, timeZone: timeZoneSchema });

export const removeAssignmentSchema = z.object({ classId: id, assignmentId: id, confirm: confirmField });

export const removeMemberSchema = z.object({ classId: id, userId: id, confirm: confirmField });

export const joinClassSchema = z.object({
  code: z
    .string()
    .trim()
    .min(4, "Type the class code, e.g. ABCD-2345.")
    .max(20, "A class code is 9 characters, e.g. ABCD-2345."),
});
