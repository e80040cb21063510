import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { parseLesson } from "../../content/parse-lesson";
import { lessonWith } from "../../content/test-support/lesson-fixture";
import { lessonCards } from "./cards";
import { type CardState, formatInterval, newCardState, previewIntervals, rate } from "./scheduler";
import { buildQueue, startOfDay } from "./session";
import { statistics } from "./stats";

const lesson = loadContent(path.resolve("content")).lessons[0];
const t0 = new Date("2026-05-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

describe("cards from a lesson", () => {
  const cards = lessonCards(lesson);
  it("asks for each concept's definition, and back from the definition to the concept", () => {
    const define = cards.find((c) => c.id === `${lesson.slug}:define:pod-ip`)!;
    expect(define.front).toBe("What is a Pod IP?");
    expect(define.back).toContain("network namespace");
    expect(define.sectionId).toBe("pod-ip-what-it-is");
    const recognise = cards.find((c) => c.id === `${lesson.slug}:recognise:pod-ip`)!;
    expect(recognise.back).toBe("Pod IP");
    expect(recognise.front).not.toMatch(/Pod IP/);
  });
  it("has a card per comparison cell, such as “ClusterIP: scope?”", () => {
    const cell = cards.find((c) => c.id === `${lesson.slug}:cell:scope:cluster-ip`)!;
    expect(cell).toMatchObject({
      front: "ClusterIP: scope?",
      back: "Stable for as long as the Service exists",
      sectionId: "comparison",
    });
    expect(cards.filter((c) => c.id.includes(":cell:"))).toHaveLength(lesson.comparison!.rows.length * 2);
  });
  it("blanks a key term out of key points", () => {
    const term = cards.find((c) => c.front.startsWith("Fill the gap: Restarting a container"))!;
    expect(term.front).toBe(
      "Fill the gap: Restarting a container does not change the ____, because the Pod itself survives.",
    );
    expect(term.back).toBe("Pod IP");
  });
  it("has unique, stable ids and a section for every card", () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(lessonCards(lesson).map((c) => c.id)).toEqual(cards.map((c) => c.id));
    const sections = new Set(lesson.toc.map((t) => t.id));
    for (const c of cards) expect(sections.has(c.sectionId), c.id).toBe(true);
  });
  it("adds hand-written cards from the frontmatter and from a flashcards section", () => {
    const source = lessonWith(
      "summary: Two things compared.",
      "summary: Two things compared.\ncards:\n  - { front: Who owns Alpha?, back: The system, section: comparison }",
    ).replace(
      "## Key points {#key-points}",
      "## Flashcards {#flashcards}\n\n- Is Beta short-lived? :: Yes, it does not last.\n\n## Key points {#key-points}",
    );
    const parsed = parseLesson(source, "fixture.md");
    expect(parsed.problems).toEqual([]);
    const authored = lessonCards(parsed.lesson!).filter((c) => c.source === "authored");
    expect(authored.map((c) => [c.front, c.back, c.sectionId])).toEqual([
      ["Who owns Alpha?", "The system", "comparison"],
      ["Is Beta short-lived?", "Yes, it does not last.", "flashcards"],
    ]);
  });
  it("reports a malformed hand-written card with its line", () => {
    const source = lessonWith(
      "## Key points {#key-points}",
      "## Flashcards {#flashcards}\n\n- no separator here\n\n## Key points {#key-points}",
    );
    expect(parseLesson(source, "fixture.md").problems[0].message).toBe(
      'flashcard "no separator here" must read "front :: back"',
    );
  });
});

