import { isParameterSet } from "../flashcards/core/fsrs-training";
import type { CardState, RatingName, StateName } from "../flashcards/core/scheduler";
import type { Db } from "./create-db";
import { inChunks } from "./in-chunks";

export interface StoredCardState extends CardState {
  cardId: string;
  lessonSlug: string;
  version: number;
  /** Set in the card browser: the card is never due in a session until unsuspended. */
  suspended: boolean;
}

export interface SrsSettingsRecord {
  desiredRetention: number;
  dailyNewLimit: number;
  /** The learner's own FSRS weights, or null for the defaults. */
  parameters: number[] | null;
  /** When they were fitted; null with the defaults. */
  parametersOptimisedAt: Date | null;
}

/** What the learner chooses in the settings form. */
export type SrsPreferences = Pick<SrsSettingsRecord, "desiredRetention" | "dailyNewLimit">;

export const DEFAULT_SRS_SETTINGS: SrsSettingsRecord = {
  desiredRetention: 0.9,
  dailyNewLimit: 20,
  parameters: null,
  parametersOptimisedAt: null,
};

type SettingsRow = SrsPreferences & { fsrsParameters: string | null; parametersOptimisedAt: Date | null };

/** Stored weights that are not a readable set of FSRS-6 weights count as none: the defaults apply. */
function parametersOf(text: string | null): number[] | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isParameterSet(value) ? value : null;
  } catch {
    return null;
  }
}

const toSettings = (row: SettingsRow): SrsSettingsRecord => {
  const parameters = parametersOf(row.fsrsParameters);
  return {
    desiredRetention: row.desiredRetention,
    dailyNewLimit: row.dailyNewLimit,
    parameters,
    parametersOptimisedAt: parameters ? row.parametersOptimisedAt : null,
  };
};

export interface ReviewRecord {
  cardId: string;
  rating: RatingName;
  stateBefore: StateName;
  review: Date;
}

/** One rating as the log keeps it: what it did to the card, and whether it was undone since. */
export interface ReviewLogRecord extends ReviewRecord {
  stateAfter: StateName;
  dueAfter: Date;
  stability: number;
  difficulty: number;
  undoneAt: Date | null;
}

export type ApplyResult = { ok: true; state: StoredCardState } | { ok: false; conflict: StoredCardState | null };
export type UndoResult = { ok: true; cardId: string; state: StoredCardState | null } | { ok: false; error: string };

const stateColumns = (s: CardState) => ({
  state: s.state,
  due: s.due,
  stability: s.stability,
  difficulty: s.difficulty,
  elapsedDays: s.elapsedDays,
  scheduledDays: s.scheduledDays,
  learningSteps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  lastReview: s.lastReview,
});

/** A state row as the database returns it: the card state, with its state name as a plain string. */
type StateRow = Omit<StoredCardState, "state"> & { state: string };
const toStored = (r: StateRow): StoredCardState => ({ ...r, state: r.state as StateName });

const serialise = (s: CardState) => JSON.stringify(s);
function deserialise(text: string): CardState {
  const raw = JSON.parse(text) as CardState & { due: string; lastReview: string | null };
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview ? new Date(raw.lastReview) : null };
}

/** Every method takes the signed-in user's id; ratings are compare-and-set on the state's version. */
export class FlashcardRepository {
  constructor(private readonly db: Db) {}

  async states(userId: string): Promise<Map<string, StoredCardState>> {
    const rows = await this.db.flashcardState.findMany({ where: { userId } });
    return new Map(rows.map((r) => [r.cardId, toStored(r)]));
  }

  /** The card states of several learners (a class's members): learner id → card id → state. */
  async statesOf(userIds: string[]): Promise<Map<string, Map<string, StoredCardState>>> {
    const rows = await inChunks(userIds, (ids) => this.db.flashcardState.findMany({ where: { userId: { in: ids } } }));
    const byUser = new Map<string, Map<string, StoredCardState>>(userIds.map((id) => [id, new Map()]));
    for (const r of rows) byUser.get(r.userId)?.set(r.cardId, toStored(r));
    return byUser;
  }

