import "server-only";
import os from "node:os";
import path from "node:path";
import { repositories } from "../../db/repositories";
import { loadDrills } from "../core/load-drills";
import type { Drill } from "../core/types";
import { createDrillService, type DrillService } from "./drill-service";
import { createReplayPool, type ReplayPool, type ReplayPoolOptions } from "./replay-pool";

let cached: Drill[] | null = null;

/** Drills from CONTENT_DIR (default ./content), read once per production server process. */
export function drillLibrary(): Drill[] {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = loadDrills(
    path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? "content"),
  ).drills;
  return cached;
}

/** Which lesson each published drill practises: drill slug → lesson slug. */
export const drillLessons = (): Map<string, string> => new Map(drillLibrary().map((d) => [d.slug, d.lesson]));

/**
 * A replay may take 2 seconds and 128 MB of heap: a drill's real commands replay in milliseconds and
 * a few MB, so only a run built to be heavy gets near either. Two workers or more (up to 4, by
 * cores); 64 jobs may wait.
 */
export const REPLAY_POOL_OPTIONS: ReplayPoolOptions = {
  size: Math.max(2, Math.min(4, os.availableParallelism())),
  budgetMs: 2000,
  maxQueue: 64,
  heapMb: 128,
};

const process_ = globalThis as unknown as { kubelearnReplays?: ReplayPool; kubelearnDrills?: DrillService };

/** One pool and one service per server process (and per dev-server reload). */
export function replayPool(): ReplayPool {
  process_.kubelearnReplays ??= createReplayPool(REPLAY_POOL_OPTIONS);
  return process_.kubelearnReplays;
}

export function drillService(): DrillService {
  process_.kubelearnDrills ??= createDrillService({
    repos: repositories(),
    drills: drillLibrary,
    now: () => new Date(),
    replays: replayPool(),
  });
  return process_.kubelearnDrills;
}
