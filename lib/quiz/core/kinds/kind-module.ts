import { z } from "zod";
import type { Rng } from "../seeded";

/** Option, item and choice ids as the browser sends them back: short opaque strings. */
export const responseId = z.string().min(1).max(64);

/** What a kind's `toPublic` is handed besides the question. */
export interface PublicContext {
  /** Seeded by the attempt and the question: the same attempt always shows the same order. */
  rng: Rng;
  /**
   * The id the browser knows an option, item or choice by. Every id a kind sends out goes through
   * it: the service names them with a keyed MAC per attempt (lib/quiz/service/public-id-scheme.ts),
   * so a public id says nothing about the internal one; previews and tests pass the identity.
   */
  publicId(internalId: string): string;
}

/**
 * Everything that differs by question kind, in one place. Q is the question as the server holds
 * it (with its key), S the zod schema of the learner's response (the response type is its
 * z.infer), P the kind's part of the question as the browser receives it.
 *
 * Members are methods, not function-valued properties, on purpose: the dispatchers in
 * kinds/index.ts hand a module a `Question` whose kind they have checked, which TypeScript accepts
 * for methods (their parameters are compared bivariantly) but cannot prove for a union
 * (microsoft/TypeScript#30581).
 */
export interface QuestionKindModule<
  Q extends { kind: string },
  S extends z.ZodType<{ kind: Q["kind"] }>,
  P extends { kind: Q["kind"] },
> {
  readonly kind: Q["kind"];
  /** The response as it arrives from the browser; the server action refuses anything else. */
  readonly responseSchema: S;
  /** A response of another kind this kind also takes, turned into its own; null when it does not fit. */
  adopt?(response: { kind: string }): z.infer<S> | null;
  /** What is wrong with a generated question of this kind (beyond what every question needs). */
  validate(q: Q): string[];
  /** Why a response does not fit the question (unknown option, nothing chosen...), or null when it does. */
  responseProblem(q: Q, r: z.infer<S>): string | null;
  /** 0..1 for a response that fits (see responseProblem); partial credit where the kind allows it. */
  grade(q: Q, r: z.infer<S>): number;
  /** The response that earns full marks. */
  answerKey(q: Q): z.infer<S>;
  /** The misunderstanding behind a wrong response, for kinds whose distractors carry one. */
  misconception?(q: Q, r: z.infer<S>): string | null;
  /** The kind's part of the public question: no key, no misconceptions, ids through ctx.publicId. */
  toPublic(q: Q, ctx: PublicContext): P;
  /**
   * The response with every option, item and choice id in it passed through `f`: the service maps
   * a browser's response from public to internal ids, and a stored response or key back.
   */
  mapIds(r: z.infer<S>, f: (id: string) => string): z.infer<S>;
  /** A response or key in words, one line each, from what the browser was sent. */
  answerText(q: P, r: z.infer<S>): string[];
  /** The kind's lines in an author's preview (quiz:preview): choices with the key marked. */
  preview(q: Q): string[];
}
