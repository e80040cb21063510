import { z } from "zod";
import { confirmField } from "../../forms";
import { BROWSE_STATES, CUSTOM_STUDY_KINDS } from "../core/card-browser";
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

export const importDeckSchema = z.object({ lesson: lessonChoice });

/** "Optimise my parameters" sends nothing but the press itself. */
export const optimiseParametersSchema = z.object({});
/** Back to the default FSRS parameters: only from the confirm step. */
export const resetParametersSchema = z.object({ confirm: confirmField });

/** Any card id the browser shows: a lesson card (`<lesson>:<kind>:<id>`) or one of the learner's own. */
const anyCardIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(own~[a-z0-9]{1,64}|[a-z0-9-]{1,100}:[A-Za-z0-9:._-]{1,99})$/i, "That is not one of your cards.");
const lessonCardIdSchema = anyCardIdSchema.refine((id) => !id.startsWith("own~"), "That is not a lesson's card.");

export const suspendCardSchema = z.object({
  cardId: anyCardIdSchema,
  suspended: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const cardCopySchema = z.object({
  cardId: lessonCardIdSchema,
  front: side("front", OWN_CARD_LIMITS.front),
  back: side("back", OWN_CARD_LIMITS.back),
});
export type CardCopyInput = z.infer<typeof cardCopySchema>;

export const resetCardCopySchema = z.object({ cardId: lessonCardIdSchema });

const firstParam = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const param = <T extends z.ZodType>(schema: T) => z.preprocess(firstParam, schema);

/**
 * The browser's query string (`/review/cards?q=…&lesson=…&state=…&page=…`). A value that cannot be
 * read falls back to "all" rather than failing the page: a link kept from an older version still opens.
 * `lesson=own` is the learner's own deck (cards filed under no lesson).
 */
export const browseQuerySchema = z.object({
  q: param(z.string().trim().max(100).catch("")).catch(""),
  lesson: param(
    z
      .string()
      .regex(/^(own|[a-z0-9-]{1,100})$/)
      .optional()
      .catch(undefined),
  ).catch(undefined),
  state: param(z.enum(BROWSE_STATES).optional().catch(undefined)).catch(undefined),
  page: param(z.coerce.number().int().min(1).max(10_000).catch(1)).catch(1),
});
export type BrowseQuery = z.infer<typeof browseQuerySchema>;

/** `/review/custom?kind=lesson&lesson=<slug>` or `?kind=forgotten[&lesson=<slug>]`. */
export const customStudyQuerySchema = z.object({
  kind: param(z.enum(CUSTOM_STUDY_KINDS)),
  lesson: param(
    z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/, "Choose a lesson from the list.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  ),
});
