import type { ContentLibrary } from "../../content/load-content";
import type { QuizAttemptRecord, QuizScope } from "../../db/quiz-attempt-repository";
import type { Repositories } from "../../db/repositories";
import { isQuizScope } from "../../quiz/core/attempt";
import { describeQuiz } from "../../quiz/core/describe-quiz";
import { fail, ok, type Result } from "../../result";
import { ACTIVITY_WEEKS, type Activity, activity } from "../core/activity";
import { type LearnerMastery, learnerMastery } from "../core/learner-mastery";
import { heartbeatSeconds, type LessonProgressRecord } from "../core/lesson-status";
import type { ReadingInput } from "./schemas";

export interface ProgressServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  /** Which lesson each published drill practises (drill slug → lesson slug). */
  drillLessons: () => Map<string, string>;
  now: () => Date;
}

/**
 * Where the signed-in learner stands: lesson visits, reading time and completion, and the quiz
 * attempts they have finished or left open.
 */
export function createProgressService({ repos, library, drillLessons, now }: ProgressServiceDeps) {
  const findLesson = (slug: string) => library().lessons.find((l) => l.slug === slug);

  return {
    /** Every lesson record of the learner, most recently viewed first. */
    list(userId: string): Promise<LessonProgressRecord[]> {
      return repos.progress.listForUser(userId);
    },

    /** A visit to a lesson page: starts the lesson on first view. */
    async visit(userId: string, slug: string): Promise<Result<LessonProgressRecord>> {
      const lesson = findLesson(slug);
      if (!lesson) return fail(`No lesson "${slug}".`);
      return ok(await repos.progress.recordVisit(userId, lesson.slug, now()));
    },

    /** A reading heartbeat: capped time, and the section only when the lesson really has it. */
    async recordReading(userId: string, input: ReadingInput): Promise<Result<LessonProgressRecord>> {
      const lesson = findLesson(input.slug);
      if (!lesson) return fail(`No lesson "${input.slug}".`);
      const sectionId =
        input.sectionId && lesson.toc.some((t) => t.id === input.sectionId) ? input.sectionId : undefined;
      const seconds = heartbeatSeconds(input.seconds);
      return ok(await repos.progress.recordActivity(userId, lesson.slug, { seconds, sectionId }, now()));
    },

    async setCompleted(userId: string, slug: string, completed: boolean): Promise<Result<LessonProgressRecord>> {
      const lesson = findLesson(slug);
      if (!lesson) return fail("That lesson does not exist.");
      return ok(await repos.progress.setCompleted(userId, lesson.slug, completed, now()));
    },

    /** A lesson's or module's quiz for the learner: an attempt to resume, and finished ones, newest first. */
    async quizStanding(
      userId: string,
      scope: QuizScope,
      target: string,
    ): Promise<{ unfinished: QuizAttemptRecord | null; history: QuizAttemptRecord[] }> {
      const [unfinished, history] = await Promise.all([
        repos.quizzes.unfinished(userId, scope, target),
        repos.quizzes.history(userId, scope, target),
      ]);
      return { unfinished, history };
    },

    /** The best finished lesson-quiz score per lesson slug, for the course map. */
    bestLessonQuizScores(userId: string): Promise<Map<string, number>> {
      return repos.quizzes.bestScores(userId, "lesson");
    },
    /** Quiz attempts the learner left open, newest first, with what each is and how far it got. */
    async unfinishedQuizzes(userId: string) {
      const open = await repos.quizzes.unfinishedAll(userId);
      return open.flatMap((a) => {
        const quiz = describeQuiz(library(), a.scope, a.target);
        // A quiz's page offers to resume its open attempt; a retake or a practice is resumed where it is.
        const href = isQuizScope(a.scope) ? quiz?.href : `/quiz/${a.id}`;
        return quiz && href
          ? [
              {
                ...quiz,
                href,
                id: a.id,
                startedAt: a.startedAt,
                answered: a.answers.length,
                questions: a.questionIds.length,
              },
            ]
          : [];
      });
    },

    /** Study per day, week and streak over the last ACTIVITY_WEEKS weeks, in the learner's zone. */
    async activity(userId: string, timeZone: string): Promise<Activity> {
      const at = now();
      // A day more than the calendar: its first Monday starts at most 7 × ACTIVITY_WEEKS days back.
      const since = new Date(at.getTime() - (7 * ACTIVITY_WEEKS + 1) * 86_400_000);
      const [quizAnswers, ratings, drills] = await Promise.all([
        repos.quizzes.answerMoments(userId, since),
        repos.flashcards.reviews(userId, since),
        repos.drills.listForUser(userId),
      ]);
      const drillSteps = drills.flatMap((d) => Object.values(d.results).map((r) => new Date(r.at)));
      return activity({ quizAnswers, ratings: ratings.map((r) => r.review), drillSteps }, at, timeZone);
    },

    /** Mastery of every concept of the course and the misconceptions the learner showed. */
    async mastery(userId: string): Promise<LearnerMastery> {
      const [quizzes, drills, cards, settings] = await Promise.all([
        repos.quizzes.answeredQuestions(userId),
        repos.drills.listForUser(userId),
        repos.flashcards.states(userId),
        repos.flashcards.settings(userId),
      ]);
      return learnerMastery(
        { lessons: library().lessons, drillLessons: drillLessons() },
        { quizzes, drills, cards, parameters: settings.parameters },
        now(),
      );
    },

    /** The score of the learner's most recently finished quiz, or null before the first. */
    async latestQuizScore(userId: string): Promise<number | null> {
      // A retake holds only questions missed before: practice, not a quiz's score.
      const latest = (await repos.quizzes.history(userId)).find((a) => isQuizScope(a.scope));
      return latest ? (latest.score ?? 0) : null;
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