  /** The optimised FSRS weights of each of these learners who has them (class insights' forgetting curves). */
  async parametersOf(userIds: readonly string[]): Promise<Map<string, number[]>> {
    const rows = await inChunks(userIds, (ids) =>
      this.db.srsSettings.findMany({
        where: { userId: { in: ids }, fsrsParameters: { not: null } },
        select: { userId: true, fsrsParameters: true },
      }),
    );
    return new Map(
      rows.flatMap((r) => {
        const parameters = parametersOf(r.fsrsParameters);
        return parameters ? [[r.userId, parameters] as const] : [];
      }),
    );
  }

  async state(userId: string, cardId: string): Promise<StoredCardState | null> {
    const row = await this.db.flashcardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
    return row ? toStored(row) : null;
  }

  /**
   * Suspends or unsuspends one card, leaving its FSRS state and version as they are (an undo of its
   * last rating still applies). A card never rated has no row: suspending it stores a New state
   * (`fresh`), so it stays new when unsuspended; unsuspending a card without a row changes nothing.
   */
  async setSuspended(
    userId: string,
    card: { cardId: string; lessonSlug: string },
    suspended: boolean,
    fresh: CardState,
  ): Promise<StoredCardState | null> {
    const where = { userId_cardId: { userId, cardId: card.cardId } };
    if (!suspended) {
      await this.db.flashcardState.updateMany({ where: { userId, cardId: card.cardId }, data: { suspended } });
    } else {
      await this.db.flashcardState
        .upsert({
          where,
          create: { userId, cardId: card.cardId, lessonSlug: card.lessonSlug, ...stateColumns(fresh), suspended },
          update: { suspended },
        })
        .catch(async (err: { code?: string }) => {
          // Two first suspends (or a first rating) at once: the row exists now, so flag it.
          if (err.code !== "P2002") throw err;
          await this.db.flashcardState.update({ where, data: { suspended } });
        });
    }
    return this.state(userId, card.cardId);
  }

  /**
   * The newest rating not undone of each card the learner rated: card id → rating. Given `cardIds`,
   * only those cards' ratings are read (the card browser's page), not the whole review log.
   */
  async lastRatings(userId: string, cardIds?: readonly string[]): Promise<Map<string, RatingName>> {
    const read = (ids?: string[]) =>
      this.db.flashcardReview.findMany({
        where: { userId, undoneAt: null, ...(ids ? { cardId: { in: ids } } : {}) },
        select: { cardId: true, rating: true },
        orderBy: [{ review: "desc" }, { resultVersion: "desc" }],
      });
    // Each chunk holds every rating of its cards, so the newest of each card is found within its chunk.
    const rows = cardIds ? await inChunks(cardIds, read) : await read();
    const last = new Map<string, RatingName>();
    for (const r of rows) if (!last.has(r.cardId)) last.set(r.cardId, r.rating as RatingName);
    return last;
  }

  async settings(userId: string): Promise<SrsSettingsRecord> {
    const row = await this.db.srsSettings.findUnique({ where: { userId } });
    return row ? toSettings(row) : DEFAULT_SRS_SETTINGS;
  }

  /** Saves what the settings form holds; the learner's FSRS weights stay as they are. */
  async saveSettings(userId: string, preferences: SrsPreferences): Promise<SrsSettingsRecord> {
    const settings = { desiredRetention: preferences.desiredRetention, dailyNewLimit: preferences.dailyNewLimit };
    const row = await this.db.srsSettings.upsert({
      where: { userId },
      create: { userId, ...settings },
      update: settings,
    });
    return toSettings(row);
  }

  /** The learner's own FSRS weights, fitted at `at`, or null to go back to the defaults. */
  async saveParameters(userId: string, parameters: readonly number[] | null, at: Date): Promise<SrsSettingsRecord> {
    const data = {
      fsrsParameters: parameters ? JSON.stringify(parameters) : null,
      parametersOptimisedAt: parameters ? at : null,
    };
    const row = await this.db.srsSettings.upsert({
      where: { userId },
      create: { userId, ...data },
      update: data,
    });
    return toSettings(row);
  }

  /** New cards first seen since `since` (ratings not undone): counts against the daily limit. */
  newIntroducedSince(userId: string, since: Date): Promise<number> {
    return this.db.flashcardReview.count({
      where: { userId, stateBefore: "New", undoneAt: null, review: { gte: since } },
    });
  }

