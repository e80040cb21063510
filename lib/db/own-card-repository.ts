import { OWN_CARD_LIMITS, type OwnCardRecord, type OwnCardSource, ownCardId } from "../flashcards/core/own-cards";
import type { Db } from "./create-db";

export type { OwnCardRecord } from "../flashcards/core/own-cards";

export interface NewOwnCard {
  front: string;
  back: string;
  lessonSlug: string | null;
  source: OwnCardSource;
  sourceRef: string | null;
}

export type AddOwnCardsOutcome =
  /** `skipped`: already there (the same source, or the same front and back). */
  | { kind: "added"; added: OwnCardRecord[]; skipped: number }
  /** Adding them would pass the per-learner limit; nothing was added. */
  | { kind: "full"; room: number };

const select = {
  id: true,
  front: true,
  back: true,
  lessonSlug: true,
  source: true,
  sourceRef: true,
  createdAt: true,
} as const;
type Row = Omit<OwnCardRecord, "source"> & { source: string };
const toRecord = (row: Row): OwnCardRecord => ({ ...row, source: row.source as OwnCardSource });
const pairKey = (c: { front: string; back: string }) => `${c.front}\u0000${c.back}`;

/** A learner's own flashcards; every method takes the learner's id and touches only their cards. */
export class OwnCardRepository {
  constructor(private readonly db: Db) {}

  async list(userId: string): Promise<OwnCardRecord[]> {
    const rows = await this.db.ownCard.findMany({
      where: { userId },
      select,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toRecord);
  }

  /**
   * Adds the cards that are new: one whose source was added before, or with the same front and back
   * as one the learner has, is skipped. All or nothing against the limit. The learner's row is
   * claimed first (a write that changes nothing), so two adds of one learner run one after the
   * other on PostgreSQL too, and neither the limit nor the duplicate check can be raced.
   */
  add(userId: string, cards: readonly NewOwnCard[], now: Date): Promise<AddOwnCardsOutcome> {
    return this.db.$transaction(async (tx): Promise<AddOwnCardsOutcome> => {
      await tx.$executeRaw`UPDATE "User" SET "sessionVersion" = "sessionVersion" WHERE "id" = ${userId}`;
      // Only the cards that could clash are read: the same source, or the same front.
      const sourceRefs = [...new Set(cards.flatMap((c) => (c.sourceRef ? [c.sourceRef] : [])))];
      const fronts = [...new Set(cards.map((c) => c.front))];
      const [count, clashes] = await Promise.all([
        tx.ownCard.count({ where: { userId } }),
        tx.ownCard.findMany({
          where: { userId, OR: [{ sourceRef: { in: sourceRefs } }, { front: { in: fronts } }] },
          select: { front: true, back: true, sourceRef: true },
        }),
      ]);
      const refs = new Set(clashes.flatMap((c) => (c.sourceRef ? [c.sourceRef] : [])));
      const pairs = new Set(clashes.map(pairKey));
      const fresh: NewOwnCard[] = [];
      for (const c of cards) {
        if ((c.sourceRef && refs.has(c.sourceRef)) || pairs.has(pairKey(c))) continue;
        if (c.sourceRef) refs.add(c.sourceRef);
        pairs.add(pairKey(c));
        fresh.push(c);
      }
      const room = OWN_CARD_LIMITS.perLearner - count;
      if (fresh.length > room) return { kind: "full", room };
      const rows = await tx.ownCard.createManyAndReturn({
        data: fresh.map((c) => ({ ...c, userId, createdAt: now })),
        select,
      });
      // RETURNING promises no order; the fresh cards' front and back pairs are distinct, so they
      // put the rows back in the order they were given.
      const byPair = new Map(rows.map((row) => [pairKey(row), toRecord(row)]));
      const added = fresh.map((c) => byPair.get(pairKey(c))!);
      return { kind: "added", added, skipped: cards.length - fresh.length };
    });
  }

  async update(userId: string, id: string, input: { front: string; back: string }): Promise<OwnCardRecord | null> {
    const changed = await this.db.ownCard.updateMany({ where: { id, userId }, data: input });
    if (changed.count === 0) return null;
    const row = await this.db.ownCard.findFirst({ where: { id, userId }, select });
    return row ? toRecord(row) : null;
  }

  /** Deletes the card and its schedule; its past ratings stay in the review log (they happened). */
  async remove(userId: string, id: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const removed = await tx.ownCard.deleteMany({ where: { id, userId } });
      if (removed.count === 0) return false;
      await tx.flashcardState.deleteMany({ where: { userId, cardId: ownCardId(id) } });
      return true;
    });
  }
}
