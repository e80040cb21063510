import type { StepResult } from "../drills/core/types";
import type { Db } from "./create-db";
import { inChunks } from "./in-chunks";
import { isUniqueViolation } from "./unique-violation";

export type { StepResult } from "../drills/core/types";

export interface DrillProgressRecord {
  drillSlug: string;
  events: unknown[];
  results: Record<string, StepResult>;
  /** How many events there were when the current step opened; those events are fixed. */
  stepStart: number;
  /** Bumped each time a step is recorded; 0 for a run with no row yet. */
  version: number;
  /** Failed checks of the task open now. */
  failedChecks: number;
  updatedAt: Date;
  completedAt: Date | null;
}

const toRecord = (row: {
  drillSlug: string;
  events: string;
  results: string;
  stepStart: number;
  version: number;
  failedChecks: number;
  updatedAt: Date;
  completedAt: Date | null;
}): DrillProgressRecord => ({
  drillSlug: row.drillSlug,
  events: JSON.parse(row.events) as unknown[],
  results: JSON.parse(row.results) as Record<string, StepResult>,
  stepStart: row.stepStart,
  version: row.version,
  failedChecks: row.failedChecks,
  updatedAt: row.updatedAt,
  completedAt: row.completedAt,
});

/**
 * Every method takes the signed-in user's id. Writes are compare-and-set on `version`: each names
 * the version it read and changes nothing (returning false) when another request got there first.
 */
export class DrillProgressRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string, drillSlug: string): Promise<DrillProgressRecord | null> {
    const row = await this.db.drillProgress.findUnique({ where: { userId_drillSlug: { userId, drillSlug } } });
    return row ? toRecord(row) : null;
  }

  async listForUser(userId: string): Promise<DrillProgressRecord[]> {
    return (await this.db.drillProgress.findMany({ where: { userId } })).map(toRecord);
  }

  /** Every run of the learner with when it started, for their own data export. */
  async runsOf(userId: string): Promise<(DrillProgressRecord & { startedAt: Date })[]> {
    const rows = await this.db.drillProgress.findMany({ where: { userId }, orderBy: { startedAt: "asc" } });
    return rows.map((row) => ({ ...toRecord(row), startedAt: row.startedAt }));
  }

  /** Every run of several learners (a class's members), each with its learner's id. */
  async listForUsers(userIds: string[]): Promise<(DrillProgressRecord & { userId: string })[]> {
    const rows = await inChunks(userIds, (ids) => this.db.drillProgress.findMany({ where: { userId: { in: ids } } }));
    return rows.map((row) => ({ ...toRecord(row), userId: row.userId }));
  }

  /**
   * Writes `fields` if the run is still at `expectedVersion` (0: no row yet, or one that has only
   * saved commands). A row that does not exist is created; if a parallel request created it first,
   * the write is retried once as an update, so it wins only if that row is still at version 0.
   */
  private async writeAt(
    userId: string,
    drillSlug: string,
    expectedVersion: number,
    fields: {
      events: string;
      results?: string;
      stepStart?: number;
      version?: number;
      failedChecks?: number | { increment: number };
      completedAt?: Date | null;
    },
  ): Promise<boolean> {
    const update = () =>
      this.db.drillProgress.updateMany({ where: { userId, drillSlug, version: expectedVersion }, data: fields });
    if ((await update()).count === 1) return true;
    if (expectedVersion !== 0) return false;
    try {
      const { failedChecks, ...rest } = fields;
      const count = typeof failedChecks === "object" ? failedChecks.increment : failedChecks;
      await this.db.drillProgress.create({ data: { userId, drillSlug, results: "{}", ...rest, failedChecks: count } });
      return true;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await update()).count === 1;
    }
  }

  /** Saves the commands typed so far; does not bump the version (no step was recorded). */
  saveEvents(userId: string, drillSlug: string, expectedVersion: number, events: unknown[]): Promise<boolean> {
    return this.writeAt(userId, drillSlug, expectedVersion, { events: JSON.stringify(events) });
  }

  /** Saves the commands typed so far and counts one more failed check of the open task. */
  recordFailedCheck(userId: string, drillSlug: string, expectedVersion: number, events: unknown[]): Promise<boolean> {
    return this.writeAt(userId, drillSlug, expectedVersion, {
      events: JSON.stringify(events),
      failedChecks: { increment: 1 },
    });
  }

  /** Records a finished step: the events up to it, the results with it, and where the next step opens. */
  recordStep(
    userId: string,
    drillSlug: string,
    expectedVersion: number,
    data: { events: unknown[]; results: Record<string, StepResult>; stepStart: number; completedAt: Date | null },
  ): Promise<boolean> {
    return this.writeAt(userId, drillSlug, expectedVersion, {
      events: JSON.stringify(data.events),
      results: JSON.stringify(data.results),
      stepStart: data.stepStart,
      completedAt: data.completedAt,
      version: expectedVersion + 1,
      failedChecks: 0,
    });
  }

  async reset(userId: string, drillSlug: string): Promise<void> {
    await this.db.drillProgress.deleteMany({ where: { userId, drillSlug } });
  }
}
