import type { ContentLibrary } from "../../content/load-content";
import type { Lesson } from "../../content/types";
import type { FeedbackMode, QuizAttemptRecord, QuizScope } from "../../db/quiz-attempt-repository";
import type { Repositories } from "../../db/repositories";
import { drawQuiz } from "../core/assemble";
import { answerKey, gradeResponse, misconceptionOf, responseProblem } from "../core/grade";
import { questionPool } from "../core/pool";
import { toPublicQuestion } from "../core/public-question";
import { opaqueId } from "../core/seeded";
import type { AnswerKey, Observation, PublicQuestion, Question, Response } from "../core/types";

/** What the browser may know about an answered question: shown after answering (or at the end). */
export interface Reveal {
  score: number;
  correct: boolean;
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
  scope: QuizScope;
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

export type QuizResult<T> = { ok: true; value: T } | { ok: false; error: string; status: 400 | 404 | 409 };

export interface QuizServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
  /** A fresh secret seed per attempt (crypto on the server). */
  newSeed: () => number;
}

const fail = <T>(error: string, status: 400 | 404 | 409 = 400): QuizResult<T> => ({ ok: false, error, status });

/** Pools are rebuilt from (content, seed); a small cache spares the simulator runs on every click. */
const poolCache = new Map<string, Question[]>();
const POOL_CACHE_SIZE = 64;

