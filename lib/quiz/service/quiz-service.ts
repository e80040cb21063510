import type { ContentLibrary } from "../../content/load-content";
import type { Lesson } from "../../content/types";
import type {
  AttemptScope,
  FeedbackMode,
  QuizAnswerRecord,
  QuizScope,
  StoredQuizAttempt,
} from "../../db/quiz-attempt-repository";
import type { Repositories } from "../../db/repositories";
import { attemptScore, COURSE_TARGET, isQuizScope } from "../core/attempt";
import { PRACTICE_TITLE, RETAKE_TITLE } from "../core/describe-quiz";
import { drawAttemptQuestions } from "../core/draw-attempt";
import { answerKey, gradeResponse, misconceptionOf, responseProblem } from "../core/grade";
import { buildEntries, poolSeedOf, questionPool } from "../core/pool";
import { type ConceptRef, drawPractice, practiceTarget } from "../core/practice";
import { type PublicIdScheme, toInternalResponse, toPublicResponse } from "../core/public-ids";
import { toPublicQuestion } from "../core/public-question";
import { drawRetake, missedQuestions } from "../core/retake";
import type { QuizSeed } from "../core/seeded";
import type { AnswerKey, Observation, PublicQuestion, Question, Response } from "../core/types";
import { createPoolCache, type PoolCache } from "./pool-cache";
import { macIdScheme } from "./public-id-scheme";

/** What the browser may know about an answered question: shown after answering (or at the end). */
export interface Reveal {
  score: number;
  correct: boolean;
  /** In the ids the browser knows, like the key. */
  response: Response;
  key: AnswerKey;
  explanation: string;
  /** The misunderstanding behind the distractor the learner picked, when there is one. */
  misconception: string | null;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  sectionTitle: string;
  evidence: Observation[];
}

export interface AttemptView {
  id: string;
  scope: AttemptScope;
  target: string;
  title: string;
  feedback: FeedbackMode;
  completed: boolean;
  score: number | null;
  questions: PublicQuestion[];
  /** By public question id, answered questions only; the key and explanation only in "immediate" mode or once completed. */
  answered: Record<string, { saved: true } & Partial<Reveal>>;
  /** Once completed: the key and explanation of questions left unanswered, for the review. */
  unanswered: Record<string, Omit<Reveal, "score" | "correct" | "response" | "misconception">>;
}

export type SubmitResult = { saved: true; duplicate: boolean } & Partial<Reveal>;

export type QuizResult<T> = { ok: true; value: T } | { ok: false; error: string; status: 400 | 404 | 409 };

export interface QuizServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
  /** A fresh secret seed per attempt: at least 64 bits of crypto randomness on the server (see attempt-secrets.ts). */
  newSeed: () => QuizSeed;
  /** A fresh 128-bit key per attempt, base64url, for its public ids. */
  newSecret: () => string;
  /** Where new attempts' pools come from; the server passes its process-wide cache (default: one per service). */
  pools?: PoolCache;
}

export const NO_SUCH_ATTEMPT = "There is no such quiz attempt.";
export const ATTEMPT_FINISHED = "This attempt is finished; start a new one to answer again.";
export const LESSON_CHANGED = "This quiz's lesson has changed since the attempt started; start a new attempt.";

const fail = <T>(error: string, status: 400 | 404 | 409 = 400): QuizResult<T> => ({ ok: false, error, status });
const success = <T>(value: T): QuizResult<T> => ({ ok: true, value });

/** An attempt's questions as the server holds them, and the scheme that names them to the browser. */
interface Drawn {
  questions: Question[];
  ids: PublicIdScheme;
}

type AttemptState = Omit<StoredQuizAttempt, "answers">;

