// Strict date parsing for what people type, and calendar arithmetic. `new Date(y, m, d)` and
// `Date.UTC` roll impossible values over ("2030-13-45T25:61" becomes 2031-02-15), so every part is
// checked against the calendar before an instant is made. Pure and deterministic: the clock and
// the time zone are passed in.
import { resolveWallClock, type WallClock } from "./time-zones";

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * "2026-09-10T17:00" (an `<input type="datetime-local">` value; seconds optional) → the wall-clock
 * time it names; null when the text is not that format or names a time that does not exist on any
 * calendar (month 13, February 30, 25:61).
 */
export function parseDateTimeLocal(value: string): WallClock | null {
  const m = DATE_TIME_LOCAL.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** What a typed date and time in a zone means: an instant, or why there is none. */
export type ZonedDateTime = { ok: true; instant: Date } | { ok: false; problem: "invalid" | "skipped" };

/**
 * A datetime-local value typed as a time in `zone` → the instant it means. A time that happens
 * twice (the hour repeated when clocks go back) means the first of the two, so a due date is never
 * later than what the instructor could have meant; a time skipped when clocks go forward has no
 * instant and is refused, so nobody's deadline moves by an hour without them seeing it.
 */
export function instantOfDateTimeLocal(value: string, zone: string): ZonedDateTime {
  const wall = parseDateTimeLocal(value);
  if (!wall) return { ok: false, problem: "invalid" };
  const resolved = resolveWallClock(wall, zone);
  switch (resolved.kind) {
    case "exact":
      return { ok: true, instant: resolved.instant };
    case "repeated":
      return { ok: true, instant: resolved.earlier };
    case "skipped":
      return { ok: false, problem: "skipped" };
    default:
      return resolved satisfies never;
  }
}

/** A calendar day `YYYY-MM-DD` moved by `days` (negative: back), by the calendar, not by 24-hour steps. */
export function addDaysToKey(key: string, days: number): string {
  const [year, month, day] = key.split("-").map(Number);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day + days);
  return d.toISOString().slice(0, 10);
}

/** How many calendar days `to` is after `from` (both `YYYY-MM-DD`); negative when before. */
export function daysBetweenKeys(from: string, to: string): number {
  const at = (key: string) => {
    const [year, month, day] = key.split("-").map(Number);
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    return d.getTime();
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}

/** The same instant `years` calendar years later (or earlier); 29 February falls back to the 28th. */
export function addUtcYears(instant: Date, years: number): Date {
  const year = instant.getUTCFullYear() + years;
  const month = instant.getUTCMonth();
  const day = Math.min(instant.getUTCDate(), daysInMonth(year, month + 1));
  const moved = new Date(instant.getTime());
  moved.setUTCFullYear(year, month, day);
  return moved;
}

export interface DateRange {
  earliest: Date;
  latest: Date;
}

/** From `yearsBack` years before `now` to `yearsAhead` years after it. */
export const yearsAround = (now: Date, yearsBack: number, yearsAhead: number): DateRange => ({
  earliest: addUtcYears(now, -yearsBack),
  latest: addUtcYears(now, yearsAhead),
});

export const isWithin = (instant: Date, range: DateRange): boolean =>
  instant.getTime() >= range.earliest.getTime() && instant.getTime() <= range.latest.getTime();
