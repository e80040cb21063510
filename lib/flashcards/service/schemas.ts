import { z } from "zod";
import { confirmField } from "../../forms";
import { OWN_CARD_LIMITS } from "../core/own-cards";
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

const side = (name: string, max: number) =>
  z.string().trim().min(1, `Write the ${name} of the card.`).max(max, `The ${name} can be at most ${max} characters.`);
/** A lesson to file a card under, or "" for the learner's own deck. */
const lessonChoice = z
  .string()
  .regex(/^([a-z0-9-]{1,100})?$/, "Choose a lesson from the list.")
  .default("");
const ownCardIdSchema = z.string().regex(/^own~[a-z0-9]{1,64}$/i, "That is not one of your cards.");

export const newOwnCardSchema = z.object({
  front: side("front", OWN_CARD_LIMITS.front),
  back: side("back", OWN_CARD_LIMITS.back),
  lesson: lessonChoice,
});
export type NewOwnCardInput = z.infer<typeof newOwnCardSchema>;

export const editOwnCardSchema = z.object({
  cardId: ownCardIdSchema,
  front: side("front", OWN_CARD_LIMITS.front),
  back: side("back", OWN_CARD_LIMITS.back),
});
export type EditOwnCardInput = z.infer<typeof editOwnCardSchema>;

export const deleteOwnCardSchema = z.object({ cardId: ownCardIdSchema, confirm: confirmField });

/**
 * A deck file is read whole; 900 kB holds far more than the per-import card limit and leaves room,
 * under the 1 MB cap on any request body (proxy.ts), for the rest of the form.
 */
export const DECK_FILE_MAX_BYTES = 900_000;
export const deckFileTooLarge = (bytes: number) =>
  `That file is ${Math.ceil(bytes / 1000)} kB; a deck file can be at most ${DECK_FILE_MAX_BYTES / 1000} kB.`;
export const importDeckSchema = z.object({ lesson: lessonChoice });

/** "Optimise my parameters" sends nothing but the press itself. */
export const optimiseParametersSchema = z.object({});
/** Back to the default FSRS parameters: only from the confirm step. */
export const resetParametersSchema = z.object({ confirm: confirmField });
