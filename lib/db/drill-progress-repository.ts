import type { StepResult } from "../drills/core/types";
import type { Db } from "./create-db";

export type { StepResult } from "../drills/core/types";

export interface DrillProgressRecord {
  drillSlug: string;
  events: unknown[];
  results: Record<string, StepResult>;
  updatedAt: Date;
  completedAt: Date | null;
}

const toRecord = (row: {
  drillSlug: string;
  events: string;
  results: string;
  updatedAt: Date;
  completedAt: Date | null;
}): DrillProgressRecord => ({
  drillSlug: row.drillSlug,
  events: JSON.parse(row.events) as unknown[],
  results: JSON.parse(row.results) as Record<string, StepResult>,
  updatedAt: row.updatedAt,
  completedAt: row.completedAt,
});

/** Every method takes the signed-in user's id. */
export class DrillProgressRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string, drillSlug: string): Promise<DrillProgressRecord | null> {
    const row = await this.db.drillProgress.findUnique({ where: { userId_drillSlug: { userId, drillSlug } } });
    return row ? toRecord(row) : null;
  }

  async listForUser(userId: string): Promise<DrillProgressRecord[]> {
    return (await this.db.drillProgress.findMany({ where: { userId } })).map(toRecord);
  }

  async save(
    userId: string,
    drillSlug: string,
    data: { events: unknown[]; results: Record<string, StepResult>; completedAt: Date | null },
  ): Promise<DrillProgressRecord> {
    const fields = {
      events: JSON.stringify(data.events),
      results: JSON.stringify(data.results),
      completedAt: data.completedAt,
    };
    const row = await this.db.drillProgress.upsert({
      where: { userId_drillSlug: { userId, drillSlug } },
      create: { userId, drillSlug, ...fields },
      update: fields,
    });
    return toRecord(row);
  }

  async reset(userId: string, drillSlug: string): Promise<void> {
    await this.db.drillProgress.deleteMany({ where: { userId, drillSlug } });
  }
}
