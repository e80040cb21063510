import { randomUUID } from "node:crypto";
import type {
  AttemptScope,
  FeedbackMode,
  QuizAnswerRecord,
  QuizAttemptRecord,
  QuizAttemptSecrets,
  QuizScope,
  StoredQuizAttempt,
} from "../quiz/core/attempt";
import type { Question } from "../quiz/core/types";
import type { Db } from "./create-db";
import type { DatabaseProvider } from "./database-url";
import { inChunks } from "./in-chunks";

export type {
  AttemptScope,
  FeedbackMode,
  QuizAnswerRecord,
  QuizAttemptRecord,
  QuizAttemptSecrets,
  QuizScope,
  StoredQuizAttempt,
} from "../quiz/core/attempt";

/** An attempt with at least one answer, and the questions drawn for it (with their keys: server only). */
export interface AnsweredAttempt {
  userId: string;
  scope: AttemptScope;
  completedAt: Date | null;
  questionIds: string[];
  questions: Question[];
  answers: QuizAnswerRecord[];
}

/** What storing an answer came to. */
export type RecordAnswerOutcome =
  | { kind: "stored"; answer: QuizAnswerRecord }
  /** The question was answered before (a double click, a second tab): the first answer, unchanged. */
  | { kind: "duplicate"; answer: QuizAnswerRecord }
  /** The attempt was finished before this answer could land: nothing stored. */
  | { kind: "closed" }
  /** No such attempt of this user. */
  | { kind: "missing" };

/** A time, or a clock read inside the transaction once the attempt is claimed (so times follow the order of commits). */
export type At = Date | (() => Date);
const timeOf = (at: At) => (typeof at === "function" ? at() : at);

/** How a finished attempt's score is set: given outright, or computed from its stored answers inside the finishing transaction. */
export type ScoreOnCompletion = number | ((attempt: { questionIds: string[]; answers: QuizAnswerRecord[] }) => number);

const answerSelect = { questionId: true, response: true, score: true, correct: true, answeredAt: true } as const;
const answers = { select: answerSelect, orderBy: { answeredAt: "asc" as const } };
const summarySelect = {
  id: true,
  scope: true,
  target: true,
  feedback: true,
  questionIds: true,
  startedAt: true,
  completedAt: true,
  score: true,
  answers,
} as const;
const secretsSelect = { seed: true, secret: true, questions: true } as const;

type SummaryRow = Omit<QuizAttemptRecord, "scope" | "feedback" | "questionIds"> & {
  scope: string;
  feedback: string;
  questionIds: string;
};
type SecretsRow = { seed: string; secret: string | null; questions: string | null };

const toRecord = (row: SummaryRow): QuizAttemptRecord => ({
  id: row.id,
  scope: row.scope as AttemptScope,
  target: row.target,
  feedback: row.feedback as FeedbackMode,
  questionIds: JSON.parse(row.questionIds) as string[],
  startedAt: row.startedAt,
  completedAt: row.completedAt,
  score: row.score,
  answers: row.answers,
});

// The stored questions are the server's own JSON, written by start() or storeQuestions().
const toSecrets = (row: SecretsRow): QuizAttemptSecrets => ({
  seed: row.seed,
  secret: row.secret,
  questions: row.questions === null ? null : (JSON.parse(row.questions) as Question[]),
});

/**
 * Interactive transactions queue: on SQLite behind the adapter's one connection, on PostgreSQL
 * behind the pool. Under load a short wait is normal, so the limits are generous.
 */
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 15_000 };

type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Inside a transaction, claims an attempt while it is open: a write that changes nothing
 * (`completedAt` stays null) and matches only an open attempt of this user. On PostgreSQL it holds
 * the attempt's row lock until commit, so a second claim (a finish, another answer) waits and then
 * sees what the first committed; SQLite takes its one write lock. True when the attempt is open.
 *
 * The hot path of every answer is plain SQL, valid on both databases (quoted identifiers, bound
 * parameters, ON CONFLICT): the client's query compiler costs about 1.5 ms of CPU per query here.
 */
