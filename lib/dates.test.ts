import { describe, expect, it } from "vitest";
import {
  addDaysToKey,
  addUtcYears,
  daysBetweenKeys,
  daysInMonth,
  instantOfDateTimeLocal,
  isWithin,
  parseDateTimeLocal,
  yearsAround,
} from "./dates";

describe("parseDateTimeLocal", () => {
  const wall = (year: number, month: number, day: number, hour: number, minute: number, second = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second,
  });

  it("reads a datetime-local value as the wall-clock time it names", () => {
    expect(parseDateTimeLocal("2026-09-10T17:00")).toEqual(wall(2026, 9, 10, 17, 0));
    expect(parseDateTimeLocal("2026-09-10T17:00:30")).toEqual(wall(2026, 9, 10, 17, 0, 30));
  });

  it("refuses dates and times that do not exist instead of rolling them over", () => {
    // Date.UTC(2030, 12, 45, 25, 61) is 2031-02-15T02:01Z: the bug this parser replaces.
    for (const value of [
      "2030-13-45T25:61",
      "2026-02-30T10:00",
      "2026-04-31T10:00",
      "2026-02-29T10:00",
      "2026-00-10T10:00",
      "2026-09-00T10:00",
      "2026-09-10T24:00",
      "2026-09-10T23:60",
      "2026-09-10T23:59:60",
      "0000-01-01T00:00",
    ])
      expect(parseDateTimeLocal(value), value).toBeNull();
  });

  it("accepts the edges of the calendar: leap days, month ends, midnight and 23:59", () => {
    expect(parseDateTimeLocal("2028-02-29T00:00")).toEqual(wall(2028, 2, 29, 0, 0));
    expect(parseDateTimeLocal("2000-02-29T12:00")).toEqual(wall(2000, 2, 29, 12, 0));
    expect(parseDateTimeLocal("2100-02-29T12:00")).toBeNull(); // not a leap year
    expect(parseDateTimeLocal("2026-01-31T23:59")).toEqual(wall(2026, 1, 31, 23, 59));
    // Years below 100 stay what they say (Date.UTC would make 0099 into 1999).
    expect(instantOfDateTimeLocal("0099-06-01T00:00", "UTC")).toMatchObject({ ok: true });
    const early = instantOfDateTimeLocal("0099-06-01T00:00", "UTC");
    expect(early.ok && early.instant.getUTCFullYear()).toBe(99);
  });

  it("refuses other formats", () => {
    for (const value of ["10/09/2026", "2026-9-10T17:00", "2026-09-10 17:00", "2026-09-10T17:00Z", "", "tomorrow"])
      expect(parseDateTimeLocal(value), value).toBeNull();
  });
});

describe("instantOfDateTimeLocal", () => {
  it("turns a time typed in a zone into the instant it means there", () => {
    expect(instantOfDateTimeLocal("2026-09-10T17:00", "UTC")).toEqual({
      ok: true,
      instant: new Date("2026-09-10T17:00:00Z"),
    });
    expect(instantOfDateTimeLocal("2026-09-10T17:00", "Europe/Berlin")).toEqual({
      ok: true,
      instant: new Date("2026-09-10T15:00:00Z"), // UTC+2 in summer
    });
    expect(instantOfDateTimeLocal("2026-01-10T17:00", "Europe/Berlin")).toEqual({
      ok: true,
      instant: new Date("2026-01-10T16:00:00Z"), // UTC+1 in winter
    });
    // Late evening in Los Angeles is already the next day in UTC; in Tonga the UTC day is still the same.
    expect(instantOfDateTimeLocal("2026-12-31T23:30", "America/Los_Angeles")).toEqual({
      ok: true,
      instant: new Date("2027-01-01T07:30:00Z"),
    });
    expect(instantOfDateTimeLocal("2026-12-31T23:30", "Pacific/Tongatapu")).toEqual({
      ok: true,
      instant: new Date("2026-12-31T10:30:00Z"),
    });
  });

  it("takes the first of a repeated time and refuses a skipped one, on the days clocks change", () => {
    expect(instantOfDateTimeLocal("2026-11-01T01:30", "America/Los_Angeles")).toEqual({
      ok: true,
      instant: new Date("2026-11-01T08:30:00Z"), // 01:30 PDT, an hour before 01:30 PST
    });
    expect(instantOfDateTimeLocal("2026-03-08T02:30", "America/Los_Angeles")).toEqual({
      ok: false,
      problem: "skipped",
    });
    expect(instantOfDateTimeLocal("2026-03-08T03:30", "America/Los_Angeles")).toEqual({
      ok: true,
      instant: new Date("2026-03-08T10:30:00Z"),
    });
    expect(instantOfDateTimeLocal("2026-02-30T10:00", "UTC")).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("day keys", () => {
  it("move by calendar days and count the days between them, across months, years and leap days", () => {
    expect(addDaysToKey("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDaysToKey("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDaysToKey("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDaysToKey("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetweenKeys("2026-03-07", "2026-03-09")).toBe(2); // the DST change between changes nothing
    expect(daysBetweenKeys("2026-03-09", "2026-03-07")).toBe(-2);
    expect(daysBetweenKeys("2026-12-31", "2027-01-30")).toBe(30);
  });
});

describe("calendar arithmetic", () => {
  it("knows the length of every month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it("moves an instant by whole years, keeping the time of day", () => {
    expect(addUtcYears(new Date("2026-09-10T17:05:00Z"), 5)).toEqual(new Date("2031-09-10T17:05:00Z"));
    expect(addUtcYears(new Date("2026-09-10T17:05:00Z"), -1)).toEqual(new Date("2025-09-10T17:05:00Z"));
    expect(addUtcYears(new Date("2028-02-29T08:00:00Z"), 1)).toEqual(new Date("2029-02-28T08:00:00Z"));
  });

  it("tells whether an instant lies within a range around now, both ends included", () => {
    const now = new Date("2026-09-10T12:00:00Z");
    const range = yearsAround(now, 1, 5);
    expect(range).toEqual({ earliest: new Date("2025-09-10T12:00:00Z"), latest: new Date("2031-09-10T12:00:00Z") });
    expect(isWithin(now, range)).toBe(true);
    expect(isWithin(range.earliest, range)).toBe(true);
    expect(isWithin(range.latest, range)).toBe(true);
    expect(isWithin(new Date("2031-09-10T12:00:01Z"), range)).toBe(false);
    expect(isWithin(new Date("2025-09-10T11:59:59Z"), range)).toBe(false);
    expect(isWithin(new Date("9999-12-31T00:00:00Z"), range)).toBe(false);
  });
});
