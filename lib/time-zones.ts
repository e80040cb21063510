// IANA time zones with nothing but Intl: which zones exist, what a wall clock reads in a zone at an
// instant, and which instant a wall-clock time in a zone means (across daylight-saving changes).
// Pure and deterministic given the engine's time-zone data: the zone and the clock are inputs.
// No zod here: lib/format.ts uses this module in the browser (the form schema is in time-zone-form.ts).

/** Where a person or class has not said otherwise (and what an unreadable zone falls back to). */
export const DEFAULT_TIME_ZONE = "UTC";

const DAY_MS = 86_400_000;

/** A calendar date and time of day as a clock on the wall shows it, without a zone. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

let supported: { list: readonly string[]; set: ReadonlySet<string> } | null = null;

function supportedZones() {
  // Intl lists canonical zones but not "UTC" itself (it lists Etc/UTC only as an alias of it).
  supported ??= (() => {
    const list = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone").filter((z) => z !== DEFAULT_TIME_ZONE)];
    return { list, set: new Set(list) };
  })();
  return supported;
}

/** Every zone a person can choose: UTC first, then Intl's zones in its order (alphabetical). */
export const supportedTimeZones = (): readonly string[] => supportedZones().list;

/**
 * The zones to offer in a list where `current` is already chosen: every supported zone, and
 * `current` too when Intl's list spells it differently ("Asia/Kolkata" beside "Asia/Calcutta").
 */
export function timeZoneChoices(current: string): string[] {
  const list = supportedTimeZones();
  if (list.includes(current) || !isSupportedTimeZone(current)) return [...list];
  return [list[0], ...[...list.slice(1), current].sort()];
}

// Each segment of an IANA name starts with a capital letter ("America/Port-au-Prince", "Etc/GMT+5"):
// Intl also accepts "asia/kolkata", but that is not a name to store and show.
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * Whether `zone` is one of Intl's supported zones, or a current name Intl maps to one of them.
 * Browsers report current names ("Asia/Kolkata", "Europe/Kyiv") where this engine's list may still
 * hold the older ones ("Asia/Calcutta", "Europe/Kiev"); both are the same zone and both are accepted.
 */
export function isSupportedTimeZone(zone: string): boolean {
  const { set } = supportedZones();
  if (set.has(zone)) return true;
  if (!IANA_NAME.test(zone)) return false;
  try {
    return set.has(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** What a clock in `zone` shows at `instant` (to the second). */
export function wallClockAt(instant: Date, zone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of wallClockFormatter(zone).formatToParts(instant))
    if (part.type !== "literal") out[part.type] = Number(part.value);
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** The wall clock read as if it were UTC, in milliseconds (setUTCFullYear: Date.UTC maps years 0–99 to 1900s). */
export function wallClockAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** How far `zone` is ahead of UTC at `instant`, in milliseconds (Asia/Kolkata: +5:30, America/Los_Angeles: −8 or −7 h). */
export function offsetMsAt(instant: Date | number, zone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(new Date(wholeSecond), zone)) - wholeSecond;
}

/** The offset in whole minutes, for display ("UTC+5:30"). */
export const offsetMinutesAt = (instant: Date, zone: string): number => Math.round(offsetMsAt(instant, zone) / 60_000);

const sameWallClock = (a: WallClock, b: WallClock) =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second;

/**
 * The instants a wall-clock time in `zone` can mean. Usually one; two in the hour that repeats when
 * clocks go back (01:30 on the first Sunday of November in Los Angeles is 08:30 and 09:30 UTC); none
 * in the hour skipped when they go forward (02:30 on the second Sunday of March does not happen
 * there). For a skipped time, `shifted` is where a clock that did not change would have been: the
 * same time with the offset from before the change (02:30 PST, which is 03:30 PDT), as Temporal's
 * "compatible" disambiguation does.
 */
export type ResolvedWallClock =
  | { kind: "exact"; instant: Date }
  | { kind: "repeated"; earlier: Date; later: Date }
  | { kind: "skipped"; shifted: Date };

export function resolveWallClock(wall: WallClock, zone: string): ResolvedWallClock {
  const asUtc = wallClockAsUtc(wall);
  // Zone offsets change at most once within a day or so of any instant: the offsets a day before,
  // at, and a day after cover every reading of the wall clock.
  const offsets = [...new Set([asUtc - DAY_MS, asUtc, asUtc + DAY_MS].map((probe) => offsetMsAt(probe, zone)))];
  const instants = [...new Set(offsets.map((offset) => asUtc - offset))]
    .filter((t) => sameWallClock(wallClockAt(new Date(t), zone), wall))
    .sort((a, b) => a - b);
  if (instants.length === 0) return { kind: "skipped", shifted: new Date(asUtc - offsetMsAt(asUtc - DAY_MS, zone)) };
  if (instants.length === 1) return { kind: "exact", instant: new Date(instants[0]) };
  return { kind: "repeated", earlier: new Date(instants[0]), later: new Date(instants.at(-1)!) };
}

/**
 * The one instant a wall-clock time in `zone` is taken to mean, as Temporal's "compatible"
 * disambiguation picks it: the earlier of a repeated time, and a skipped time moved past the gap.
 */
export function compatibleInstant(wall: WallClock, zone: string): Date {
  const r = resolveWallClock(wall, zone);
  if (r.kind === "exact") return r.instant;
  return r.kind === "repeated" ? r.earlier : r.shifted;
}

/**
 * The instant that reads in `to` as `instant` reads in `from`: 17:00 on 10 March in London becomes
 * 17:00 on 10 March in Kolkata. A time `to` skips or repeats is read as `compatibleInstant` reads it.
 */
export const sameWallClockIn = (instant: Date, from: string, to: string): Date =>
  compatibleInstant(wallClockAt(instant, from), to);

/** The first instant at which a clock in `zone` shows this calendar date (midnight, or the end of a skipped midnight). */
function startOfDate(year: number, month: number, day: number, zone: string): Date {
  return compatibleInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, zone);
}

/** Local midnight in `zone` of the day `instant` falls on: where that person's day begins. */
export function startOfZonedDay(instant: Date, zone: string): Date {
  const w = wallClockAt(instant, zone);
  return startOfDate(w.year, w.month, w.day, zone);
}

/** Local midnight in `zone` after `instant`: where that person's next day begins (23 or 25 hours later on DST days). */
export function startOfNextZonedDay(instant: Date, zone: string): Date {
  const w = wallClockAt(instant, zone);
  const next = new Date(0);
  next.setUTCFullYear(w.year, w.month - 1, w.day + 1); // rolls the 31st over into the next month
  return startOfDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), zone);
}