async function claimOpen(tx: Transaction, userId: string, attemptId: string): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    UPDATE "QuizAttempt" SET "completedAt" = NULL
    WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "completedAt" IS NULL`;
  return claimed === 1;
}

/** Every method takes the signed-in user's id: an attempt is found only through its owner. */
export class QuizAttemptRepository {
  /** The answer's one statement differs by database (row locks and parameter types on PostgreSQL). */
  private readonly postgres: boolean;

  /** `provider`: the database `db` was opened on, as createDb chose it (`providerOf(url)`). */
  constructor(
    private readonly db: Db,
    provider: DatabaseProvider,
  ) {
    this.postgres = provider === "postgres";
  }

  /** `secret` and `questions` may be left out only by fixtures: such an attempt is treated like one from before they existed. */
  async start(
    userId: string,
    input: {
      scope: AttemptScope;
      target: string;
      seed: number | string;
      feedback: FeedbackMode;
      questionIds: string[];
      secret?: string;
      questions?: Question[];
    },
    now: Date,
  ): Promise<StoredQuizAttempt> {
    const row = await this.db.quizAttempt.create({
      data: {
        userId,
        scope: input.scope,
        target: input.target,
        seed: String(input.seed),
        secret: input.secret ?? null,
        feedback: input.feedback,
        questionIds: JSON.stringify(input.questionIds),
        questions: input.questions ? JSON.stringify(input.questions) : null,
        startedAt: now,
      },
      select: { ...summarySelect, ...secretsSelect },
    });
    return { ...toRecord(row), ...toSecrets(row) };
  }

  /** The attempt with its answers and secrets, for the quiz service. */
  async find(userId: string, attemptId: string): Promise<StoredQuizAttempt | null> {
    const row = await this.db.quizAttempt.findFirst({
      where: { id: attemptId, userId },
      select: { ...summarySelect, ...secretsSelect },
    });
    return row ? { ...toRecord(row), ...toSecrets(row) } : null;
  }

  /** The attempt and its secrets without its answers: the one read an answer costs (plain SQL, see `claimOpen`). */
  async findForAnswering(userId: string, attemptId: string): Promise<Omit<StoredQuizAttempt, "answers"> | null> {
    const [row] = await this.db.$queryRaw<(Omit<SummaryRow, "answers"> & SecretsRow)[]>`
      SELECT "id", "scope", "target", "feedback", "questionIds", "startedAt", "completedAt", "score",
             "seed", "secret", "questions"
      FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "userId" = ${userId}`;
    if (!row) return null;
    const { answers: _none, ...record } = toRecord({ ...row, answers: [] });
    return { ...record, ...toSecrets(row) };
  }

  /**
   * Gives an attempt from before secrets and stored questions its own, once: false when another
   * request stored them first (read the attempt again for theirs).
   */
  async storeQuestions(
    userId: string,
    attemptId: string,
    input: { secret: string; questions: Question[] },
  ): Promise<boolean> {
    const result = await this.db.quizAttempt.updateMany({
      where: { id: attemptId, userId, OR: [{ questions: null }, { secret: null }] },
      data: { secret: input.secret, questions: JSON.stringify(input.questions) },
    });
    return result.count === 1;
  }

  /** The newest unfinished attempt on a lesson or module, to resume. */
  async unfinished(userId: string, scope: AttemptScope, target: string): Promise<QuizAttemptRecord | null> {
    const row = await this.db.quizAttempt.findFirst({
      where: { userId, scope, target, completedAt: null },
      orderBy: { startedAt: "desc" },
      select: summarySelect,
    });
    return row ? toRecord(row) : null;
  }

  /** The best finished score per target (lesson slug or module id) of one scope, for the course map. */
  async bestScores(userId: string, scope: QuizScope): Promise<Map<string, number>> {
    const rows = await this.db.quizAttempt.groupBy({
      by: ["target"],
      where: { userId, scope, completedAt: { not: null } },
      _max: { score: true },
    });
    return new Map(rows.map((row) => [row.target, row._max.score ?? 0]));
  }

  /** Every attempt the learner left open, newest first: what "pick up where you left off" offers. */
  async unfinishedAll(userId: string): Promise<QuizAttemptRecord[]> {
    const rows = await this.db.quizAttempt.findMany({
      where: { userId, completedAt: null },
      orderBy: { startedAt: "desc" },
      select: summarySelect,
      take: 10,
    });
    return rows.map(toRecord);
  }

  /** Finished attempts, newest first (the latest 50). */
  async history(userId: string, scope?: QuizScope, target?: string): Promise<QuizAttemptRecord[]> {
    const rows = await this.db.quizAttempt.findMany({
      where: { userId, completedAt: { not: null }, ...(scope ? { scope } : {}), ...(target ? { target } : {}) },
      orderBy: { completedAt: "desc" },
      select: summarySelect,
      take: 50,
    });
    return rows.map(toRecord);
  }

  /**
   * Every attempt of the learner, finished or not, oldest first, with its answers and the questions
   * drawn for it (null for attempts from before they were stored): for the learner's own data export.
   */
  async everyAttempt(userId: string): Promise<(QuizAttemptRecord & { questions: Question[] | null })[]> {
    const rows = await this.db.quizAttempt.findMany({
      where: { userId },
      select: { ...summarySelect, questions: true },
      orderBy: { startedAt: "asc" },
    });
    return rows.map((row) => ({
      ...toRecord(row),
      questions: row.questions === null ? null : (JSON.parse(row.questions) as Question[]),
    }));
  }

  /** When the learner answered, and how well, since `since`: the activity charts' quiz points. */
  async answerMoments(userId: string, since: Date): Promise<{ at: Date; score: number }[]> {
    const rows = await this.db.quizAnswer.findMany({
      where: { attempt: { userId }, answeredAt: { gte: since } },
      select: { answeredAt: true, score: true },
      orderBy: { answeredAt: "asc" },
    });
    return rows.map((r) => ({ at: r.answeredAt, score: r.score }));
  }

  /**
   * Every answer the learner has given, finished attempt or not, with the questions drawn for its
   * attempt (their concepts and distractors' misconceptions): what mastery is computed from. Attempts
   * whose questions were never stored (from before that column) are left out.
   */
  async answeredQuestions(userId: string): Promise<AnsweredAttempt[]> {
    return this.answeredQuestionsOf([userId]);
  }

  /** The same for several learners at once (a class's members): one query, not one per learner. */
  async answeredQuestionsOf(userIds: string[]): Promise<AnsweredAttempt[]> {
    const rows = await inChunks(userIds, (ids) =>
      this.db.quizAttempt.findMany({
        where: { userId: { in: ids }, questions: { not: null }, answers: { some: {} } },
        select: { userId: true, scope: true, completedAt: true, questionIds: true, questions: true, answers },
        orderBy: { startedAt: "asc" },
      }),
    );
    return rows.map((row) => ({
      userId: row.userId,
      scope: row.scope as AttemptScope,
      completedAt: row.completedAt,
      questionIds: JSON.parse(row.questionIds) as string[],
      questions: JSON.parse(row.questions ?? "[]") as Question[],
      answers: row.answers,
    }));
  }

  /**
   * Stores a graded answer exactly once, and only while the attempt is open, in one statement (no
   * interactive transaction: under load its begin/commit round trips through the client cost more
   * than the answer itself). The INSERT takes its row from the open attempt, so it inserts nothing
   * once the attempt is finished, and ON CONFLICT makes a second answer to a question a no-op.
   * Against a racing finish (which claims the attempt with an UPDATE, then reads the answers):
   * on PostgreSQL the SELECT locks the attempt's row FOR SHARE, so either this answer commits first
   * and the finish's UPDATE waits for it (and counts it), or the finish holds the row and this
   * statement waits, re-reads the row under READ COMMITTED, finds it completed and inserts nothing.
   * On SQLite every statement runs under the database's one write lock, so the finish's
   * transaction and this statement cannot interleave. `now` is read just before the statement:
   * a finish that counts this answer reads its own time after its claim, so an answer's time is
   * never later than its attempt's completion. Only when nothing was inserted (a duplicate, a
   * finished or a missing attempt: rare) is there a second read to say which.
   */
  async recordAnswer(
    userId: string,
    attemptId: string,
    answer: Omit<QuizAnswerRecord, "answeredAt">,
    now: At,
  ): Promise<RecordAnswerOutcome> {
    const stored = { ...answer, answeredAt: timeOf(now) };
    const id = randomUUID();
    const inserted = this.postgres
      ? await this.db.$executeRaw`
          INSERT INTO "QuizAnswer" ("id", "attemptId", "questionId", "response", "score", "correct", "answeredAt")
          SELECT ${id}::text, "id", ${stored.questionId}::text, ${stored.response}::text,
                 ${stored.score}::double precision, ${stored.correct}::boolean, ${stored.answeredAt}::timestamp(3)
          FROM "QuizAttempt"
          WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "completedAt" IS NULL
          FOR SHARE
          ON CONFLICT ("attemptId", "questionId") DO NOTHING`
      : await this.db.$executeRaw`
          INSERT INTO "QuizAnswer" ("id", "attemptId", "questionId", "response", "score", "correct", "answeredAt")
          SELECT ${id}, "id", ${stored.questionId}, ${stored.response}, ${stored.score}, ${stored.correct},
                 ${stored.answeredAt}
          FROM "QuizAttempt"
          WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "completedAt" IS NULL
          ON CONFLICT ("attemptId", "questionId") DO NOTHING`;
    if (inserted === 1) return { kind: "stored", answer: stored };
    const existing = await this.db.quizAnswer.findFirst({
      where: { attemptId, questionId: answer.questionId, attempt: { userId } },
      select: answerSelect,
    });
    // A repeat of an answer given before the finish is still reported as that answer.
    if (existing) return { kind: "duplicate", answer: existing };
    const attempt = await this.db.quizAttempt.findFirst({ where: { id: attemptId, userId }, select: { id: true } });
    return attempt ? { kind: "closed" } : { kind: "missing" };
  }

  /**
   * Finishes an attempt; finishing twice keeps the first result. It claims the open attempt the
   * way recordAnswer does, so answers in flight either land before (and count: the score is
   * computed from the stored answers inside this transaction) or are refused after.
   */
  complete(userId: string, attemptId: string, score: ScoreOnCompletion, now: At): Promise<QuizAttemptRecord | null> {
    return this.db.$transaction(async (tx) => {
      const open = await claimOpen(tx, userId, attemptId);
      const row = await tx.quizAttempt.findFirst({ where: { id: attemptId, userId }, select: summarySelect });
      if (!row || !open) return row ? toRecord(row) : null;
      const record = toRecord(row);
      const done = { completedAt: timeOf(now), score: typeof score === "number" ? score : score(record) };
      await tx.quizAttempt.update({ where: { id: attemptId }, data: done });
      return { ...record, ...done };
    }, TRANSACTION_LIMITS);
  }
}
