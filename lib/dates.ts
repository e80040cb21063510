// Strict date parsing for what people type. `new Date(y, m, d)` and `Date.UTC` roll impossible
// values over ("2030-13-45T25:61" becomes 2031-02-15), so every part is checked against the
// calendar before an instant is made. Pure and deterministic: the clock is passed in.

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * "2026-09-10T17:00" (an `<input type="datetime-local">` value; seconds optional) typed in a browser
 * whose `Date#getTimezoneOffset()` is `offsetMinutes` → the instant it means; null when the text is
 * not that format or names a time that does not exist (month 13, February 30, 25:61).
 */
export function parseLocalDateTime(value: string, offsetMinutes: number): Date | null {
  const m = DATE_TIME_LOCAL.exec(value);
  if (!m || !Number.isInteger(offsetMinutes)) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  return new Date(utc.getTime() + offsetMinutes * 60_000);
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
