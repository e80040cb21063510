// A quiz attempt as the platform stores it: which questions were drawn, how they were answered.

import type { Question } from "./types";

/** What a quiz is drawn from: one lesson, one module's lessons, or the whole course (the final exam). */
export const QUIZ_SCOPES = ["lesson", "module", "course"] as const;
export type QuizScope = (typeof QUIZ_SCOPES)[number];

/**
 * What an attempt is of: a quiz; a retake of the questions missed in one finished attempt (target:
 * that attempt's id); or a short practice on the learner's weakest concepts (target: those concepts,
 * `lesson/concept` joined by "+"). Retakes and practice are not quizzes of their own, so they are
 * never assigned, exported or counted as a quiz's score; their answers count for mastery like any.
 */
export const ATTEMPT_SCOPES = [...QUIZ_SCOPES, "retake", "practice"] as const;
export type AttemptScope = (typeof ATTEMPT_SCOPES)[number];

/** Whether an attempt's (or an assignment's) scope is one of a quiz: not a retake, a drill or a review. */
export const isQuizScope = (scope: string): scope is QuizScope => (QUIZ_SCOPES as readonly string[]).includes(scope);

/** The target of the course-wide final exam (there is one course). */
export const COURSE_TARGET = "course";

/** Where a learner starts another attempt of the same quiz (a retake: the review it came from; practice: the mastery page). */
export function quizHref(scope: AttemptScope, target: string): string {
  if (scope === "retake") return `/quiz/${target}/review`;
  if (scope === "practice") return "/progress";
  if (scope === "course") return "/course/exam";
  return scope === "lesson" ? `/lessons/${target}/quiz` : `/modules/${target}/quiz`;
}

/** Questions per attempt: ten for a lesson, one per lesson at least for a module, twenty for the final exam. */
export function quizLength(scope: QuizScope, lessonCount: number): number {
  if (scope === "course") return Math.max(20, lessonCount);
  return scope === "module" ? Math.max(10, lessonCount) : 10;
}
export type FeedbackMode = "immediate" | "end";

export interface QuizAnswerRecord {
  /** The question's internal id. */
  questionId: string;
  /** The response as JSON, in the question's internal ids. */
  response: string;
  score: number;
  correct: boolean;
  answeredAt: Date;
}

/** What lists and summaries show of an attempt: no seed, no secret, no keys. */
export interface QuizAttemptRecord {
  id: string;
  scope: AttemptScope;
  target: string;
  feedback: FeedbackMode;
  questionIds: string[];
  startedAt: Date;
  completedAt: Date | null;
  score: number | null;
  answers: QuizAnswerRecord[];
}

/** What only the server knows of an attempt; none of it is ever sent to the browser. */
export interface QuizAttemptSecrets {
  /** Decimal text: 64 bits of crypto randomness for new attempts, a 31-bit integer for early ones. */
  seed: string;
  /**
   * 128 random bits (base64url) keying the MAC that names the attempt's questions and options to
   * the browser. Null for attempts started before it existed, until the service first reads them.
   */
  secret: string | null;
  /**
   * The drawn questions with their keys, in the order asked, so answering never rebuilds a pool.
   * Null for attempts started before they were stored, until the service first reads them.
   */
  questions: Question[] | null;
}

/** An attempt with its secrets, for the quiz service only. */
export type StoredQuizAttempt = QuizAttemptRecord & QuizAttemptSecrets;

/** An attempt's score: the mean over all its questions, unanswered ones counting 0. */
export function attemptScore(answers: readonly { score: number }[], questionCount: number): number {
  if (questionCount === 0) return 0;
  return answers.reduce((sum, a) => sum + a.score, 0) / questionCount;
}
