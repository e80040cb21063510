import type { ReplayPool } from "../replay-pool";

/** The pool, counting the replays it is asked for. */
export function countingPool(inner: ReplayPool): ReplayPool & { calls: number } {
  const pool = {
    calls: 0,
    grade: (job: Parameters<ReplayPool["grade"]>[0]) => {
      pool.calls++;
      return inner.grade(job);
    },
    close: () => Promise.resolve(),
  };
  return pool;
}

/** The pool, holding every replay until `n` have been asked for: all n requests have read the run by then. */
export function barrierPool(n: number, inner: ReplayPool): ReplayPool & { calls: number } {
  let release = () => {};
  const everyone = new Promise<void>((r) => {
    release = r;
  });
  const pool = {
    calls: 0,
    grade: async (job: Parameters<ReplayPool["grade"]>[0]) => {
      if (++pool.calls === n) release();
      await everyone;
      return inner.grade(job);
    },
    close: () => Promise.resolve(),
  };
  return pool;
}
