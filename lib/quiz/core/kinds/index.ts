import type { Question, QuestionKind, Response } from "../types";
import { cloze } from "./cloze";
import type { QuestionKindModule } from "./kind-module";
import { matching } from "./matching";
import { multiple } from "./multiple";
import { oddOneOut } from "./odd-one-out";
import { ordering } from "./ordering";
import { single } from "./single";
import { trueFalse } from "./true-false";

/** Checks that each module sits under its own kind's name. */
const registry = <T extends { [K in keyof T]: { kind: K } }>(modules: T) => modules;

/**
 * Every question kind, by name: the one list a new kind is added to. QuestionKind, Question,
 * Response and PublicQuestion (types.ts) are derived from it.
 */
export const questionKinds = registry({
  single,
  "true-false": trueFalse,
  multiple,
  matching,
  cloze,
  ordering,
  "odd-one-out": oddOneOut,
});

export type QuestionKinds = typeof questionKinds;

/** A module seen through the types every kind shares, for code that handles any question. */
export type AnyQuestionKindModule = QuestionKindModule<
  Question,
  QuestionKinds[QuestionKind]["responseSchema"],
  ReturnType<QuestionKinds[QuestionKind]["toPublic"]>
>;

/** The module of a kind. Callers pass it questions and responses of that kind only (see ownResponse). */
export const kindModule = (kind: QuestionKind): AnyQuestionKindModule => questionKinds[kind];

/** Each kind's response schema, for the server boundary's discriminated union. */
export const responseSchemas = () => Object.values(questionKinds).map((k) => k.responseSchema);

/** The response as the kind takes it: itself, or adopted from a kind it also accepts; null when it does not fit. */
export function ownResponse(kind: QuestionKind, response: Response): Response | null {
  if (response.kind === kind) return response;
  return kindModule(kind).adopt?.(response) ?? null;
}
