import { describe, expect, it } from "vitest";
import {
  dayKey,
  formatDateTime,
  formatDateTimeLocal,
  formatDay,
  formatDayShort,
  formatDueDate,
  formatEstimate,
  formatMeasure,
  formatMinutes,
  formatPercent,
  formatTimeUntil,
  formatTimeZone,
  formatUtcOffset,
  formatZonedIso,
} from "./format";

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

describe("formatMeasure", () => {
  it("shows a log loss or RMSE to three decimals", () => {
    expect(formatMeasure(0.21306359767913818)).toBe("0.213");
    expect(formatMeasure(0.0452)).toBe("0.045");
  });
});

describe("dates and times", () => {
  const instant = new Date("2026-09-10T17:05:42.123Z");

  it("keys a day by its date in the viewer's zone", () => {
    expect(dayKey(instant, "UTC")).toBe("2026-09-10");
    // 23:30 on the 10th in UTC−5 is already the 11th in UTC, and still the 10th there.
    expect(dayKey(new Date("2026-09-10T23:30:00-05:00"), "UTC")).toBe("2026-09-11");
    expect(dayKey(new Date("2026-09-10T23:30:00-05:00"), "America/Chicago")).toBe("2026-09-10");
    // In Tonga (UTC+13) 10:30 UTC is 23:30 on the 10th and 11:30 UTC already 00:30 on the 11th.
    expect(dayKey(new Date("2026-09-10T10:30:00Z"), "Pacific/Tongatapu")).toBe("2026-09-10");
    expect(dayKey(new Date("2026-09-10T11:30:00Z"), "Pacific/Tongatapu")).toBe("2026-09-11");
  });

  it("prints an instant to the minute in the viewer's zone, naming it", () => {
    expect(formatDateTime(instant, "UTC")).toBe("2026-09-10 17:05 UTC");
    expect(formatDateTime(new Date("2026-01-02T00:00:59Z"), "UTC")).toBe("2026-01-02 00:00 UTC");
    expect(formatDateTime(instant, "Asia/Kolkata")).toBe("2026-09-10 22:35 Asia/Kolkata (UTC+5:30)");
    expect(formatDateTime(instant, "America/Los_Angeles")).toBe("2026-09-10 10:05 America/Los_Angeles (UTC−7)");
    expect(formatDateTime(new Date("2026-01-16T07:59:00Z"), "America/Los_Angeles")).toBe(
      "2026-01-15 23:59 America/Los_Angeles (UTC−8)",
    );
    expect(formatDateTime(new Date("2026-01-16T07:59:00Z"), "Pacific/Tongatapu")).toBe(
      "2026-01-16 20:59 Pacific/Tongatapu (UTC+13)",
    );
    expect(formatDateTime(new Date("2026-01-16T07:59:00Z"), "Europe/London")).toBe(
      "2026-01-16 07:59 Europe/London (UTC+0)",
    );
  });

  it("shows a class's due date in the viewer's zone, and on the class's clock when that is another zone", () => {
    expect(formatDueDate(instant, "UTC", "UTC")).toBe("2026-09-10 17:05 UTC");
    expect(formatDueDate(instant, "Asia/Kolkata", "UTC")).toBe(
      "2026-09-10 22:35 Asia/Kolkata (UTC+5:30); class time 2026-09-10 17:05 UTC",
    );
  });

  it("shows the same instant either side of a clock change with the offset of each side", () => {
    // Los Angeles goes back from 02:00 PDT to 01:00 PST on 2026-11-01: 01:30 happens twice.
    expect(formatDateTime(new Date("2026-11-01T08:30:00Z"), "America/Los_Angeles")).toBe(
      "2026-11-01 01:30 America/Los_Angeles (UTC−7)",
    );
    expect(formatDateTime(new Date("2026-11-01T09:30:00Z"), "America/Los_Angeles")).toBe(
      "2026-11-01 01:30 America/Los_Angeles (UTC−8)",
    );
  });

  it("writes offsets and datetime-local values the way people and browsers read them", () => {
    expect(formatUtcOffset(330)).toBe("UTC+5:30");
    expect(formatUtcOffset(-480)).toBe("UTC−8");
    expect(formatUtcOffset(780)).toBe("UTC+13");
    expect(formatUtcOffset(-570)).toBe("UTC−9:30");
    expect(formatUtcOffset(0)).toBe("UTC+0");
    expect(formatTimeZone("UTC", instant)).toBe("UTC");
    expect(formatTimeZone("Pacific/Auckland", new Date("2026-07-01T00:00:00Z"))).toBe("Pacific/Auckland (UTC+12)");
    expect(formatDateTimeLocal(new Date("2026-01-16T07:59:00Z"), "America/Los_Angeles")).toBe("2026-01-15T23:59");
    expect(formatDateTimeLocal(new Date("2026-01-16T07:59:00Z"), "Pacific/Tongatapu")).toBe("2026-01-16T20:59");
  });

  it("writes an instant for files as ISO 8601 with the offset and the zone's name (RFC 9557)", () => {
    expect(formatZonedIso(instant, "UTC")).toBe("2026-09-10T17:05:42+00:00[UTC]");
    expect(formatZonedIso(instant, "Asia/Kolkata")).toBe("2026-09-10T22:35:42+05:30[Asia/Kolkata]");
    // Just before midnight in Los Angeles is already the next day in UTC and mid-evening in Tonga.
    expect(formatZonedIso(new Date("2026-01-16T07:59:00Z"), "America/Los_Angeles")).toBe(
      "2026-01-15T23:59:00-08:00[America/Los_Angeles]",
    );
    expect(formatZonedIso(new Date("2026-01-16T07:59:00Z"), "Pacific/Tongatapu")).toBe(
      "2026-01-16T20:59:00+13:00[Pacific/Tongatapu]",
    );
    expect(formatZonedIso(new Date("2026-01-16T07:59:00Z"), "America/St_Johns")).toBe(
      "2026-01-16T04:29:00-03:30[America/St_Johns]",
    );
    // The part before the bracket is the same instant again.
    const iso = formatZonedIso(instant, "America/Los_Angeles");
    expect(new Date(iso.slice(0, iso.indexOf("[")))).toEqual(new Date("2026-09-10T17:05:42Z"));
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
    const until = (minutes: number, zone = "UTC") => formatTimeUntil(later(minutes), now, zone);
    expect(until(-5)).toBe("in 1 minute");
    expect(until(0)).toBe("in 1 minute");
    expect(until(1)).toBe("in 1 minute");
    expect(until(10)).toBe("in 10 minutes");
    expect(until(59)).toBe("in 59 minutes");
    expect(until(60)).toBe("in about 1 hour");
    expect(until(150)).toBe("in about 3 hours");
    expect(until(24 * 60 - 1)).toBe("in about 24 hours");
    expect(until(24 * 60)).toBe("on 2026-09-11");
    // 12:00 UTC on the 11th is already 01:00 on the 12th in Tonga, and 05:00 on the 11th in Los Angeles.
    expect(until(24 * 60, "Pacific/Tongatapu")).toBe("on 2026-09-12");
    expect(until(24 * 60, "America/Los_Angeles")).toBe("on 2026-09-11");
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

describe("calendar days", () => {
  it("read as a chart's axis and a table show them, whatever the machine's zone", () => {
    expect(formatDayShort("2026-11-30")).toBe("30 Nov");
    expect(formatDay("2026-11-30")).toBe("Mon 30 Nov 2026");
    expect(formatDay("2027-01-01")).toBe("Fri 1 Jan 2027");
  });
});
