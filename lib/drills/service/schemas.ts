import { z } from "zod";
import { LINE_TOO_LONG, MAX_EVENTS, MAX_LINE, TOO_MANY_EVENTS } from "./limits";

export const drillEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("command"), line: z.string().max(MAX_LINE, LINE_TOO_LONG) }),
  z.object({ type: z.literal("predict"), stepId: z.string().max(80) }),
]);

export const drillEventsSchema = z.array(drillEventSchema).max(MAX_EVENTS, TOO_MANY_EVENTS);

/** Messages about the limits are worth showing as they are; any other parse problem is a bad request. */
export const LIMIT_MESSAGES: ReadonlySet<string> = new Set([TOO_MANY_EVENTS, LINE_TOO_LONG]);

/** The service's own check (its callers may not have parsed): the first limit an event list breaks. */
export function eventLimitProblem(events: unknown): string | null {
  const parsed = drillEventsSchema.safeParse(events);
  if (parsed.success) return null;
  const limit = parsed.error.issues.find((i) => LIMIT_MESSAGES.has(i.message));
  return limit?.message ?? "That request could not be read. Reload the page and try again.";
}

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
export const drillSlugSchema = slug;

export const saveEventsSchema = z.object({ slug, events: drillEventsSchema });
export const commitPredictionSchema = z.object({
  slug,
  stepId: slug,
  choice: z.number().int().min(0).max(9),
  events: drillEventsSchema,
});
export const checkTaskSchema = z.object({ slug, stepId: slug, events: drillEventsSchema });
export const taskSolutionSchema = z.object({ slug, stepId: slug });
