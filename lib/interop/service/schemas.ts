import { z } from "zod";
import { QUIZ_SCOPES } from "../../quiz/core/attempt";
import { DEFAULT_EXPORT_SEED } from "../core/export-set";
import { EXPORT_FORMAT_IDS } from "../core/formats";

/** The largest seed an export takes: a 31-bit integer, like the seeds of early quiz attempts. */
export const MAX_EXPORT_SEED = 2_147_483_647;

/** A download request as the route receives it: the path's format, scope and target, and `?seed=`. */
export const exportRequestSchema = z.object({
  format: z.enum(EXPORT_FORMAT_IDS, { error: `Export as ${EXPORT_FORMAT_IDS.join(" or ")}.` }),
  scope: z.enum(QUIZ_SCOPES, { error: "Export a lesson, a module or the course." }),
  target: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, "A lesson slug or module id is lower-case letters, digits and hyphens."),
  seed: z.coerce
    .number({ error: "The seed is a whole number." })
    .int("The seed is a whole number.")
    .min(0, "The seed is a whole number from 0.")
    .max(MAX_EXPORT_SEED, `The seed is at most ${MAX_EXPORT_SEED}.`)
    .default(DEFAULT_EXPORT_SEED),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;
