import { z } from "zod";

export const MAX_EVENTS = 400;

export const drillEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("command"), line: z.string().max(500) }),
  z.object({ type: z.literal("predict"), stepId: z.string().max(80) }),
]);

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
export const drillSlugSchema = slug;
const events = z
  .array(drillEventSchema)
  .max(MAX_EVENTS, `A drill keeps at most ${MAX_EVENTS} commands; reset it to start over.`);

export const saveEventsSchema = z.object({ slug, events });
export const commitPredictionSchema = z.object({ slug, stepId: slug, choice: z.number().int().min(0).max(9), events });
export const checkTaskSchema = z.object({ slug, stepId: slug, events });
