import { z } from "zod";
import { QUIZ_SCOPES } from "../core/attempt";
import { responseSchemas } from "../core/kinds";

const id = z.string().min(1).max(64);

const [firstResponse, ...otherResponses] = responseSchemas();

/** A learner's response as it arrives from the browser, one shape per question kind; never trusted beyond this. */
export const responseSchema = z.discriminatedUnion("kind", [firstResponse, ...otherResponses]);

export const attemptIdSchema = z.string().min(1).max(64);

export const submitAnswerSchema = z.object({
  attemptId: attemptIdSchema,
  questionId: id,
  response: responseSchema,
});

export const startQuizSchema = z.object({
  scope: z.enum(QUIZ_SCOPES),
  target: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "unknown quiz"),
  feedback: z.enum(["immediate", "end"]),
});

/** A form naming one of the learner's finished attempts: to retake what it missed, or to turn that into flashcards. */
export const attemptFormSchema = z.object({ attemptId: attemptIdSchema });

/** An answer posted to the JSON API: the attempt is in the path. */
export const answerBodySchema = submitAnswerSchema.omit({ attemptId: true });
