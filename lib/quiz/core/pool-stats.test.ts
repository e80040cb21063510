import { describe, expect, it } from "vitest";
import { questionPool } from "./pool";
import { formatPoolStats, poolStats } from "./pool-stats";
import { nearDuplicateShare } from "./templates";
import { lessons } from "./test-support/quiz-fixtures";
import type { Question } from "./types";

describe("pool statistics", () => {
  const pool = questionPool(lessons[0], 1);
  const stats = poolStats(pool);

  it("counts every question once per kind and per source, and once per concept it is about", () => {
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(stats.byKind)).toBe(pool.length);
    expect(sum(stats.bySource)).toBe(pool.length);
    expect(sum(stats.byConcept)).toBe(pool.flatMap((q) => q.concepts).length);
    expect(stats.bySource.simulator).toBe(pool.filter((q) => q.source === "simulator").length);
  });

  it("counts as near-duplicates only structure questions sharing template and target", () => {
    const base = pool.find((q) => q.id.startsWith("table-tf:"))!;
    const other = pool.find((q) => q.id.startsWith("cloze:"))!;
    const copy = (q: Question, id: string, concepts = q.concepts): Question => ({ ...q, id, concepts });
    expect(nearDuplicateShare([base, other])).toBe(0);
    expect(nearDuplicateShare([base, copy(base, "table-tf:x:y"), other])).toBeCloseTo(2 / 3);
    expect(nearDuplicateShare([base, copy(base, "table-tf:x:z", ["another"]), other])).toBe(0);
    expect(formatPoolStats("Lesson", stats)).toContain("templated near-duplicates");
  });
});
