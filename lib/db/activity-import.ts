import { randomUUID } from "node:crypto";
import type { DemoLearner } from "../classes/core/demo-types";
import type { Db } from "./create-db";
import { Prisma } from "./generated/sqlite/client";

// Bulk inserts of a learner's past activity (lesson progress, quiz attempts and answers, drill
// runs, flashcard states and reviews) with the times it happened: demo data and benchmarks. The
// app's repositories write one row per action at the clock's time, which for a class's two months
// would be tens of thousands of round trips; here each table gets a few multi-row INSERTs. Rows are
// shaped exactly as the repositories shape theirs (JSON columns as they serialise them).
//
// Plain SQL valid on both databases (quoted identifiers, bound parameters), as the quiz repository's
// hot path is: the client's createMany spends about 0.25 ms of CPU per row compiling and
// interpreting its query, half of the demo seed's time when it was used here.

/** Rows per INSERT: well inside SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at 16 columns. */
const CHUNK = 500;

type Value = string | number | boolean | Date | null;

/** Each table's columns, in the order its rows' values are given (ids included: Prisma makes them, not the database). */
// biome-ignore format: one line per table reads as a schema
const COLUMNS = {
  LessonProgress: ["id", "userId", "lessonSlug", "startedAt", "lastViewedAt", "completedAt", "timeSpentSec", "lastSectionId"],
  QuizAttempt: ["id", "userId", "scope", "target", "seed", "secret", "feedback", "questionIds", "questions", "startedAt", "completedAt", "score"],
  QuizAnswer: ["id", "attemptId", "questionId", "response", "score", "correct", "answeredAt"],
  DrillProgress: ["id", "userId", "drillSlug", "events", "results", "stepStart", "version", "startedAt", "updatedAt", "completedAt"],
  FlashcardState: ["id", "userId", "cardId", "lessonSlug", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "version"],
  FlashcardReview: ["id", "userId", "cardId", "rating", "stateBefore", "previous", "stateAfter", "dueAfter", "stability", "difficulty", "resultVersion", "review", "undoneAt"],
} as const;

type Table = keyof typeof COLUMNS;

/** The counts of what was written, per table. */
export type ImportCounts = Record<Table, number>;

type Rows = Record<Table, Value[][]>;
const id = () => randomUUID();

function lessonAndDrillRows(rows: Rows, userId: string, activity: DemoLearner): void {
  for (const l of activity.lessons)
    rows.LessonProgress.push([
      id(),
      userId,
      l.lessonSlug,
      l.startedAt,
      l.lastViewedAt,
      l.completedAt,
      l.timeSpentSec,
      l.lastSectionId,
    ]);
  for (const d of activity.drills)
    rows.DrillProgress.push([
      id(),
      userId,
      d.drillSlug,
      JSON.stringify(d.events),
      JSON.stringify(d.results),
      d.stepStart,
      d.version,
      d.startedAt,
      d.updatedAt,
      d.completedAt,
    ]);
}

function quizRows(rows: Rows, userId: string, activity: DemoLearner, questionsJson: (q: object[]) => string): void {
  for (const a of activity.attempts) {
    const attemptId = id();
    rows.QuizAttempt.push([
      attemptId,
      userId,
      a.scope,
      a.target,
      a.seed,
      a.secret,
      a.feedback,
      JSON.stringify(a.questionIds),
      questionsJson(a.questions),
      a.startedAt,
      a.completedAt,
      a.score,
    ]);
    for (const r of a.answers)
      rows.QuizAnswer.push([id(), attemptId, r.questionId, r.response, r.score, r.correct, r.answeredAt]);
  }
}

function cardRows(rows: Rows, userId: string, activity: DemoLearner): void {
  for (const c of activity.cardStates)
    rows.FlashcardState.push([
      id(),
      userId,
      c.cardId,
      c.lessonSlug,
      c.state,
      c.due,
      c.stability,
      c.difficulty,
      c.elapsedDays,
      c.scheduledDays,
      c.learningSteps,
      c.reps,
      c.lapses,
      c.lastReview,
      c.version,
    ]);
  for (const r of activity.reviews)
    rows.FlashcardReview.push([
      id(),
      userId,
      r.cardId,
      r.rating,
      r.stateBefore,
      // As the flashcard repository serialises a card state for undo.
      r.previous ? JSON.stringify(r.previous) : null,
      r.after.state,
      r.after.due,
      r.after.stability,
      r.after.difficulty,
      r.resultVersion,
      r.review,
      null,
    ]);
}

export class ActivityImport {
  /** Attempts of one quiz form share their questions array: serialise it once. */
  private readonly questionsJson = new WeakMap<object, string>();

  constructor(private readonly db: Db) {}

  /** True when the learner has done anything a dashboard counts: then their own history stays as it is. */
  async hasActivity(userId: string): Promise<boolean> {
    const where = { userId };
    const counts = await Promise.all([
      this.db.lessonProgress.count({ where }),
      this.db.quizAttempt.count({ where }),
      this.db.drillProgress.count({ where }),
      this.db.flashcardState.count({ where }),
    ]);
    return counts.some((n) => n > 0);
  }

  private async insert(table: Table, rows: Value[][]): Promise<void> {
    const columns = Prisma.raw(COLUMNS[table].map((c) => `"${c}"`).join(", "));
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows.slice(i, i + CHUNK).map((row) => Prisma.sql`(${Prisma.join(row)})`);
      await this.db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columns}) VALUES ${Prisma.join(values)}`;
    }
  }

  private readonly serialised = (list: object[]): string => {
    let json = this.questionsJson.get(list);
    if (json === undefined) {
      json = JSON.stringify(list);
      this.questionsJson.set(list, json);
    }
    return json;
  };

  /** Writes every learner's activity under the user id given with it. */
  async write(entries: { userId: string; activity: DemoLearner }[]): Promise<ImportCounts> {
    const order = Object.keys(COLUMNS) as Table[];
    const rows = Object.fromEntries(order.map((t) => [t, []])) as unknown as Rows;
    for (const { userId, activity } of entries) {
      lessonAndDrillRows(rows, userId, activity);
      quizRows(rows, userId, activity, this.serialised);
      cardRows(rows, userId, activity);
    }
    // In COLUMNS' order, parents before children: answers name their attempts.
    for (const table of order) await this.insert(table, rows[table]);
    return Object.fromEntries(order.map((t) => [t, rows[t].length])) as ImportCounts;
  }
}
