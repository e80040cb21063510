import { z } from "zod";

const id = z.string().min(1).max(64);

/** A learner's response as it arrives from the browser; never trusted beyond this shape. */
export const responseSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("single"), optionId: id }),
  z.object({ kind: z.literal("true-false"), optionId: id }),
  z.object({ kind: z.literal("multiple"), optionIds: z.array(id).max(20) }),
  z.object({
    kind: z.literal("matching"),
    pairs: z.record(id, id).refine((p) => Object.keys(p).length <= 40, "too many pairs"),
  }),
  z.object({ kind: z.literal("cloze"), text: z.string().max(200) }),
  z.object({ kind: z.literal("ordering"), order: z.array(id).max(40) }),
]);

export const attemptIdSchema = z.string().min(1).max(64);

export const submitAnswerSchema = z.object({
  attemptId: attemptIdSchema,
  questionId: id,
  response: responseSchema,
});

export const startQuizSchema = z.object({
  scope: z.enum(["lesson", "module"]),
  target: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "unknown quiz"),
  feedback: z.enum(["immediate", "end"]),
});
