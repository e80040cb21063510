import { createHash } from "node:crypto";
import type { Lesson } from "../../content/types";
import { lazyPool, type PoolEntry, type PoolSource } from "../core/pool";
import type { Question } from "../core/types";

/**
 * How many lesson pools a process keeps: 13 lessons × POOL_VARIANTS (32) would be 416; the 256 most
 * recently used cover a course's worth of busy lessons. A pool with all its scenario questions built
 * takes about 0.3 MB of heap (measured over every lesson's first four pools), so a full cache ~80 MB.
 */
export const POOL_CACHE_SIZE = 256;

export interface PoolCache {
  /** The lesson's pool for this pool seed; its scenario questions are built once, when first drawn. */
  pool: PoolSource;
  /** How many pools are held (never more than the limit). */
  readonly size: number;
}

/** Freezes a built question and everything in it, so no attempt can change what another one shares. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** An entry whose question is built on the first call and the same (frozen) object after. */
function memoised(entry: PoolEntry): PoolEntry {
  let built: Question | undefined;
  const build = () => {
    built ??= deepFreeze(entry.build());
    return built;
  };
  return { ...entry, build };
}

/**
 * Starting an attempt drew from pools built from scratch: every lesson-structure question and, for
 * each drawn scenario question, a simulator run (15–20 ms of CPU per start). A pool depends only on
 * the lesson's content and the pool seed (one of POOL_VARIANTS, core/pool.ts), never on the
 * attempt: the attempt's draw and shuffles use its own seed, and its public ids are MACs keyed with
 * its own secret, computed when it is shown (public-id-scheme.ts); neither is held here. So pools are
 * kept by (lesson content, pool seed), least recently used first out.
 *
 * The lesson's content is named by a hash of the whole lesson, so an edited lesson (a new content
 * version: reloaded in development, or a new deploy) gets new pools, and its old ones age out.
 */
export function createPoolCache(limit = POOL_CACHE_SIZE, build: PoolSource = lazyPool): PoolCache {
  const pools = new Map<string, PoolEntry[]>();
  const versions = new WeakMap<Lesson, string>();
  const versionOf = (lesson: Lesson) => {
    let version = versions.get(lesson);
    if (version === undefined) {
      version = createHash("sha256").update(JSON.stringify(lesson)).digest("base64url");
      versions.set(lesson, version);
    }
    return version;
  };
  return {
    pool(lesson, poolSeed) {
      const key = `${lesson.slug}\u0000${versionOf(lesson)}\u0000${poolSeed}`;
      let pool = pools.get(key);
      if (pool)
        pools.delete(key); // re-inserted below: a Map iterates in insertion order, oldest first
      else pool = build(lesson, poolSeed).map(memoised);
      pools.set(key, pool);
      while (pools.size > limit) pools.delete(pools.keys().next().value as string);
      return pool;
    },
    get size() {
      return pools.size;
    },
  };
}
