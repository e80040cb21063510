// The rows a generated learner's activity becomes, shaped as the services store them (see
// prisma/models.prisma): the database layer writes them as they are.

import type { Lesson } from "../../content/types";
import type { Drill, DrillEvent, StepResult } from "../../drills/core/types";
import type { CardState, RatingName, StateName } from "../../flashcards/core/scheduler";
import type { FeedbackMode, QuizAnswerRecord, QuizScope } from "../../quiz/core/attempt";
import type { Question } from "../../quiz/core/types";
import type { Archetype } from "./demo-learners";

/** What activity is generated over: the course in order, its modules and its drills. */
export interface DemoCourse {
  /** Every lesson in course order. */
  lessons: Lesson[];
  modules: { id: string; lessons: Lesson[] }[];
  drills: Drill[];
}

/** An assignment of the class: a lesson or module quiz (or the final exam) due at a time. */
export interface DemoAssignment {
  scope: QuizScope;
  target: string;
  dueAt: Date;
}

/** A LessonProgress row. */
export interface DemoLessonProgress {
  lessonSlug: string;
  startedAt: Date;
  lastViewedAt: Date;
  completedAt: Date | null;
  timeSpentSec: number;
  lastSectionId: string | null;
}

/** A QuizAttempt row with its answers, as lib/quiz/service/quiz-service.ts stores them. */
export interface DemoQuizAttempt {
  scope: QuizScope;
  target: string;
  seed: string;
  secret: string;
  feedback: FeedbackMode;
  questionIds: string[];
  /** The drawn questions with their keys. Attempts of one form share the array (write it once). */
  questions: Question[];
  startedAt: Date;
  completedAt: Date | null;
  score: number | null;
  answers: QuizAnswerRecord[];
}

/** A DrillProgress row: events that replay to the learner's cluster, and each finished step's result. */
export interface DemoDrillProgress {
  drillSlug: string;
  events: DrillEvent[];
  results: Record<string, StepResult>;
  stepStart: number;
  version: number;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** A FlashcardState row. */
export interface DemoCardState extends CardState {
  cardId: string;
  lessonSlug: string;
  version: number;
}

/** A FlashcardReview row, from the scheduler's rate(). */
export interface DemoCardReview {
  cardId: string;
  rating: RatingName;
  stateBefore: StateName;
  /** The card before the rating, or null when it was new: what undo would restore. */
  previous: CardState | null;
  after: CardState;
  resultVersion: number;
  review: Date;
}

export interface DemoLearner {
  index: number;
  name: string;
  email: string;
  archetype: Archetype;
  lessons: DemoLessonProgress[];
  attempts: DemoQuizAttempt[];
  drills: DemoDrillProgress[];
  cardStates: DemoCardState[];
  reviews: DemoCardReview[];
}
