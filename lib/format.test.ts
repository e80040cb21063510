import { describe, expect, it } from "vitest";
import { dayKey, formatDateTime, formatEstimate, formatMinutes, formatPercent, formatTimeUntil } from "./format";

describe("formatPercent", () => {
  it("rounds a fraction to a whole percentage and shows a missing score as a dash", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(0.666)).toBe("67%");
    expect(formatPercent(0.005)).toBe("1%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("–");
  });
});

describe("dates and times", () => {
  const instant = new Date("2026-09-10T17:05:42.123Z");

  it("keys a day by its UTC date", () => {
    expect(dayKey(instant)).toBe("2026-09-10");
    // 23:30 on the 10th in UTC-5 is already the 11th in UTC.
    expect(dayKey(new Date("2026-09-10T23:30:00-05:00"))).toBe("2026-09-11");
  });

  it("prints an instant to the minute in UTC, labelled", () => {
    expect(formatDateTime(instant)).toBe("2026-09-10 17:05 UTC");
    expect(formatDateTime(new Date("2026-01-02T00:00:59Z"))).toBe("2026-01-02 00:00 UTC");
  });
});

describe("durations", () => {
  it("turns seconds into whole minutes", () => {
    expect(formatMinutes(0)).toBe("0");
    expect(formatMinutes(29)).toBe("0");
    expect(formatMinutes(30)).toBe("1");
    expect(formatMinutes(3_600)).toBe("60");
  });

  it("says how far away an instant is: minutes, then hours, then the date", () => {
    const now = new Date("2026-09-10T12:00:00Z");
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    expect(formatTimeUntil(later(-5), now)).toBe("in 1 minute");
    expect(formatTimeUntil(later(0), now)).toBe("in 1 minute");
    expect(formatTimeUntil(later(1), now)).toBe("in 1 minute");
    expect(formatTimeUntil(later(10), now)).toBe("in 10 minutes");
    expect(formatTimeUntil(later(59), now)).toBe("in 59 minutes");
    expect(formatTimeUntil(later(60), now)).toBe("in about 1 hour");
    expect(formatTimeUntil(later(150), now)).toBe("in about 3 hours");
    expect(formatTimeUntil(later(24 * 60 - 1), now)).toBe("in about 24 hours");
    expect(formatTimeUntil(later(24 * 60), now)).toBe("on 2026-09-11");
  });
});

describe("formatEstimate", () => {
  it("reads minutes under an hour, hours and minutes past it", () => {
    expect(formatEstimate(1)).toBe("1 min");
    expect(formatEstimate(59)).toBe("59 min");
    expect(formatEstimate(60)).toBe("1 h");
    expect(formatEstimate(125)).toBe("2 h 5 min");
  });
});
