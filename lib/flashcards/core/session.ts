import { startOfNextZonedDay, startOfZonedDay } from "../../time-zones";
import type { Flashcard } from "./cards";
import type { CardState } from "./scheduler";

export const DEFAULT_DAILY_NEW_LIMIT = 20;

export interface QueueEntry {
  card: Flashcard;
  /** Null for a card the learner has never seen. */
  state: CardState | null;
}

export interface ReviewQueue {
  /** Due cards first (most overdue first), then new cards up to what is left of today's limit. */
  entries: QueueEntry[];
  dueCount: number;
  newCount: number;
  /** When the next card outside this queue comes due, or null when nothing is scheduled. */
  nextDue: Date | null;
}

/**
 * `timeZone` is the learner's: their day, and so today's new-card limit, starts at their midnight.
 * A suspended card is left out altogether: not due, not new, not counted, not the next due.
 */
export function buildQueue(
  cards: readonly Flashcard[],
  states: ReadonlyMap<string, CardState & { suspended?: boolean }>,
  now: Date,
  newLeftToday: number,
  timeZone: string,
): ReviewQueue {
  const due: QueueEntry[] = [];
  const fresh: QueueEntry[] = [];
  let nextDue: Date | null = null;
  for (const card of cards) {
    const state = states.get(card.id) ?? null;
    if (state?.suspended) continue;
    if (!state || state.state === "New") {
      fresh.push({ card, state });
    } else if (state.due.getTime() <= now.getTime()) {
      due.push({ card, state });
    } else if (!nextDue || state.due < nextDue) {
      nextDue = state.due;
    }
  }
  due.sort((a, b) => a.state!.due.getTime() - b.state!.due.getTime());
  const newOnes = fresh.slice(0, Math.max(0, newLeftToday));
  const tomorrow = startOfNextDay(now, timeZone);
  if (fresh.length > newOnes.length && (!nextDue || nextDue.getTime() > tomorrow.getTime())) nextDue = tomorrow;
  return { entries: [...due, ...newOnes], dueCount: due.length, newCount: newOnes.length, nextDue };
}

/**
 * Days are the learner's days: from local midnight to local midnight in their zone (23 or 25 hours
 * on the days clocks change), so the new-card limit resets when their night ends, not at 00:00 UTC.
 */
export const startOfDay = (d: Date, timeZone: string): Date => startOfZonedDay(d, timeZone);
export const startOfNextDay = (d: Date, timeZone: string): Date => startOfNextZonedDay(d, timeZone);
