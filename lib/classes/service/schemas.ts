import { z } from "zod";

const id = z.string().min(1).max(64);

export const createClassSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the class a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
});

export const addAssignmentSchema = z.object({
  classId: id,
  quiz: z.string().regex(/^(lesson|module):[a-z0-9-]+$/, "Choose a quiz from the list."),
  // From <input type="datetime-local"> plus the browser's offset, so the due time means what the instructor saw.
  dueAt: z.string().min(1, "Pick a due date and time."),
  // The browser's Date#getTimezoneOffset(); before the page's script runs the field holds 0 (UTC).
  tzOffsetMinutes: z.coerce.number().int().min(-840).max(840),
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

/** "2026-09-10T17:00" typed in a browser whose getTimezoneOffset() is `offset` → the instant it means. */
export function parseLocalDateTime(value: string, offset: number): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(utc + offset * 60_000);
}
