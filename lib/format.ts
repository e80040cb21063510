// One formatter per unit, for every page and component. Pure and deterministic: the clock and the
// viewer's time zone are passed in. Instants are stored as instants; each viewer reads them in their
// own zone (their account setting), and every time shown names that zone.
import { offsetMinutesAt, wallClockAt } from "./time-zones";

const MINUTE_MS = 60_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A score or rate from 0 to 1 as a whole percentage ("80%"); a missing one as a dash. */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? "–" : `${Math.round(fraction * 100)}%`;
}

/** A model's error measure (log loss, RMSE) to three decimals, as Anki shows them: "0.213". */
export function formatMeasure(value: number): string {
  return value.toFixed(3);
}

/** The calendar day an instant falls on in `timeZone`, `YYYY-MM-DD`: the key of per-day charts and queues. */
export function dayKey(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const LONG_DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** A calendar day (`YYYY-MM-DD`, already in the viewer's zone) as a chart's axis labels it: "30 Nov". */
export const formatDayShort = (key: string) => SHORT_DAY.format(new Date(`${key}T00:00:00Z`));

/** A calendar day (`YYYY-MM-DD`) in full, for tables and tooltips: "Mon 30 Nov 2026". */
export const formatDay = (key: string) => LONG_DAY.format(new Date(`${key}T00:00:00Z`)).replace(",", "");

/** An offset from UTC in minutes, as people write it: "UTC+5:30", "UTC−8" (a minus sign), "UTC+13", "UTC+0". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${pad(rest)}` : ""}`;
}

/** A zone as it reads beside a time: "UTC", or its name and its offset at `at`: "America/Los_Angeles (UTC−7)". */
export function formatTimeZone(timeZone: string, at: Date): string {
  return timeZone === "UTC" ? "UTC" : `${timeZone} (${formatUtcOffset(offsetMinutesAt(at, timeZone))})`;
}

/**
 * A class's due date for one viewer: in their zone, and also on the class's clock when that is
 * another zone, since that is the time the instructor set ("2026-09-10 22:30 Asia/Kolkata (UTC+5:30);
 * class time 2026-09-10 17:00 UTC").
 */
export function formatDueDate(instant: Date, viewerZone: string, classZone: string): string {
  const mine = formatDateTime(instant, viewerZone);
  return viewerZone === classZone ? mine : `${mine}; class time ${formatDateTime(instant, classZone)}`;
}

/**
 * An instant to the minute as a clock in `timeZone` shows it, naming the zone (and its offset then,
 * which tells summer from winter time): "2026-09-10 17:00 UTC", "2026-01-01 12:00 Asia/Kolkata (UTC+5:30)".
 */
export function formatDateTime(instant: Date, timeZone: string): string {
  return `${formatDateTimeLocal(instant, timeZone).replace("T", " ")} ${formatTimeZone(timeZone, instant)}`;
}

/** An instant as the value of an `<input type="datetime-local">` in `timeZone`: "2026-09-10T17:00". */
export function formatDateTimeLocal(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${dayKey(instant, timeZone)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * An instant for a file a spreadsheet or a program reads: ISO 8601 to the second with the zone's offset,
 * then the zone's name in brackets as RFC 9557 (and Temporal's ZonedDateTime) write it:
 * "2026-09-10T22:35:42+05:30[Asia/Kolkata]". The part before the bracket is plain ISO 8601.
 */
export function formatZonedIso(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  return `${formatDateTimeLocal(instant, timeZone)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}[${timeZone}]`;
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
 * day its date in the learner's zone ("on 2026-09-10"). Anything already due or under a minute away
 * reads "in 1 minute".
 */
export function formatTimeUntil(instant: Date, now: Date, timeZone: string): string {
  const minutes = Math.round((instant.getTime() - now.getTime()) / MINUTE_MS);
  if (minutes < 60) return `in ${plural(Math.max(1, minutes), "minute")}`;
  if (minutes < 24 * 60) return `in about ${plural(Math.round(minutes / 60), "hour")}`;
  return `on ${dayKey(instant, timeZone)}`;
}