export function createQuizService(deps: QuizServiceDeps) {
  function lessonsFor(scope: QuizScope, target: string): { title: string; lessons: Lesson[] } | null {
    const library = deps.library();
    if (scope === "lesson") {
      const lesson = library.lessons.find((l) => l.slug === target);
      return lesson ? { title: lesson.title, lessons: [lesson] } : null;
    }
    const module = library.modules.find((m) => m.id === target);
    return module && module.lessons.length > 0 ? { title: module.title, lessons: module.lessons } : null;
  }

  function poolFor(lessons: Lesson[], seed: number): Question[] {
    const key = `${lessons.map((l) => `${l.slug}@${l.body.length}:${l.scenarios.join(",")}`).join("|")}#${seed}`;
    let pool = poolCache.get(key);
    if (!pool) {
      pool = lessons.flatMap((l) => questionPool(l, seed));
      if (poolCache.size >= POOL_CACHE_SIZE) poolCache.delete(poolCache.keys().next().value!);
      poolCache.set(key, pool);
    }
    return pool;
  }

  /** The attempt's questions in order, each with the id the browser knows it by. */
  function questionsOf(attempt: QuizAttemptRecord): { publicId: string; question: Question | undefined }[] | null {
    const target = lessonsFor(attempt.scope, attempt.target);
    if (!target) return null;
    const byId = new Map(poolFor(target.lessons, attempt.seed).map((q) => [q.id, q]));
    // Public ids are opaque per attempt: a question id (which can carry a scenario's seed) never leaves the server.
    return attempt.questionIds.map((id) => ({
      publicId: opaqueId(`attempt:${attempt.seed}`, id),
      question: byId.get(id),
    }));
  }

  function reveal(question: Question, answer: { score: number; correct: boolean; response: string }): Reveal {
    const lesson = deps.library().lessons.find((l) => l.slug === question.lessonSlug);
    const response = JSON.parse(answer.response) as Response;
    const misconception = answer.correct ? null : misconceptionOf(question, response);
    return {
      score: answer.score,
      correct: answer.correct,
      response,
      key: answerKey(question),
      explanation: question.explanation,
      misconception,
      lessonSlug: question.lessonSlug,
      lessonTitle: lesson?.title ?? question.lessonSlug,
      sectionId: question.sectionId,
      sectionTitle: lesson?.toc.find((t) => t.id === question.sectionId)?.title ?? "the lesson",
      evidence: question.evidence ?? [],
    };
  }

  function view(attempt: QuizAttemptRecord): QuizResult<AttemptView> {
    const target = lessonsFor(attempt.scope, attempt.target);
    const questions = questionsOf(attempt);
    if (!target || !questions || questions.some((q) => !q.question)) {
      return fail("This quiz's lesson has changed since the attempt started; start a new attempt.", 409);
    }
    const completed = attempt.completedAt !== null;
    const showKeys = completed || attempt.feedback === "immediate";
    const answered: AttemptView["answered"] = {};
    const unanswered: AttemptView["unanswered"] = {};
    for (const { publicId, question } of questions) {
      const answer = attempt.answers.find((a) => a.questionId === question!.id);
      if (answer)
        answered[publicId] = showKeys
          ? { saved: true, ...reveal(question!, answer) }
          : { saved: true, response: JSON.parse(answer.response) as Response };
      else if (completed) {
        const {
          score: _s,
          correct: _c,
          response: _r,
          misconception: _m,
          ...solution
        } = reveal(question!, { score: 0, correct: false, response: "{}" });
        unanswered[publicId] = solution;
      }
    }
    return {
      ok: true,
      value: {
        id: attempt.id,
        scope: attempt.scope,
        target: attempt.target,
        title: target.title,
        feedback: attempt.feedback,
        completed,
        score: attempt.score,
        questions: questions.map(({ publicId, question }) => ({
          ...toPublicQuestion(question!, attempt.seed),
          id: publicId,
        })),
        answered,
        unanswered,
      },
    };
  }

  return {
    lessonsFor,

    async start(
      userId: string,
      scope: QuizScope,
      target: string,
      feedback: FeedbackMode,
    ): Promise<QuizResult<{ attemptId: string }>> {
      const found = lessonsFor(scope, target);
      if (!found) return fail("There is no such quiz.", 404);
      const seed = deps.newSeed();
      const questions = drawQuiz(poolFor(found.lessons, seed), seed);
      const attempt = await deps.repos.quizzes.start(
        userId,
        { scope, target, seed, feedback, questionIds: questions.map((q) => q.id) },
        deps.now(),
      );
      return { ok: true, value: { attemptId: attempt.id } };
    },

    async view(userId: string, attemptId: string): Promise<QuizResult<AttemptView>> {
      const attempt = await deps.repos.quizzes.find(userId, attemptId);
      return attempt ? view(attempt) : fail("There is no such quiz attempt.", 404);
    },

    /** Grades on the server; the key comes back only in immediate-feedback mode. */
    async submit(
      userId: string,
      attemptId: string,
      publicId: string,
      response: Response,
    ): Promise<QuizResult<{ saved: true; duplicate: boolean } & Partial<Reveal>>> {
      const attempt = await deps.repos.quizzes.find(userId, attemptId);
      if (!attempt) return fail("There is no such quiz attempt.", 404);
      if (attempt.completedAt) return fail("This attempt is finished; start a new one to answer again.", 409);
      const entry = questionsOf(attempt)?.find((q) => q.publicId === publicId);
      if (!entry) return fail("That question is not part of this attempt.", 400);
      if (!entry.question)
        return fail("This quiz's lesson has changed since the attempt started; start a new attempt.", 409);
      const problem = responseProblem(entry.question, response);
      if (problem) return fail(problem, 400);
      const grade = gradeResponse(entry.question, response);
      const stored = await deps.repos.quizzes.recordAnswer(
        userId,
        attemptId,
        { questionId: entry.question.id, response: JSON.stringify(response), ...grade },
        deps.now(),
      );
      if (!stored) return fail("There is no such quiz attempt.", 404);
      const base = {
        saved: true as const,
        duplicate: stored.duplicate,
        response: JSON.parse(stored.answer.response) as Response,
      };
      return {
        ok: true,
        value: attempt.feedback === "immediate" ? { ...base, ...reveal(entry.question, stored.answer) } : base,
      };
    },

    /** Finishes the attempt: the score is the mean over all its questions, unanswered ones count 0. */
    async finish(userId: string, attemptId: string): Promise<QuizResult<{ score: number }>> {
      const attempt = await deps.repos.quizzes.find(userId, attemptId);
      if (!attempt) return fail("There is no such quiz attempt.", 404);
      const total = attempt.answers.reduce((sum, a) => sum + a.score, 0);
      const done = await deps.repos.quizzes.complete(userId, attemptId, total / attempt.questionIds.length, deps.now());
      return { ok: true, value: { score: done!.score ?? 0 } };
    },
  };
}

export type QuizService = ReturnType<typeof createQuizService>;