export function createQuizService(deps: QuizServiceDeps) {
  const pools = deps.pools ?? createPoolCache();
  /** The pools a new attempt with this seed draws from (the cache's, see pool-cache.ts). */
  const poolsFor = (lessons: Lesson[], seed: QuizSeed) => {
    const poolSeed = poolSeedOf(seed);
    return lessons.flatMap((l) => pools.pool(l, poolSeed));
  };

  /** A quiz's lessons and title; null for a retake or a practice, whose questions are chosen when they start. */
  function lessonsFor(scope: AttemptScope, target: string): { title: string; lessons: Lesson[] } | null {
    if (!isQuizScope(scope)) return null;
    const library = deps.library();
    if (scope === "lesson") {
      const lesson = library.lessons.find((l) => l.slug === target);
      return lesson ? { title: lesson.title, lessons: [lesson] } : null;
    }
    if (scope === "course")
      return target === COURSE_TARGET && library.lessons.length > 0
        ? { title: "Final exam: the whole course", lessons: library.lessons }
        : null;
    const module = library.modules.find((m) => m.id === target);
    return module && module.lessons.length > 0 ? { title: module.title, lessons: module.lessons } : null;
  }

  const poolOf = (lessons: Lesson[], seed: QuizSeed) => lessons.flatMap((l) => questionPool(l, seed));

  /** An old attempt's questions from its seed: the same pool and draw as when it started, or null once its lessons changed. */
  function rebuilt(attempt: AttemptState): Question[] | null {
    const target = lessonsFor(attempt.scope, attempt.target);
    const byId = new Map((target ? poolOf(target.lessons, attempt.seed) : []).map((q) => [q.id, q]));
    const questions = attempt.questionIds.map((id) => byId.get(id));
    return questions.every((q) => q !== undefined) ? questions : null;
  }

  /**
   * The attempt's stored questions and id scheme. An attempt from before they were stored is
   * rebuilt once from its seed (the same pool and draw as when it started, while its lessons are
   * unchanged) and given a secret; if its lessons changed, it cannot continue.
   */
  async function drawnOf(userId: string, attempt: AttemptState): Promise<QuizResult<Drawn>> {
    if (attempt.questions && attempt.secret)
      return success({ questions: attempt.questions, ids: macIdScheme(attempt.secret) });
    const questions = attempt.questions ?? rebuilt(attempt);
    if (!questions) return fail(LESSON_CHANGED, 409);
    const secret = deps.newSecret();
    if (await deps.repos.quizzes.storeQuestions(userId, attempt.id, { secret, questions }))
      return success({ questions, ids: macIdScheme(secret) });
    // Another request upgraded it first: use what it stored.
    const stored = await deps.repos.quizzes.findForAnswering(userId, attempt.id);
    if (!stored?.questions || !stored.secret) return fail(NO_SUCH_ATTEMPT, 404);
    return success({ questions: stored.questions, ids: macIdScheme(stored.secret) });
  }

  function reveal(
    question: Question,
    answer: Pick<QuizAnswerRecord, "score" | "correct" | "response">,
    ids: PublicIdScheme,
  ): Reveal {
    const lesson = deps.library().lessons.find((l) => l.slug === question.lessonSlug);
    const response = JSON.parse(answer.response) as Response;
    return {
      score: answer.score,
      correct: answer.correct,
      response: toPublicResponse(question, response, ids),
      key: toPublicResponse(question, answerKey(question), ids),
      explanation: question.explanation,
      misconception: answer.correct ? null : misconceptionOf(question, response),
      lessonSlug: question.lessonSlug,
      lessonTitle: lesson?.title ?? question.lessonSlug,
      sectionId: question.sectionId,
      sectionTitle: lesson?.toc.find((t) => t.id === question.sectionId)?.title ?? "the lesson",
      evidence: question.evidence ?? [],
    };
  }

  function solution(question: Question, ids: PublicIdScheme): AttemptView["unanswered"][string] {
    const {
      score: _s,
      correct: _c,
      response: _r,
      misconception: _m,
      ...rest
    } = reveal(question, { score: 0, correct: false, response: JSON.stringify(answerKey(question)) }, ids);
    return rest;
  }

  function viewOf(attempt: StoredQuizAttempt, drawn: Drawn): AttemptView {
    const completed = attempt.completedAt !== null;
    const showKeys = completed || attempt.feedback === "immediate";
    const answered: AttemptView["answered"] = {};
    const unanswered: AttemptView["unanswered"] = {};
    for (const question of drawn.questions) {
      const publicId = drawn.ids.question(question.id);
      const answer = attempt.answers.find((a) => a.questionId === question.id);
      if (answer)
        answered[publicId] = showKeys
          ? { saved: true, ...reveal(question, answer, drawn.ids) }
          : { saved: true, response: toPublicResponse(question, JSON.parse(answer.response) as Response, drawn.ids) };
      else if (completed) unanswered[publicId] = solution(question, drawn.ids);
    }
    return {
      id: attempt.id,
      scope: attempt.scope,
      target: attempt.target,
      title:
        attempt.scope === "retake"
          ? RETAKE_TITLE
          : attempt.scope === "practice"
            ? PRACTICE_TITLE
            : (lessonsFor(attempt.scope, attempt.target)?.title ?? attempt.target),
      feedback: attempt.feedback,
      completed,
      score: attempt.score,
      questions: drawn.questions.map((q) => toPublicQuestion(q, attempt.seed, drawn.ids)),
      answered,
      unanswered,
    };
  }

  /** Stores a new attempt with its drawn questions and a fresh secret; answers what the browser may see of it. */
  async function stored(
    userId: string,
    attempt: { scope: AttemptScope; target: string; seed: string; feedback: FeedbackMode },
    questions: Question[],
  ): Promise<AttemptView> {
    const secret = deps.newSecret();
    const row = await deps.repos.quizzes.start(
      userId,
      { ...attempt, questionIds: questions.map((q) => q.id), secret, questions },
      deps.now(),
    );
    return viewOf(row, { questions, ids: macIdScheme(secret) });
  }

  return {
    lessonsFor,

    /** Draws a new attempt and stores its questions with their keys; answers with what the browser may see of it. */
    async start(
      userId: string,
      scope: QuizScope,
      target: string,
      feedback: FeedbackMode,
    ): Promise<QuizResult<AttemptView>> {
      const found = lessonsFor(scope, target);
      if (!found) return fail("There is no such quiz.", 404);
      const seed = String(deps.newSeed());
      const questions = drawAttemptQuestions(scope, found.lessons, seed, pools.pool);
      return success(await stored(userId, { scope, target, seed, feedback }, questions));
    },

    /**
     * A new attempt over what one finished attempt of the learner's missed (wrong, partly right,
     * unanswered): one question per missed one, of the same template in a fresh draw (core/retake.ts).
     */
    async startRetake(
      userId: string,
      sourceAttemptId: string,
      feedback: FeedbackMode,
    ): Promise<QuizResult<AttemptView>> {
      const source = await deps.repos.quizzes.find(userId, sourceAttemptId);
      if (!source) return fail(NO_SUCH_ATTEMPT, 404);
      if (!source.completedAt) return fail("Finish this attempt first; then you can retake what you missed.", 409);
      const drawn = await drawnOf(userId, source);
      if (!drawn.ok) return drawn;
      const missed = missedQuestions(
        drawn.value.questions.map((question) => ({
          question,
          score: source.answers.find((a) => a.questionId === question.id)?.score ?? null,
        })),
      );
      if (missed.length === 0) return fail("You got every question right: there is nothing to retake.", 409);
      const library = deps.library();
      const lessons = [...new Set(missed.map((q) => q.lessonSlug))].flatMap((slug) =>
        library.lessons.filter((l) => l.slug === slug),
      );
      const seed = String(deps.newSeed());
      const questions = buildEntries(drawRetake(missed, poolsFor(lessons, seed), seed));
      if (questions.length === 0) return fail(LESSON_CHANGED, 409);
      return success(await stored(userId, { scope: "retake", target: source.id, seed, feedback }, questions));
    },

    /** A short practice on these concepts (the learner's weakest, from their mastery), feedback after each answer. */
    async startPractice(userId: string, concepts: readonly ConceptRef[]): Promise<QuizResult<AttemptView>> {
      const library = deps.library();
      const lessons = library.lessons.filter((l) => concepts.some((c) => c.lessonSlug === l.slug));
      const seed = String(deps.newSeed());
      const questions = buildEntries(drawPractice(concepts, poolsFor(lessons, seed), seed));
      if (questions.length === 0) return fail("There is nothing to practise yet: take a lesson quiz first.", 409);
      const attempt = {
        scope: "practice" as const,
        target: practiceTarget(concepts),
        seed,
        feedback: "immediate" as const,
      };
      return success(await stored(userId, attempt, questions));
    },

    async view(userId: string, attemptId: string): Promise<QuizResult<AttemptView>> {
      const attempt = await deps.repos.quizzes.find(userId, attemptId);
      if (!attempt) return fail(NO_SUCH_ATTEMPT, 404);
      const drawn = await drawnOf(userId, attempt);
      return drawn.ok ? success(viewOf(attempt, drawn.value)) : drawn;
    },

    /**
     * Grades on the server; the key comes back only in immediate-feedback mode. One read (the
     * attempt with its stored questions) and one write (the answer, in a transaction that also
     * refuses it once the attempt is finished).
     */
    async submit(
      userId: string,
      attemptId: string,
      publicQuestionId: string,
      response: Response,
    ): Promise<QuizResult<SubmitResult>> {
      const attempt = await deps.repos.quizzes.findForAnswering(userId, attemptId);
      if (!attempt) return fail(NO_SUCH_ATTEMPT, 404);
      if (attempt.completedAt) return fail(ATTEMPT_FINISHED, 409);
      const drawn = await drawnOf(userId, attempt);
      if (!drawn.ok) return drawn;
      const { ids } = drawn.value;
      const question = drawn.value.questions.find((q) => ids.question(q.id) === publicQuestionId);
      if (!question) return fail("That question is not part of this attempt.", 400);
      const internal = toInternalResponse(question, response, ids);
      if (!internal.ok) return fail(internal.error, 400);
      const problem = responseProblem(question, internal.value);
      if (problem) return fail(problem, 400);
      const grade = gradeResponse(question, internal.value);
      const outcome = await deps.repos.quizzes.recordAnswer(
        userId,
        attemptId,
        { questionId: question.id, response: JSON.stringify(internal.value), ...grade },
        deps.now,
      );
      if (outcome.kind === "missing") return fail(NO_SUCH_ATTEMPT, 404);
      if (outcome.kind === "closed") return fail(ATTEMPT_FINISHED, 409);
      const shown = reveal(question, outcome.answer, ids);
      const base = { saved: true as const, duplicate: outcome.kind === "duplicate", response: shown.response };
      return success(attempt.feedback === "immediate" ? { ...base, ...shown } : base);
    },

    /**
     * Finishes the attempt: the score is the mean over all its questions, unanswered ones count 0,
     * computed from the stored answers in the transaction that closes the attempt.
     */
    async finish(userId: string, attemptId: string): Promise<QuizResult<{ score: number }>> {
      const done = await deps.repos.quizzes.complete(
        userId,
        attemptId,
        (attempt) => attemptScore(attempt.answers, attempt.questionIds.length),
        deps.now,
      );
      return done ? success({ score: done.score ?? 0 }) : fail(NO_SUCH_ATTEMPT, 404);
    },
  };
}

export type QuizService = ReturnType<typeof createQuizService>;
