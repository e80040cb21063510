import { z } from "zod";

const slug = z.string().min(1).max(120);

/** The lesson page's "mark as complete" toggle: hidden fields, so the values are the page's own. */
export const completionSchema = z.object({
  slug,
  completed: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** A reading heartbeat from the lesson page (fetch or navigator.sendBeacon). */
export const readingSchema = z.object({
  slug,
  seconds: z.number().finite().min(0).max(3600),
  sectionId: z.string().max(120).nullable().optional(),
});
export type ReadingInput = z.infer<typeof readingSchema>;
