import { describe, expect, it } from "vitest";
import { addUtcYears, daysInMonth, isWithin, parseLocalDateTime, yearsAround } from "./dates";

describe("parseLocalDateTime", () => {
  it("turns a datetime-local value and the browser's offset into the instant it means", () => {
    expect(parseLocalDateTime("2026-09-10T17:00", 0)).toEqual(new Date("2026-09-10T17:00:00Z"));
    expect(parseLocalDateTime("2026-09-10T17:00", -120)).toEqual(new Date("2026-09-10T15:00:00Z")); // UTC+2
    expect(parseLocalDateTime("2026-09-10T17:00", 300)).toEqual(new Date("2026-09-10T22:00:00Z")); // UTC-5
    expect(parseLocalDateTime("2026-09-10T17:00:30", 0)).toEqual(new Date("2026-09-10T17:00:30Z"));
    // Late evening in UTC-5 is already the next day in UTC.
    expect(parseLocalDateTime("2026-12-31T23:30", 300)).toEqual(new Date("2027-01-01T04:30:00Z"));
  });

  it("refuses dates and times that do not exist instead of rolling them over", () => {
    // Date.UTC(2030, 12, 45, 25, 61) is 2031-02-15T02:01Z: the bug this parser replaces.
    expect(parseLocalDateTime("2030-13-45T25:61", 0)).toBeNull();
    expect(parseLocalDateTime("2026-02-30T10:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-04-31T10:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-02-29T10:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-00-10T10:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-09-00T10:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-09-10T24:00", 0)).toBeNull();
    expect(parseLocalDateTime("2026-09-10T23:60", 0)).toBeNull();
    expect(parseLocalDateTime("2026-09-10T23:59:60", 0)).toBeNull();
    expect(parseLocalDateTime("0000-01-01T00:00", 0)).toBeNull();
  });

  it("accepts the edges of the calendar: leap days, month ends, midnight and 23:59", () => {
    expect(parseLocalDateTime("2028-02-29T00:00", 0)).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseLocalDateTime("2000-02-29T12:00", 0)).toEqual(new Date("2000-02-29T12:00:00Z"));
    expect(parseLocalDateTime("2100-02-29T12:00", 0)).toBeNull(); // not a leap year
    expect(parseLocalDateTime("2026-01-31T23:59", 0)).toEqual(new Date("2026-01-31T23:59:00Z"));
    // Years below 100 stay what they say (Date.UTC would make 0099 into 1999).
    expect(parseLocalDateTime("0099-06-01T00:00", 0)?.getUTCFullYear()).toBe(99);
  });

  it("refuses other formats and non-integer offsets", () => {
    for (const value of ["10/09/2026", "2026-9-10T17:00", "2026-09-10 17:00", "2026-09-10T17:00Z", "", "tomorrow"])
      expect(parseLocalDateTime(value, 0), value).toBeNull();
    expect(parseLocalDateTime("2026-09-10T17:00", Number.NaN)).toBeNull();
    expect(parseLocalDateTime("2026-09-10T17:00", 1.5)).toBeNull();
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
