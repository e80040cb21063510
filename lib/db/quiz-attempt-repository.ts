import type { FeedbackMode, QuizAnswerRecord, QuizAttemptRecord, QuizScope } from "../quiz/core/attempt";
import type { Db } from "./create-db";

export type { FeedbackMode, QuizAnswerRecord, QuizAttemptRecord, QuizScope } from "../quiz/core/attempt";

export class AttemptClosedError extends Error {
  constructor() {
    super("This attempt is finished; start a new one to answer again.");
  }
}

const include = {
  answers: {
    select: { questionId: true, response: true, score: true, correct: true, answeredAt: true },
    orderBy: { answeredAt: "asc" as const },
  },
};

type Row = {
  id: string;
  scope: string;
  target: string;
  seed: number;
  feedback: string;
  questionIds: string;
  startedAt: Date;
  completedAt: Date | null;
  score: number | null;
  answers: QuizAnswerRecord[];
};

const toRecord = (row: Row): QuizAttemptRecord => ({
  ...row,
  scope: row.scope as QuizScope,
  feedback: row.feedback as FeedbackMode,
  questionIds: JSON.parse(row.questionIds) as string[],
});

/** Every method takes the signed-in user's id: an attempt is found only through its owner. */
export class QuizAttemptRepository {
  constructor(private readonly db: Db) {}

  async start(
    userId: string,
    input: { scope: QuizScope; target: string; seed: number; feedback: FeedbackMode; questionIds: string[] },
    now: Date,
  ): Promise<QuizAttemptRecord> {
    const row = await this.db.quizAttempt.create({
      data: {
        userId,
        scope: input.scope,
        target: input.target,
        seed: input.seed,
        feedback: input.feedback,
        questionIds: JSON.stringify(input.questionIds),
        startedAt: now,
      },
      include,
    });
    return toRecord(row);
  }

  async find(userId: string, attemptId: string): Promise<QuizAttemptRecord | null> {
    const row = await this.db.quizAttempt.findFirst({ where: { id: attemptId, userId }, include });
    return row ? toRecord(row) : null;
  }

  /** The newest unfinished attempt on a lesson or module, to resume. */
  async unfinished(userId: string, scope: QuizScope, target: string): Promise<QuizAttemptRecord | null> {
    const row = await this.db.quizAttempt.findFirst({
      where: { userId, scope, target, completedAt: null },
      orderBy: { startedAt: "desc" },
      include,
    });
    return row ? toRecord(row) : null;
  }

  /** Finished attempts, newest first. */
  async history(userId: string, scope?: QuizScope, target?: string): Promise<QuizAttemptRecord[]> {
    const rows = await this.db.quizAttempt.findMany({
      where: { userId, completedAt: { not: null }, ...(scope ? { scope } : {}), ...(target ? { target } : {}) },
      orderBy: { completedAt: "desc" },
      include,
      take: 50,
    });
    return rows.map(toRecord);
  }

  /**
   * Stores a graded answer once: a second submit for the same question (a double click, a second
   * tab) returns the first answer unchanged with `duplicate: true`.
   */
  async recordAnswer(
    userId: string,
    attemptId: string,
    answer: Omit<QuizAnswerRecord, "answeredAt">,
    now: Date,
  ): Promise<{ answer: QuizAnswerRecord; duplicate: boolean } | null> {
    const attempt = await this.db.quizAttempt.findFirst({
      where: { id: attemptId, userId },
      select: { completedAt: true },
    });
    if (!attempt) return null;
    const existing = await this.db.quizAnswer.findUnique({
      where: { attemptId_questionId: { attemptId, questionId: answer.questionId } },
      select: include.answers.select,
    });
    if (existing) return { answer: existing, duplicate: true };
    if (attempt.completedAt) throw new AttemptClosedError();
    try {
      const created = await this.db.quizAnswer.create({
        data: { attemptId, ...answer, answeredAt: now },
        select: include.answers.select,
      });
      return { answer: created, duplicate: false };
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
      const first = await this.db.quizAnswer.findUniqueOrThrow({
        where: { attemptId_questionId: { attemptId, questionId: answer.questionId } },
        select: include.answers.select,
      });
      return { answer: first, duplicate: true };
    }
  }

  /** Finishes an attempt with its score; finishing twice keeps the first result. */
  async complete(userId: string, attemptId: string, score: number, now: Date): Promise<QuizAttemptRecord | null> {
    await this.db.quizAttempt.updateMany({
      where: { id: attemptId, userId, completedAt: null },
      data: { completedAt: now, score },
    });
    return this.find(userId, attemptId);
  }
}
