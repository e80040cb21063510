import { describe, expect, it } from "vitest";
import type { Lesson } from "../../content/types";
import { testDatabases } from "../../db/test-support/databases";
import { lazyPool, POOL_VARIANTS, type PoolSource, poolSeedOf } from "../core/pool";
import type { PublicQuestion } from "../core/types";
import { createPoolCache } from "./pool-cache";
import { lesson, library, quizServiceOn } from "./test-support/quiz-service-on";

/** lazyPool, counting how often a pool is really built. */
function countingSource() {
  const built: string[] = [];
  const source: PoolSource = (l, poolSeed) => {
    built.push(`${l.slug}/${poolSeed}`);
    return lazyPool(l, poolSeed);
  };
  return { built, source };
}

/** The first two seeds of a long counter that share a pool: two attempts the cache serves from one pool. */
function twoSeedsOfOnePool(): [string, string] {
  const seen = new Map<string, string>();
  for (let n = 9_210_004_117_730_001n; ; n++) {
    const seed = String(n);
    const other = seen.get(poolSeedOf(seed));
    if (other) return [other, seed];
    seen.set(poolSeedOf(seed), seed);
  }
}

const idsOf = (q: PublicQuestion): string[] => [
  q.id,
  ...("options" in q ? q.options : []).map((o) => o.id),
  ...("items" in q ? q.items : []).map((i) => i.id),
  ...("choices" in q ? q.choices : []).map((c) => c.id),
];

describe("the pool cache", () => {
  it("builds a lesson's pool once per pool seed, and its scenario questions once, frozen", () => {
    const { built, source } = countingSource();
    const cache = createPoolCache(10, source);
    const first = cache.pool(lesson, "pool-3");
    expect(cache.pool(lesson, "pool-3")).toBe(first);
    expect(built).toEqual([`${lesson.slug}/pool-3`]);
    const scenario = first.find((e) => e.source === "simulator")!;
    const question = scenario.build();
    expect(scenario.build()).toBe(question);
    expect(Object.isFrozen(question)).toBe(true);
    expect(() => {
      (question as { prompt: string }).prompt = "changed";
    }).toThrow(TypeError);
    // The same content in another object (a reload that changed nothing) is the same version.
    expect(cache.pool(structuredClone(lesson), "pool-3")).toBe(first);
    cache.pool(lesson, "pool-4");
    expect(built).toEqual([`${lesson.slug}/pool-3`, `${lesson.slug}/pool-4`]);
  });

  it("gives an edited lesson (a new content version) a new pool, with the edit in it", () => {
    const cache = createPoolCache(10);
    const before = cache.pool(lesson, "pool-0");
    const concept = lesson.concepts[0];
    const statement = concept.attributes[0].statements[0];
    const edited: Lesson = {
      ...lesson,
      concepts: [
        {
          ...concept,
          attributes: [
            {
              ...concept.attributes[0],
              statements: [`${statement} (revised)`, ...concept.attributes[0].statements.slice(1)],
            },
            ...concept.attributes.slice(1),
          ],
        },
        ...lesson.concepts.slice(1),
      ],
    };
    const after = cache.pool(edited, "pool-0");
    expect(after).not.toBe(before);
    const text = (entries: typeof before) => JSON.stringify(entries.filter((e) => e.source !== "simulator"));
    expect(text(after)).toContain(`${statement} (revised)`);
    expect(text(before)).not.toContain(`${statement} (revised)`);
  });

  it("holds at most its limit, dropping the least recently used pool first", () => {
    const { built, source } = countingSource();
    const cache = createPoolCache(3, source);
    for (const seed of ["pool-0", "pool-1", "pool-2"]) cache.pool(lesson, seed);
    cache.pool(lesson, "pool-0"); // used again: now the newest
    cache.pool(lesson, "pool-5"); // pushes out pool-1, the least recently used
    expect(cache.size).toBe(3);
    for (const l of library.lessons) for (let v = 0; v < 4; v++) cache.pool(l, `pool-${v}`);
    expect(cache.size).toBe(3);
    built.length = 0;
    cache.pool(library.lessons.at(-1)!, "pool-3");
    expect(built).toEqual([]);
    cache.pool(lesson, "pool-1");
    expect(built).toEqual([`${lesson.slug}/pool-1`]);
  });

  it("has a finite number of pool seeds per lesson", () => {
    const seeds = new Set(Array.from({ length: 2000 }, (_, i) => poolSeedOf(`${1e15 + i * 7919}`)));
    expect(seeds.size).toBe(POOL_VARIANTS);
  });
});

describe.each(testDatabases)("attempts drawn from cached pools on $name", ({ url }) => {
  const [a, b] = twoSeedsOfOnePool();
  const seeds = [a, b];
  const cache = createPoolCache(10);
  const { started } = quizServiceOn(url, () => seeds.shift()!, cache);

  it("two attempts of one lesson from one cached pool get their own draws and their own public ids", async () => {
    const first = await started("immediate");
    const second = await started("immediate");
    expect(cache.size).toBe(1);
    expect(second.secret).not.toBe(first.secret);
    expect(second.serverQuestions.map((q) => q.id)).not.toEqual(first.serverQuestions.map((q) => q.id));
    const firstIds = new Set(first.view.questions.flatMap(idsOf));
    expect(second.view.questions.flatMap(idsOf).filter((id) => firstIds.has(id))).toEqual([]);
  });
});
