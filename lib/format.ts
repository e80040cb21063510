// One formatter per unit, for every page and component. Pure and deterministic: the clock is
// passed in. Dates are shown in UTC and labelled, so every viewer of a server-rendered page reads
// the same time (the instructor's due dates are entered in local time and stored as instants).

const MINUTE_MS = 60_000;

/** A score or rate from 0 to 1 as a whole percentage ("80%"); a missing one as a dash. */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? "–" : `${Math.round(fraction * 100)}%`;
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`: the key of per-day charts and queues. */
export function dayKey(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An instant to the minute, in UTC and saying so: "2026-09-10 17:00 UTC". */
export function formatDateTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Seconds spent, as whole minutes (rounded to the nearest). */
export function formatMinutes(seconds: number): string {
  return String(Math.round(seconds / 60));
}

/** A reading-time estimate in whole minutes: "12 min", "1 h 5 min". */
export function formatEstimate(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} h${rest ? ` ${rest} min` : ""}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * How far away an instant is, as a learner reads it: "in 5 minutes", "in about 3 hours", and past a
 * day its UTC date ("on 2026-09-10"). Anything already due or under a minute away reads "in 1 minute".
 */
export function formatTimeUntil(instant: Date, now: Date): string {
  const minutes = Math.round((instant.getTime() - now.getTime()) / MINUTE_MS);
  if (minutes < 60) return `in ${plural(Math.max(1, minutes), "minute")}`;
  if (minutes < 24 * 60) return `in about ${plural(Math.round(minutes / 60), "hour")}`;
  return `on ${dayKey(instant)}`;
}