  async reviews(userId: string, since: Date): Promise<ReviewRecord[]> {
    const rows = await this.db.flashcardReview.findMany({
      where: { userId, undoneAt: null, review: { gte: since } },
      select: { cardId: true, rating: true, stateBefore: true, review: true },
      orderBy: { review: "asc" },
    });
    return rows.map((r) => ({ ...r, rating: r.rating as RatingName, stateBefore: r.stateBefore as StateName }));
  }

  /** Every rating the learner ever gave, undone ones too, oldest first: for their own exports. */
  async reviewLog(userId: string): Promise<ReviewLogRecord[]> {
    const rows = await this.db.flashcardReview.findMany({
      where: { userId },
      select: {
        cardId: true,
        rating: true,
        stateBefore: true,
        stateAfter: true,
        dueAfter: true,
        stability: true,
        difficulty: true,
        review: true,
        undoneAt: true,
      },
      orderBy: [{ review: "asc" }, { resultVersion: "asc" }],
    });
    return rows.map((r) => ({
      ...r,
      rating: r.rating as RatingName,
      stateBefore: r.stateBefore as StateName,
      stateAfter: r.stateAfter as StateName,
    }));
  }

  /**
   * Stores a rating if the card is still at `expectedVersion` (0: never reviewed) and logs it. When
   * another tab or a double submit got there first, nothing changes and the current state comes back.
   */
  async applyRating(
    userId: string,
    input: {
      cardId: string;
      lessonSlug: string;
      expectedVersion: number;
      previous: CardState | null;
      next: CardState;
      rating: RatingName;
    },
    now: Date,
  ): Promise<ApplyResult> {
    const { cardId, expectedVersion, next } = input;
    const applied = await this.db
      .$transaction(async (tx) => {
        let version: number;
        if (expectedVersion === 0) {
          const exists = await tx.flashcardState.findUnique({
            where: { userId_cardId: { userId, cardId } },
            select: { id: true },
          });
          if (exists) return false;
          await tx.flashcardState.create({
            data: { userId, cardId, lessonSlug: input.lessonSlug, ...stateColumns(next), version: 1 },
          });
          version = 1;
        } else {
          const updated = await tx.flashcardState.updateMany({
            where: { userId, cardId, version: expectedVersion },
            data: { ...stateColumns(next), version: expectedVersion + 1 },
          });
          if (updated.count !== 1) return false;
          version = expectedVersion + 1;
        }
        await tx.flashcardReview.create({
          data: {
            userId,
            cardId,
            rating: input.rating,
            stateBefore: input.previous?.state ?? "New",
            previous: input.previous ? serialise(input.previous) : null,
            stateAfter: next.state,
            dueAfter: next.due,
            stability: next.stability,
            difficulty: next.difficulty,
            resultVersion: version,
            review: now,
          },
        });
        return true;
      })
      .catch((err: { code?: string }) => {
        if (err.code === "P2002") return false; // two first ratings of a new card at once
        throw err;
      });
    const current = await this.state(userId, cardId);
    return applied && current ? { ok: true, state: current } : { ok: false, conflict: current };
  }

  /** Undoes the newest rating not yet undone, restoring the card exactly as it was before it. */
  async undoLast(userId: string, now: Date): Promise<UndoResult> {
    const last = await this.db.flashcardReview.findFirst({
      where: { userId, undoneAt: null },
      orderBy: [{ review: "desc" }, { resultVersion: "desc" }],
    });
    if (!last) return { ok: false, error: "There is no rating to undo." };
    return this.db.$transaction(async (tx): Promise<UndoResult> => {
      const current = await tx.flashcardState.findUnique({ where: { userId_cardId: { userId, cardId: last.cardId } } });
      if (!current || current.version !== last.resultVersion)
        return { ok: false, error: "That card has changed since (another tab?); nothing was undone." };
      const marked = await tx.flashcardReview.updateMany({
        where: { id: last.id, undoneAt: null },
        data: { undoneAt: now },
      });
      if (marked.count !== 1) return { ok: false, error: "That rating was already undone." };
      if (!last.previous) {
        await tx.flashcardState.delete({ where: { id: current.id } });
        return { ok: true, cardId: last.cardId, state: null };
      }
      // Back to the version the rating started from, so an earlier rating can be undone in turn.
      const restored = await tx.flashcardState.update({
        where: { id: current.id },
        data: { ...stateColumns(deserialise(last.previous)), version: last.resultVersion - 1 },
      });
      return { ok: true, cardId: last.cardId, state: toStored(restored) };
    });
  }
}
