import type { CsvCell } from "../../csv";
import { formatZonedIso } from "../../format";
import type { ItemStatistics } from "./item-analysis";
import type { CellStatus, ClassResults } from "./results";

// The rows of the instructor's CSV exports, as plain cells (lib/csv.ts writes them).

const round = (n: number | null, places: number) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

export const ITEMS_CSV_HEADER = [
  "template",
  "lesson",
  "example prompt",
  "attempts",
  "facility (%)",
  "discrimination",
  "top misconception",
  "times chosen",
];

export function itemsCsvRows(items: ItemStatistics[], lessonTitle: (slug: string) => string): CsvCell[][] {
  return items.map((item) => [
    item.key,
    lessonTitle(item.lessonSlug),
    item.prompt,
    item.attempts,
    round(item.facility * 100, 1),
    round(item.discrimination, 3),
    item.misconceptions[0]?.misconception ?? null,
    item.misconceptions[0]?.count ?? 0,
  ]);
}

export const RESULTS_CSV_HEADER = [
  "learner",
  "e-mail",
  "assignment",
  "due at",
  "status",
  "score (%)",
  "attempts",
  "submitted at",
];

/** A result's status in words, as the results table reads it. */
export const RESULT_STATUS_TEXT: Record<CellStatus, string> = {
  "on-time": "done on time",
  late: "done late",
  missing: "missing",
  open: "not yet done",
};

export interface ResultsCsvInput {
  /** The class's zone: every time in the file is written in it, with its name (lib/format's formatZonedIso). */
  timeZone: string;
  members: readonly { userId: string; name: string; email: string }[];
  assignments: readonly { id: string; title: string; dueAt: Date }[];
  results: ClassResults;
}

/** One row per learner and assignment, learners in the class's order, then assignments in theirs. */
export function resultsCsvRows(cls: ResultsCsvInput): CsvCell[][] {
  return cls.members.flatMap((m) =>
    cls.assignments.map((a) => {
      const cell = cls.results.cells[m.userId][a.id];
      return [
        m.name,
        m.email,
        a.title,
        formatZonedIso(a.dueAt, cls.timeZone),
        RESULT_STATUS_TEXT[cell.status],
        round(cell.score === null ? null : cell.score * 100, 1),
        cell.attempts,
        cell.submittedAt ? formatZonedIso(cell.submittedAt, cls.timeZone) : null,
      ];
    }),
  );
}
