import { describe, expect, it } from "vitest";
import { ACTIVITY_WEEKS, activity } from "./activity";

const none = { quizAnswers: [], ratings: [], drillSteps: [] };
const at = (iso: string) => new Date(iso);

describe("a learner's activity", () => {
  it("lays out whole ISO weeks ending with the current one, the rest of this week marked future", () => {
    // Wednesday 2 December 2026 in UTC.
    const a = activity(none, at("2026-12-02T10:00:00Z"), "UTC");
    expect(a.days).toHaveLength(7 * ACTIVITY_WEEKS);
    expect(a.days[0].date).toBe("2026-09-14"); // a Monday, eleven weeks before this week's
    expect(a.days.at(-1)!.date).toBe("2026-12-06"); // this week's Sunday
    expect(a.days.filter((d) => d.future).map((d) => d.date)).toEqual([
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(a.weeks.map((w) => w.start).at(-1)).toBe("2026-11-30");
    expect(a.streak).toEqual({ current: 0, longest: 0 });
  });

  it("counts each kind of study on the learner's own calendar day, around midnight in UTC−8 and UTC+13", () => {
    // 07:30 UTC on 2 December is 23:30 on 1 December in Los Angeles and 20:30 on 2 December in Tonga.
    const input = { quizAnswers: [{ at: at("2026-12-02T07:30:00Z"), score: 1 }], ratings: [], drillSteps: [] };
    const now = at("2026-12-02T12:00:00Z");
    const day = (zone: string, date: string) => activity(input, now, zone).days.find((d) => d.date === date)!;
    expect(day("America/Los_Angeles", "2026-12-01").quizAnswers).toBe(1);
    expect(day("America/Los_Angeles", "2026-12-02").quizAnswers).toBe(0);
    expect(day("Pacific/Tongatapu", "2026-12-02").quizAnswers).toBe(1);
    // 11:30 UTC on 1 December is already 00:30 on 2 December in Tonga.
    const late = { ...none, ratings: [at("2026-12-01T11:30:00Z")] };
    expect(activity(late, now, "Pacific/Tongatapu").days.find((d) => d.date === "2026-12-02")!.reviews).toBe(1);
    expect(activity(late, now, "UTC").days.find((d) => d.date === "2026-12-01")!.reviews).toBe(1);
  });

  it("keeps a streak alive until today is over, and remembers the longest run", () => {
    const days = (...dates: string[]) => dates.map((d) => at(`${d}T12:00:00Z`));
    const input = {
      quizAnswers: [],
      ratings: days("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-29", "2026-11-30"),
      drillSteps: days("2026-12-01"),
    };
    // Today (2 December) has nothing yet: the run 29 Nov – 1 Dec still counts.
    expect(activity(input, at("2026-12-02T09:00:00Z"), "UTC").streak).toEqual({ current: 3, longest: 4 });
    // Studying today extends it.
    const withToday = { ...input, quizAnswers: [{ at: at("2026-12-02T08:00:00Z"), score: 0.5 }] };
    expect(activity(withToday, at("2026-12-02T09:00:00Z"), "UTC").streak).toEqual({ current: 4, longest: 4 });
    // A whole day missed (2 December) ends it on the 3rd.
    expect(activity(input, at("2026-12-03T09:00:00Z"), "UTC").streak.current).toBe(0);
  });

  it("sums each ISO week's reviews and quiz answers, with the mean quiz score, and ignores what lies outside", () => {
    const input = {
      quizAnswers: [
        { at: at("2026-11-30T10:00:00Z"), score: 1 },
        { at: at("2026-12-02T10:00:00Z"), score: 0 },
        { at: at("2026-11-29T10:00:00Z"), score: 0.5 }, // Sunday: the week before
        { at: at("2026-01-01T10:00:00Z"), score: 1 }, // long before the calendar
      ],
      ratings: [at("2026-12-01T10:00:00Z"), at("2026-12-01T11:00:00Z")],
      drillSteps: [at("2026-12-05T10:00:00Z")], // in the future of "now": not counted
    };
    const a = activity(input, at("2026-12-02T12:00:00Z"), "UTC");
    expect(a.weeks.at(-1)).toEqual({ start: "2026-11-30", reviews: 2, quizAnswers: 2, quizScore: 0.5, drillSteps: 0 });
    expect(a.weeks.at(-2)).toMatchObject({ start: "2026-11-23", quizAnswers: 1, quizScore: 0.5 });
    expect(a.weeks.at(-3)).toMatchObject({ quizAnswers: 0, quizScore: null });
    expect(a.activeDays).toBe(4);
  });
});
