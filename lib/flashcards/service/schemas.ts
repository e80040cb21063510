import { z } from "zod";
import { RATINGS, RETENTION_RANGE } from "../core/scheduler";

export const rateCardSchema = z.object({
  cardId: z.string().min(1).max(200),
  rating: z.enum(RATINGS),
  expectedVersion: z.number().int().min(0),
});
export type RateCardInput = z.infer<typeof rateCardSchema>;

export const srsSettingsSchema = z.object({
  desiredRetention: z.coerce
    .number()
    .min(RETENTION_RANGE[0], `Desired retention must be at least ${RETENTION_RANGE[0]}.`)
    .max(RETENTION_RANGE[1], `Desired retention must be at most ${RETENTION_RANGE[1]}.`),
  dailyNewLimit: z.coerce
    .number()
    .int("The daily limit is a whole number.")
    .min(0, "The daily limit cannot be negative.")
    .max(500, "The daily limit is at most 500."),
});
export type SrsSettingsInput = z.infer<typeof srsSettingsSchema>;

/** `GET /review/export.apkg?lesson=<slug>`: a lesson's cards; without `lesson`, the learner's own deck. */
export const ankiExportQuerySchema = z.object({
  lesson: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, "A lesson slug is lower-case letters, digits and hyphens.")
    .optional(),
});
