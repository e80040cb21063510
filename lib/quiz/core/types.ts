// Quiz questions as the server holds them (with answer keys) and as the browser sees them (without).
// What differs by kind (the question's fields, the response, the public form) is defined once, in
// the kind's module under kinds/; the types here are derived from the registry in kinds/index.ts.

import type { z } from "zod";
import type { QuestionKinds } from "./kinds";

export interface Option {
  id: string;
  text: string;
  /** For a distractor: the misunderstanding that makes someone pick it. */
  misconception?: string;
}

export interface Item {
  id: string;
  text: string;
}

/** A command and what the simulator printed: the evidence behind a scenario question's answer. */
export interface Observation {
  command: string;
  output: string;
}

/**
 * Where questions come from: generated from the lesson's structure (lesson-questions.ts), computed
 * by running simulator scenarios (scenarios/), or written by hand in the lesson's frontmatter
 * (authored-questions.ts).
 */
export const QUESTION_SOURCES = ["lesson", "simulator", "authored"] as const;

export type QuestionSource = (typeof QUESTION_SOURCES)[number];

/** What every question has, whatever its kind; a kind's module adds `kind` and its own fields. */
export interface QuestionBase {
  /** Stable for the same lesson content and seed: generator, subject and parameters. */
  id: string;
  lessonSlug: string;
  /** The lesson section the question comes from; the player links to it after answering. */
  sectionId: string;
  prompt: string;
  /** Shown above the prompt: for scenario questions, the commands that set the scene. */
  context?: Observation[];
  explanation: string;
  concepts: string[];
  difficulty: 1 | 2 | 3;
  source: QuestionSource;
  /** Scenario questions: what the simulator printed when the change was made. Server only. */
  evidence?: Observation[];
}

export type QuestionKind = keyof QuestionKinds;

/** A question of one kind, with its key. */
export type QuestionOf<K extends QuestionKind> = Parameters<QuestionKinds[K]["validate"]>[0];

export type Question = { [K in QuestionKind]: QuestionOf<K> }[QuestionKind];

/** What a learner submits for a question of this kind: the kind's zod schema, inferred. */
export type ResponseOf<K extends QuestionKind> = z.infer<QuestionKinds[K]["responseSchema"]>;

export type Response = { [K in QuestionKind]: ResponseOf<K> }[QuestionKind];

/** The answer key, revealed only once the learner has answered: the response that earns full marks. */
export type AnswerKey = Response;

export interface Grade {
  /** 0..1; partial credit for multiple select, matching and ordering. */
  score: number;
  correct: boolean;
}

/** What the browser sees of every question before answering: no key, no explanation, no evidence. */
export interface PublicQuestionBase {
  id: string;
  prompt: string;
  context?: Observation[];
  concepts: string[];
  difficulty: 1 | 2 | 3;
  source: QuestionSource;
}

/** A question of one kind as the browser receives it: the base and the fields its kind shows. */
export type PublicQuestionOf<K extends QuestionKind> = PublicQuestionBase & ReturnType<QuestionKinds[K]["toPublic"]>;

export type PublicQuestion = { [K in QuestionKind]: PublicQuestionOf<K> }[QuestionKind];

export class QuizGenerationError extends Error {}
