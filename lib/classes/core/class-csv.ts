import type { CsvCell } from "../../csv";
import type { ItemStatistics } from "./item-analysis";

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
