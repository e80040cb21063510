import type { Drill, StepResult } from "../../drills/core/types";
import { isOwnCardId, type OwnCardRecord, ownCardId, ownFlashcard } from "../../flashcards/core/own-cards";
import type { RatingName, StateName } from "../../flashcards/core/scheduler";
import { answerText } from "../../quiz/core/answer-text";
import type { AttemptScope } from "../../quiz/core/attempt";
import { toPublicQuestion } from "../../quiz/core/public-question";
import type { Question, Response } from "../../quiz/core/types";

// A learner's own history as spreadsheet tables, one per kind of record: what the data export page
// offers as CSV files (each alone, or all in one zip). A table per file drives the page's list, the
// route's validation and the zip's contents. Pure: the service reads the records; this only lays
// them out, in words a person can read (an answer as its options' texts, not internal ids).

export type Cell = string | number | null;
export interface Table {
  header: string[];
  rows: Cell[][];
}

/** One quiz attempt as the export reads it (answers in internal ids; questions with their keys). */
export interface AttemptRecord {
  id: string;
  scope: AttemptScope;
  target: string;
  seed?: string;
  startedAt: Date;
  completedAt: Date | null;
  score: number | null;
  questionIds: string[];
  questions: Question[] | null;
  answers: { questionId: string; response: string; score: number; correct: boolean; answeredAt: Date }[];
}

export interface ReviewLogRecord {
  cardId: string;
  rating: RatingName;
  stateBefore: StateName;
  stateAfter: StateName;
  review: Date;
  dueAfter: Date;
  stability: number;
  difficulty: number;
  undoneAt: Date | null;
}

export interface DrillRunRecord {
  drillSlug: string;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  events: unknown[];
  results: Record<string, StepResult>;
}

export interface LessonProgressRecord {
  lessonSlug: string;
  startedAt: Date;
  lastViewedAt: Date;
  completedAt: Date | null;
  timeSpentSec: number;
  lastSectionId: string | null;
}

export interface LearnerRecords {
  attempts: AttemptRecord[];
  reviews: ReviewLogRecord[];
  ownCards: OwnCardRecord[];
  /** The learner's edited copies of lesson cards. */
  cardCopies: { cardId: string; front: string; back: string; updatedAt: Date }[];
  drillRuns: DrillRunRecord[];
  progress: LessonProgressRecord[];
}

/** What the tables name records by: titles from the content, which the records only reference. */
export interface Names {
  lessonTitle(slug: string): string | undefined;
  moduleTitle(id: string): string | undefined;
  card(cardId: string): { front: string; lessonSlug: string } | undefined;
  drill(slug: string): Drill | undefined;
}

const time = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const percent = (score: number | null) => (score === null ? null : Math.round(score * 1000) / 10);
const verdict = (correct: boolean, score: number) => (correct ? "right" : score > 0 ? "partly right" : "wrong");

function quizTitle(a: Pick<AttemptRecord, "scope" | "target">, names: Names): string {
  if (a.scope === "course") return "Final exam";
  const title = a.scope === "lesson" ? names.lessonTitle(a.target) : names.moduleTitle(a.target);
  return title ?? a.target;
}

function quizAttempts({ attempts }: LearnerRecords, names: Names): Table {
  return {
    header: ["attempt", "quiz", "scope", "target", "started at", "finished at", "score (%)", "questions", "answered"],
    rows: attempts.map((a) => [
      a.id,
      quizTitle(a, names),
      a.scope,
      a.target,
      time(a.startedAt),
      time(a.completedAt),
      percent(a.score),
      a.questionIds.length,
      a.answers.length,
    ]),
  };
}

/** A stored response in words, as the review page shows it; "" when the question is not known any more. */
function responseInWords(question: Question | undefined, response: string): string {
  if (!question) return "";
  try {
    return answerText(toPublicQuestion(question, "export"), JSON.parse(response) as Response).join("; ");
  } catch {
    return "";
  }
}