describe("scheduling with FSRS", () => {
  const fresh = newCardState(t0);
  it("starts new, due now", () => {
    expect(fresh).toMatchObject({ state: "New", reps: 0, lapses: 0, lastReview: null });
    expect(fresh.due).toEqual(t0);
  });
  it("moves a card rated Good to a later due date than Hard, and Easy later still; Again soonest", () => {
    const due = (r: "again" | "hard" | "good" | "easy") => rate(fresh, r, t0).due.getTime();
    expect(due("again")).toBeLessThan(due("hard"));
    expect(due("hard")).toBeLessThanOrEqual(due("good"));
    expect(due("good")).toBeLessThan(due("easy"));
    expect(rate(fresh, "good", t0).state).toBe("Learning");
  });
  it("graduates a card to Review and grows the interval with each Good; Again sends it to Relearning with a lapse", () => {
    let s: CardState = fresh;
    let now = t0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = rate(s, "good", now);
      intervals.push(s.due.getTime() - now.getTime());
      now = s.due;
    }
    expect(s.state).toBe("Review");
    expect(intervals[4]).toBeGreaterThan(intervals[3]);
    expect(intervals[3]).toBeGreaterThan(DAY);
    const lapsed = rate(s, "again", now);
    expect(lapsed).toMatchObject({ state: "Relearning", lapses: 1 });
    expect(lapsed.due.getTime() - now.getTime()).toBeLessThan(DAY);
  });
  it("schedules further out when the desired retention is lower", () => {
    let s: CardState = fresh;
    let now = t0;
    for (let i = 0; i < 4; i++) ({ s, now } = ((n) => ({ s: n, now: n.due }))(rate(s, "good", now)));
    const gap = (retention: number) => rate(s, "good", now, { desiredRetention: retention }).scheduledDays;
    expect(gap(0.8)).toBeGreaterThan(gap(0.95));
  });
  it("previews the interval of each rating for the buttons", () => {
    const p = previewIntervals(fresh, t0);
    expect(p.again).toMatch(/^\d+m$/);
    expect(Object.keys(p)).toEqual(["again", "hard", "good", "easy"]);
    expect(p.easy).toMatch(/^\d+(d|mo)$/);
  });
  it("formats intervals compactly", () => {
    expect([30_000, 10 * 60_000, 3 * 3_600_000, 4 * DAY, 75 * DAY, 400 * DAY].map(formatInterval)).toEqual([
      "1m",
      "10m",
      "3h",
      "4d",
      "2.5mo",
      "1.1y",
    ]);
  });
});

