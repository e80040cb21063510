import { nearDuplicateShare } from "./templates";
import { QUESTION_SOURCES, type Question, type QuestionSource } from "./types";

/** How a lesson's pool is made up, for authors: sizes per kind, source and concept, and its near-duplicates. */
export interface PoolStats {
  size: number;
  byKind: Record<string, number>;
  /** Every source, in QUESTION_SOURCES order, with 0 where the lesson has none (so authors see what is missing). */
  bySource: Record<QuestionSource, number>;
  byConcept: Record<string, number>;
  /** Share (0..1) of the pool's structure questions that share template and target with another (templates.ts). */
  nearDuplicateShare: number;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function poolStats(pool: readonly Question[]): PoolStats {
  return {
    size: pool.length,
    byKind: countBy(pool.map((q) => q.kind)),
    bySource: Object.fromEntries(
      QUESTION_SOURCES.map((source) => [source, pool.filter((q) => q.source === source).length]),
    ) as Record<QuestionSource, number>,
    byConcept: countBy(pool.flatMap((q) => q.concepts)),
    nearDuplicateShare: nearDuplicateShare(pool),
  };
}

export function formatPoolStats(title: string, stats: PoolStats): string {
  const line = (label: string, counts: Record<string, number>) =>
    `  ${label}: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`;
  return [
    `${title}: ${stats.size} questions`,
    line("by kind", stats.byKind),
    line("by source", stats.bySource),
    line("by concept", stats.byConcept),
    `  templated near-duplicates (same template over the same concepts): ${Math.round(stats.nearDuplicateShare * 100)}% of the structure questions`,
  ].join("\n");
}