function quizAnswers({ attempts }: LearnerRecords, names: Names): Table {
  return {
    header: [
      "attempt",
      "quiz",
      "question number",
      "question",
      "your answer",
      "right or wrong",
      "score (%)",
      "answered at",
    ],
    rows: attempts.flatMap((a) => {
      const byId = new Map((a.questions ?? []).map((q) => [q.id, q]));
      return a.answers.map((answer) => {
        const question = byId.get(answer.questionId);
        return [
          a.id,
          quizTitle(a, names),
          a.questionIds.indexOf(answer.questionId) + 1,
          question?.prompt ?? "(this question is no longer stored)",
          responseInWords(question, answer.response),
          verdict(answer.correct, answer.score),
          percent(answer.score),
          time(answer.answeredAt),
        ];
      });
    }),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function flashcardReviews({ reviews, ownCards }: LearnerRecords, names: Names): Table {
  const own = new Map(ownCards.map((c) => [ownCardId(c.id), ownFlashcard(c)]));
  return {
    header: [
      "reviewed at",
      "card",
      "lesson",
      "front",
      "rating",
      "state before",
      "state after",
      "next due",
      "stability (days)",
      "difficulty (1-10)",
      "undone at",
    ],
    rows: reviews.map((r) => {
      const card = own.get(r.cardId) ?? names.card(r.cardId);
      const lessonSlug = card?.lessonSlug ?? r.cardId.split(":")[0];
      return [
        time(r.review),
        r.cardId,
        names.lessonTitle(lessonSlug) ?? lessonSlug,
        card?.front ??
          (isOwnCardId(r.cardId) ? "(a card of yours, since deleted)" : "(this card is no longer in its lesson)"),
        r.rating,
        r.stateBefore,
        r.stateAfter,
        time(r.dueAfter),
        round(r.stability),
        round(r.difficulty),
        time(r.undoneAt),
      ];
    }),
  };
}

const commandsTyped = (events: unknown[]) =>
  events.filter((e) => (e as { type?: string } | null)?.type === "command").length;

function drillRuns({ drillRuns: runs }: LearnerRecords, names: Names): Table {
  return {
    header: [
      "drill",
      "title",
      "lesson",
      "started at",
      "last activity",
      "finished at",
      "steps done",
      "steps right",
      "steps in drill",
      "commands typed",
    ],
    rows: runs.map((run) => {
      const drill = names.drill(run.drillSlug);
      const results = Object.values(run.results);
      return [
        run.drillSlug,
        drill?.title ?? run.drillSlug,
        drill ? (names.lessonTitle(drill.lesson) ?? drill.lesson) : null,
        time(run.startedAt),
        time(run.updatedAt),
        time(run.completedAt),
        results.length,
        results.filter((r) => r.correct).length,
        drill?.steps.length ?? null,
        commandsTyped(run.events),
      ];
    }),
  };
}

function drillSteps({ drillRuns: runs }: LearnerRecords, names: Names): Table {
  return {
    header: ["drill", "step number", "step", "kind", "prompt", "your choice", "right or wrong", "at"],
    rows: runs.flatMap((run) => {
      const steps = names.drill(run.drillSlug)?.steps ?? [];
      const known = new Set(steps.map((s) => s.id));
      const rows: Cell[][] = steps
        .filter((s) => run.results[s.id])
        .map((step) => {
          const result = run.results[step.id];
          const choice =
            step.type === "predict" && result.choice !== undefined ? (step.options[result.choice]?.text ?? null) : null;
          return [
            run.drillSlug,
            steps.indexOf(step) + 1,
            step.id,
            step.type === "predict" ? "prediction" : "task",
            step.prompt,
            choice,
            result.correct ? "right" : "wrong",
            result.at,
          ];
        });
      // Steps since removed from the drill still belong to the learner's history.
      for (const [id, result] of Object.entries(run.results))
        if (!known.has(id))
          rows.push([run.drillSlug, null, id, null, null, null, result.correct ? "right" : "wrong", result.at]);
      return rows;
    }),
  };
}

function ownCardsTable({ ownCards }: LearnerRecords, names: Names): Table {
  return {
    header: ["card", "front", "back", "lesson", "made from", "created at"],
    rows: ownCards.map((c) => [
      ownCardId(c.id),
      c.front,
      c.back,
      c.lessonSlug ? (names.lessonTitle(c.lessonSlug) ?? c.lessonSlug) : null,
      c.source,
      time(c.createdAt),
    ]),
  };
}

function cardCopies({ cardCopies }: LearnerRecords, names: Names): Table {
  return {
    header: ["card", "lesson", "your front", "your back", "the lesson's front", "saved at"],
    rows: cardCopies.map((c) => {
      const card = names.card(c.cardId);
      return [
        c.cardId,
        card ? (names.lessonTitle(card.lessonSlug) ?? card.lessonSlug) : null,
        c.front,
        c.back,
        card?.front ?? null,
        time(c.updatedAt),
      ];
    }),
  };
}

function lessonProgress({ progress }: LearnerRecords, names: Names): Table {
  return {
    header: ["lesson", "title", "started at", "last viewed at", "completed at", "minutes spent", "last section"],
    rows: progress.map((p) => [
      p.lessonSlug,
      names.lessonTitle(p.lessonSlug) ?? p.lessonSlug,
      time(p.startedAt),
      time(p.lastViewedAt),
      time(p.completedAt),
      Math.round(p.timeSpentSec / 6) / 10,
      p.lastSectionId,
    ]),
  };
}

export const DATA_FILES = [
  "quiz-attempts",
  "quiz-answers",
  "flashcard-reviews",
  "own-cards",
  "card-copies",
  "drill-runs",
  "drill-steps",
  "lesson-progress",
] as const;
export type DataFile = (typeof DATA_FILES)[number];

interface DataFileInfo {
  title: string;
  /** What one row is, for the page. */
  row: string;
  table(records: LearnerRecords, names: Names): Table;
}

/** Everything derived from a file (the page's list, the route's names, the zip) reads this table. */
export const DATA_FILE_INFO: Record<DataFile, DataFileInfo> = {
  "quiz-attempts": { title: "Quiz attempts", row: "one quiz you started, with its score", table: quizAttempts },
  "quiz-answers": {
    title: "Quiz answers",
    row: "one answer: the question, your answer in words, right or wrong, score and time",
    table: quizAnswers,
  },
  "flashcard-reviews": {
    title: "Flashcard reviews",
    row: "one rating of a card, with the schedule it gave (undone ratings say when)",
    table: flashcardReviews,
  },
  "own-cards": {
    title: "Your own flashcards",
    row: "one card you wrote, imported or made from a missed question",
    table: ownCardsTable,
  },
  "card-copies": {
    title: "Your copies of lesson cards",
    row: "one lesson card in your own words (the card browser's Edit your copy)",
    table: cardCopies,
  },
  "drill-runs": { title: "Drill runs", row: "one drill you started", table: drillRuns },
  "drill-steps": {
    title: "Drill steps",
    row: "one finished step of a drill: your prediction or task, right or wrong",
    table: drillSteps,
  },
  "lesson-progress": {
    title: "Lesson progress",
    row: "one lesson you opened: when, for how long, and whether you completed it",
    table: lessonProgress,
  },
};

export const isDataFile = (text: string): text is DataFile => (DATA_FILES as readonly string[]).includes(text);

/** The downloaded file's name, e.g. kubelearn-quiz-answers.csv. */
export const dataFileName = (file: DataFile) => `kubelearn-${file}.csv`;
/** The zip of every file, e.g. kubelearn-my-data-2026-06-01.zip. */
export const dataZipName = (now: Date) => `kubelearn-my-data-${now.toISOString().slice(0, 10)}.zip`;

/** Where the learner downloads one file (app/(auth)/account/my-data/[file]/route.ts), and all of them. */
export const dataFileHref = (file: DataFile) => `/account/my-data/${file}.csv`;
export const DATA_ZIP_PATH = "all.zip";
export const DATA_ZIP_HREF = `/account/my-data/${DATA_ZIP_PATH}`;
