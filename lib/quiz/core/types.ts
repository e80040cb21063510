// Quiz questions as the server holds them (with answer keys) and as the browser sees them (without).

export type QuestionKind = "single" | "multiple" | "true-false" | "matching" | "cloze" | "ordering";

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

interface QuestionBase {
  /** Stable for the same lesson content and seed: generator, subject and parameters. */
  id: string;
  kind: QuestionKind;
  lessonSlug: string;
  /** The lesson section the question comes from; the player links to it after answering. */
  sectionId: string;
  prompt: string;
  /** Shown above the prompt: for scenario questions, the commands that set the scene. */
  context?: Observation[];
  explanation: string;
  concepts: string[];
  difficulty: 1 | 2 | 3;
  source: "lesson" | "simulator";
  /** Scenario questions: what the simulator printed when the change was made. Server only. */
  evidence?: Observation[];
}

export interface ChoiceQuestion extends QuestionBase {
  kind: "single" | "true-false";
  options: Option[];
  answer: string;
}

export interface MultipleQuestion extends QuestionBase {
  kind: "multiple";
  options: Option[];
  answer: string[];
}

export interface MatchingQuestion extends QuestionBase {
  kind: "matching";
  items: Item[];
  choices: Item[];
  /** item id → choice id */
  answer: Record<string, string>;
}

export interface ClozeQuestion extends QuestionBase {
  kind: "cloze";
  before: string;
  after: string;
  answer: string;
  /** Other spellings that count as right (compared after normalising). */
  accepted: string[];
}

export interface OrderingQuestion extends QuestionBase {
  kind: "ordering";
  items: Item[];
  /** Item ids in the right order. */
  answer: string[];
}

export type Question = ChoiceQuestion | MultipleQuestion | MatchingQuestion | ClozeQuestion | OrderingQuestion;

/** What a learner submits, by question kind. */
export type Response =
  | { kind: "single" | "true-false"; optionId: string }
  | { kind: "multiple"; optionIds: string[] }
  | { kind: "matching"; pairs: Record<string, string> }
  | { kind: "cloze"; text: string }
  | { kind: "ordering"; order: string[] };

/** The answer key, revealed only once the learner has answered: the response that earns full marks. */
export type AnswerKey = Response;

export interface Grade {
  /** 0..1; partial credit for multiple select, matching and ordering. */
  score: number;
  correct: boolean;
}

/** A question as the browser receives it before answering: no key, no explanation, no evidence. */
export type PublicQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  context?: Observation[];
  concepts: string[];
  difficulty: 1 | 2 | 3;
  source: "lesson" | "simulator";
} & (
  | { kind: "single" | "true-false" | "multiple"; options: Item[] }
  | { kind: "matching"; items: Item[]; choices: Item[] }
  | { kind: "cloze"; before: string; after: string }
  | { kind: "ordering"; items: Item[] }
);

export class QuizGenerationError extends Error {}