describe("the review queue", () => {
  const cards = lessonCards(lesson).slice(0, 6);
  const reviewed = (dueIn: number): CardState => ({ ...rate(newCardState(t0), "easy", t0), due: at(dueIn) });

  it("puts due cards first (most overdue first), then new cards up to the limit", () => {
    const states = new Map([
      [cards[0].id, reviewed(-1000)],
      [cards[1].id, reviewed(-5000)],
      [cards[2].id, reviewed(DAY)],
    ]);
    const q = buildQueue(cards, states, t0, 2, "UTC");
    expect(q.entries.map((e) => e.card.id)).toEqual([cards[1].id, cards[0].id, cards[3].id, cards[4].id]);
    expect(q).toMatchObject({ dueCount: 2, newCount: 2 });
  });
  it("is empty when all is done, saying when the next card is due", () => {
    const states = new Map(cards.map((c, i) => [c.id, reviewed((i + 1) * 3_600_000)]));
    const q = buildQueue(cards, states, t0, 20, "UTC");
    expect(q.entries).toEqual([]);
    expect(q.nextDue).toEqual(at(3_600_000));
  });
  it("holds new cards back when today's limit is used up, and says they come tomorrow", () => {
    const q = buildQueue(cards, new Map(), t0, 0, "UTC");
    expect(q.entries).toEqual([]);
    expect(q.nextDue).toEqual(new Date("2026-05-02T00:00:00Z"));
  });
  it("brings tomorrow's new cards at the learner's own midnight, on either side of the date line", () => {
    // t0 is 08:00 UTC: 01:00 in Los Angeles (UTC−7 in May) and 21:00 in Tonga (UTC+13).
    expect(buildQueue(cards, new Map(), t0, 0, "America/Los_Angeles").nextDue).toEqual(
      new Date("2026-05-02T07:00:00Z"),
    );
    expect(buildQueue(cards, new Map(), t0, 0, "Pacific/Tongatapu").nextDue).toEqual(new Date("2026-05-01T11:00:00Z"));
  });
  it("starts the learner's day at their midnight, also on the days clocks change", () => {
    // 23:30 on 7 March in Los Angeles is 07:30 UTC on the 8th: the new-card count is still the 7th's.
    expect(startOfDay(new Date("2026-03-08T07:30:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-03-07T08:00:00Z"),
    );
    // The 8th (clocks go forward at 02:00) begins at 00:00 PST and lasts 23 hours.
    expect(startOfDay(new Date("2026-03-08T20:00:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-03-08T08:00:00Z"),
    );
    expect(startOfDay(new Date("2026-03-09T06:59:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-03-08T08:00:00Z"),
    );
    expect(startOfDay(new Date("2026-03-09T07:00:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-03-09T07:00:00Z"),
    );
    // Auckland's clocks go back on 5 April 2026: that day begins at 00:00 NZDT (UTC+13).
    expect(startOfDay(new Date("2026-04-05T11:30:00Z"), "Pacific/Auckland")).toEqual(new Date("2026-04-04T11:00:00Z"));
    expect(startOfDay(new Date("2026-04-05T12:00:00Z"), "Pacific/Auckland")).toEqual(new Date("2026-04-05T12:00:00Z"));
  });
});

describe("statistics", () => {
  it("counts cards by state, reviews per day, true retention on mature cards and a 30-day forecast", () => {
    const s = statistics({
      totalCards: 10,
      states: [
        { state: "Review", due: at(2 * DAY) },
        { state: "Learning", due: at(-DAY) },
        { state: "Relearning", due: at(40 * DAY) },
      ],
      reviews: [
        { rating: "good", stateBefore: "Review", review: at(-DAY) },
        { rating: "again", stateBefore: "Review", review: at(-DAY) },
        { rating: "good", stateBefore: "Review", review: at(0) },
        { rating: "good", stateBefore: "New", review: at(0) },
      ],
      now: t0,
      timeZone: "UTC",
    });
    expect(s.byState).toEqual({ New: 7, Learning: 1, Review: 1, Relearning: 1 });
    expect(s.reviewsPerDay).toHaveLength(30);
    expect(s.reviewsPerDay.slice(-2)).toEqual([
      { day: "2026-04-30", count: 2 },
      { day: "2026-05-01", count: 2 },
    ]);
    expect(s.trueRetention).toEqual({ reviews: 3, passed: 2, rate: 2 / 3 });
    expect(s.forecast[0]).toEqual({ day: "2026-05-01", count: 1 }); // overdue counts today
    expect(s.forecast[2]).toEqual({ day: "2026-05-03", count: 1 });
    expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(2); // the one due in 40 days is beyond the window
    expect(s.suspended).toBe(0);
  });

  it("counts suspended cards on their own, not in the states or the forecast", () => {
    const s = statistics({
      totalCards: 5,
      states: [
        { state: "Review", due: at(0), suspended: true },
        { state: "New", due: at(0), suspended: true },
        { state: "Review", due: at(DAY) },
      ],
      reviews: [],
      now: t0,
      timeZone: "UTC",
    });
    expect(s.byState).toEqual({ New: 2, Learning: 0, Review: 1, Relearning: 0 });
    expect(s.suspended).toBe(2);
    expect(s.forecast[0].count).toBe(0);
    expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(1);
  });
});

describe("statistics in the learner's days", () => {
  // 08:00 UTC on 1 May is 01:00 on 1 May in Los Angeles (UTC−7) and 21:00 on 1 May in Tonga (UTC+13).
  const now = new Date("2026-05-01T08:00:00Z");
  const review = (iso: string) => ({ rating: "good" as const, stateBefore: "New" as const, review: new Date(iso) });
  const reviews = [
    review("2026-04-30T23:30:00Z"), // 16:30 on 30 April in Los Angeles, 12:30 on 1 May in Tonga
    review("2026-05-01T06:00:00Z"), // 23:00 on 30 April in Los Angeles, 19:00 on 1 May in Tonga
    review("2026-05-01T07:30:00Z"), // 00:30 on 1 May in Los Angeles, 20:30 on 1 May in Tonga
  ];
  const states = [
    { state: "Review" as const, due: new Date("2026-05-01T11:30:00Z") }, // 04:30 on 1 May there, 00:30 on 2 May in Tonga
    { state: "Review" as const, due: new Date("2026-05-02T06:30:00Z") }, // 23:30 on 1 May there, 19:30 on 2 May in Tonga
  ];
  const stats = (timeZone: string) => statistics({ totalCards: 2, states, reviews, now, timeZone, days: 3 });
  const counts = (days: { count: number }[]) => days.map((d) => d.count);

  it("counts each review on the learner's calendar day, not on UTC's", () => {
    expect(stats("UTC").reviewsPerDay).toEqual([
      { day: "2026-04-29", count: 0 },
      { day: "2026-04-30", count: 1 },
      { day: "2026-05-01", count: 2 },
    ]);
    expect(counts(stats("America/Los_Angeles").reviewsPerDay)).toEqual([0, 2, 1]);
    expect(counts(stats("Pacific/Tongatapu").reviewsPerDay)).toEqual([0, 0, 3]);
  });

  it("forecasts each card on the learner's day it comes due, around their midnight", () => {
    expect(stats("UTC").forecast).toEqual([
      { day: "2026-05-01", count: 1 },
      { day: "2026-05-02", count: 1 },
      { day: "2026-05-03", count: 0 },
    ]);
    expect(counts(stats("America/Los_Angeles").forecast)).toEqual([2, 0, 0]);
    expect(counts(stats("Pacific/Tongatapu").forecast)).toEqual([0, 2, 0]);
  });

  it("keeps one entry per calendar day across a clock change", () => {
    const overDst = statistics({
      totalCards: 0,
      states: [],
      reviews: [],
      now: new Date("2026-03-10T12:00:00Z"),
      timeZone: "America/Los_Angeles",
      days: 4,
    });
    expect(overDst.reviewsPerDay.map((d) => d.day)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(overDst.forecast.map((d) => d.day)).toEqual(["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]);
  });
});
