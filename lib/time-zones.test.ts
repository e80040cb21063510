import { describe, expect, it } from "vitest";
import { timeZoneSchema } from "./time-zone-form";
import {
  compatibleInstant,
  isSupportedTimeZone,
  offsetMinutesAt,
  resolveWallClock,
  sameWallClockIn,
  startOfNextZonedDay,
  startOfZonedDay,
  supportedTimeZones,
  timeZoneChoices,
  type WallClock,
  wallClockAt,
} from "./time-zones";

const LA = "America/Los_Angeles"; // UTC−8, UTC−7 from the second Sunday of March to the first of November
const TONGA = "Pacific/Tongatapu"; // UTC+13 all year
const AUCKLAND = "Pacific/Auckland"; // UTC+13 until the first Sunday of April, UTC+12 until the last of September

const wall = (text: string): WallClock => {
  const [date, time] = text.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return { year, month, day, hour, minute, second: 0 };
};
const at = (iso: string) => new Date(iso);

describe("which time zones exist", () => {
  it("lists UTC first, then Intl's zones, and accepts current names the list may spell the old way", () => {
    const zones = supportedTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain(LA);
    expect(zones).toContain(TONGA);
    for (const zone of ["UTC", LA, TONGA, AUCKLAND, "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "Etc/UTC"])
      expect(isSupportedTimeZone(zone), zone).toBe(true);
  });

  it("refuses made-up zones, offsets and names not spelled the IANA way", () => {
    for (const zone of ["", "Mars/Olympus", "America/Springfield", "+05:30", "asia/kolkata", "Asia/kolkata", "local"])
      expect(isSupportedTimeZone(zone), zone).toBe(false);
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
    expect(timeZoneSchema.parse(" Pacific/Tongatapu ")).toBe(TONGA);
  });
});

describe("what a clock shows in a zone", () => {
  it("reads the wall clock and the offset, summer and winter", () => {
    expect(wallClockAt(at("2026-01-16T07:59:00Z"), LA)).toEqual(wall("2026-01-15T23:59"));
    expect(wallClockAt(at("2026-01-15T10:59:00Z"), TONGA)).toEqual(wall("2026-01-15T23:59"));
    expect(offsetMinutesAt(at("2026-01-15T12:00:00Z"), LA)).toBe(-480);
    expect(offsetMinutesAt(at("2026-07-15T12:00:00Z"), LA)).toBe(-420);
    expect(offsetMinutesAt(at("2026-01-15T12:00:00Z"), TONGA)).toBe(780);
    expect(offsetMinutesAt(at("2026-01-15T12:00:00Z"), AUCKLAND)).toBe(780);
    expect(offsetMinutesAt(at("2026-07-15T12:00:00Z"), AUCKLAND)).toBe(720);
    expect(offsetMinutesAt(at("2026-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
  });
});

describe("which instant a wall-clock time in a zone means", () => {
  it("is one instant on an ordinary day, on either side of the date line", () => {
    expect(resolveWallClock(wall("2026-01-15T23:59"), LA)).toEqual({ kind: "exact", instant: at("2026-01-16T07:59Z") });
    expect(resolveWallClock(wall("2026-01-15T23:59"), TONGA)).toEqual({
      kind: "exact",
      instant: at("2026-01-15T10:59Z"),
    });
    expect(resolveWallClock(wall("2026-07-01T09:00"), LA)).toEqual({ kind: "exact", instant: at("2026-07-01T16:00Z") });
  });

  it("has no instant in the hour skipped when clocks go forward", () => {
    // Los Angeles: 02:00 PST becomes 03:00 PDT on 2026-03-08; Auckland: 02:00 NZST becomes 03:00 NZDT on 2026-09-27.
    expect(resolveWallClock(wall("2026-03-08T02:30"), LA)).toEqual({
      kind: "skipped",
      shifted: at("2026-03-08T10:30Z"),
    });
    expect(resolveWallClock(wall("2026-09-27T02:30"), AUCKLAND).kind).toBe("skipped");
    // Either side of the gap is an ordinary time.
    expect(resolveWallClock(wall("2026-03-08T01:59"), LA)).toEqual({ kind: "exact", instant: at("2026-03-08T09:59Z") });
    expect(resolveWallClock(wall("2026-03-08T03:00"), LA)).toEqual({ kind: "exact", instant: at("2026-03-08T10:00Z") });
  });

  it("has two instants in the hour repeated when clocks go back", () => {
    // Los Angeles: 02:00 PDT becomes 01:00 PST on 2026-11-01; Auckland: 03:00 NZDT becomes 02:00 NZST on 2026-04-05.
    expect(resolveWallClock(wall("2026-11-01T01:30"), LA)).toEqual({
      kind: "repeated",
      earlier: at("2026-11-01T08:30Z"),
      later: at("2026-11-01T09:30Z"),
    });
    expect(resolveWallClock(wall("2026-04-05T02:30"), AUCKLAND)).toEqual({
      kind: "repeated",
      earlier: at("2026-04-04T13:30Z"),
      later: at("2026-04-04T14:30Z"),
    });
  });
});

describe("one instant for a wall-clock time, and the same time in another zone", () => {
  it("takes the earlier of a repeated time and moves a skipped one past the gap", () => {
    expect(compatibleInstant(wall("2026-01-15T23:59"), LA)).toEqual(at("2026-01-16T07:59Z"));
    expect(compatibleInstant(wall("2026-11-01T01:30"), LA)).toEqual(at("2026-11-01T08:30Z"));
    expect(compatibleInstant(wall("2026-03-08T02:30"), LA)).toEqual(at("2026-03-08T10:30Z")); // 03:30 PDT
  });

  it("keeps the date and time of day when a time moves from one zone to another", () => {
    // 17:00 on 10 March in London (GMT) is 17:00 on 10 March in Kolkata (UTC+5:30), 11:30 UTC.
    expect(sameWallClockIn(at("2026-03-10T17:00Z"), "Europe/London", "Asia/Kolkata")).toEqual(at("2026-03-10T11:30Z"));
    // Across the date line: 09:00 on 2 April in Tonga is 09:00 on 2 April in Los Angeles (PDT).
    expect(sameWallClockIn(at("2026-04-01T20:00Z"), TONGA, LA)).toEqual(at("2026-04-02T16:00Z"));
    // A time the new zone skips lands just past the gap.
    expect(sameWallClockIn(at("2026-03-08T02:30Z"), "UTC", LA)).toEqual(at("2026-03-08T10:30Z"));
    expect(sameWallClockIn(at("2026-03-08T02:30Z"), "UTC", "UTC")).toEqual(at("2026-03-08T02:30Z"));
  });
});

describe("where a person's day begins", () => {
  it("is local midnight, not 00:00 UTC, just before and after it", () => {
    // 23:30 on the 14th in Los Angeles is 07:30 UTC on the 15th: still the 14th there.
    expect(startOfZonedDay(at("2026-01-15T07:30Z"), LA)).toEqual(at("2026-01-14T08:00Z"));
    expect(startOfNextZonedDay(at("2026-01-15T07:30Z"), LA)).toEqual(at("2026-01-15T08:00Z"));
    // 00:30 on the 15th there: a new day, though UTC's day did not change.
    expect(startOfZonedDay(at("2026-01-15T08:30Z"), LA)).toEqual(at("2026-01-15T08:00Z"));
    // 23:30 on the 15th in Tonga is 10:30 UTC on the 15th; 00:30 on the 16th there is still the 15th in UTC.
    expect(startOfZonedDay(at("2026-01-15T10:30Z"), TONGA)).toEqual(at("2026-01-14T11:00Z"));
    expect(startOfNextZonedDay(at("2026-01-15T10:30Z"), TONGA)).toEqual(at("2026-01-15T11:00Z"));
    expect(startOfZonedDay(at("2026-01-15T11:30Z"), TONGA)).toEqual(at("2026-01-15T11:00Z"));
  });

  it("lasts 23 or 25 hours on the days clocks change", () => {
    const hours = (instant: string, zone: string) =>
      (startOfNextZonedDay(at(instant), zone).getTime() - startOfZonedDay(at(instant), zone).getTime()) / 3_600_000;
    expect(startOfZonedDay(at("2026-03-08T12:00Z"), LA)).toEqual(at("2026-03-08T08:00Z"));
    expect(startOfNextZonedDay(at("2026-03-08T12:00Z"), LA)).toEqual(at("2026-03-09T07:00Z"));
    expect(hours("2026-03-08T12:00Z", LA)).toBe(23);
    expect(hours("2026-11-01T12:00Z", LA)).toBe(25);
    expect(startOfZonedDay(at("2026-04-05T06:00Z"), AUCKLAND)).toEqual(at("2026-04-04T11:00Z"));
    expect(startOfNextZonedDay(at("2026-04-05T06:00Z"), AUCKLAND)).toEqual(at("2026-04-05T12:00Z"));
    expect(hours("2026-04-05T06:00Z", AUCKLAND)).toBe(25);
    expect(hours("2026-09-27T06:00Z", AUCKLAND)).toBe(23);
    expect(hours("2026-01-15T06:00Z", TONGA)).toBe(24);
  });

  it("begins when the skipped midnight ends where clocks go forward at 00:00", () => {
    // Cuba: 00:00 CST becomes 01:00 CDT on 2026-03-08, so that day begins at 01:00 (05:00 UTC).
    expect(startOfZonedDay(at("2026-03-08T12:00Z"), "America/Havana")).toEqual(at("2026-03-08T05:00Z"));
    expect(startOfNextZonedDay(at("2026-03-07T12:00Z"), "America/Havana")).toEqual(at("2026-03-08T05:00Z"));
  });

  it("rolls over month and year ends", () => {
    expect(startOfNextZonedDay(at("2026-12-31T20:00Z"), LA)).toEqual(at("2027-01-01T08:00Z"));
    expect(startOfNextZonedDay(at("2026-01-31T20:00Z"), "UTC")).toEqual(at("2026-02-01T00:00Z"));
  });
});

describe("the zones to choose from", () => {
  it("are every supported zone, with the current one added where the list spells it the old way", () => {
    expect(timeZoneChoices("UTC")).toEqual(supportedTimeZones());
    const withKolkata = timeZoneChoices("Asia/Kolkata");
    expect(withKolkata).toHaveLength(
      supportedTimeZones().length + (supportedTimeZones().includes("Asia/Kolkata") ? 0 : 1),
    );
    expect(withKolkata[0]).toBe("UTC");
    expect(withKolkata).toContain("Asia/Kolkata");
    expect(withKolkata.indexOf("Asia/Kolkata")).toBeGreaterThan(withKolkata.indexOf("Asia/Jerusalem"));
    expect(timeZoneChoices("Mars/Olympus")).toEqual(supportedTimeZones());
  });
});
