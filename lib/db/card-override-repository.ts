import type { Db } from "./create-db";

/** The learner's own wording of a lesson card. */
export interface CardOverrideRecord {
  cardId: string;
  front: string;
  back: string;
  updatedAt: Date;
}

const select = { cardId: true, front: true, back: true, updatedAt: true } as const;

/** A learner's edited copies of lesson cards; every method takes the learner's id and touches only theirs. */
export class CardOverrideRepository {
  constructor(private readonly db: Db) {}

  async list(userId: string): Promise<Map<string, CardOverrideRecord>> {
    const rows = await this.db.cardOverride.findMany({ where: { userId }, select });
    return new Map(rows.map((r) => [r.cardId, r]));
  }

  save(userId: string, cardId: string, text: { front: string; back: string }): Promise<CardOverrideRecord> {
    return this.db.cardOverride
      .upsert({
        where: { userId_cardId: { userId, cardId } },
        create: { userId, cardId, ...text },
        update: text,
        select,
      })
      .catch((err: { code?: string }) => {
        // Two first saves at once: the other created the row; this one's text wins.
        if (err.code !== "P2002") throw err;
        return this.db.cardOverride.update({ where: { userId_cardId: { userId, cardId } }, data: text, select });
      });
  }

  /** True when there was a copy to remove. */
  async remove(userId: string, cardId: string): Promise<boolean> {
    return (await this.db.cardOverride.deleteMany({ where: { userId, cardId } })).count === 1;
  }
}
