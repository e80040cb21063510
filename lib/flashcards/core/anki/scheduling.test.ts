import { describe, expect, it } from "vitest";
import type { CardState } from "../scheduler";
import { ankiCollection } from "./collection";
import { ankiDayCount, cardScheduling, minutesWest } from "./scheduling";

// Anki's own day count, written again here from ankitects/anki rslib/src/scheduler/timing.rs
// (`sched_timing_today_v2_new`, `days_elapsed`), with the offsets read from Intl's own offset names
// rather than lib/time-zones: each date is the calendar date at a fixed offset (minutes west of
// UTC), days_elapsed is the difference of the two dates, one less before the rollover hour, never
// below zero.
/** Minutes west of UTC in `zone` at `instant`, as Anki's desktop would read the computer's clock. */
function machineMinutesWest(instant: Date, zone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")!.value; // "GMT+13:00", "GMT-07:00", "GMT"
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
  if (!m[1]) return 0;
  const east = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "+" ? -east : east;
}

function ankiDaysElapsed(crt: number, creationWest: number, now: Date, zone: string, rollover = 4): number {
  const nowWest = machineMinutesWest(now, zone);
  const wall = (secs: number, west: number) => new Date((secs - west * 60) * 1000); // its UTC fields are the wall clock
  const dayNumber = (d: Date) => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);
  const created = wall(crt, creationWest);
  const current = wall(Math.floor(now.getTime() / 1000), nowWest);
  const rolloverPassed = current.getUTCHours() >= rollover;
  const days = dayNumber(current) - dayNumber(created) - (rolloverPassed ? 0 : 1);
  return Math.max(0, days);
}

const reviewDueAt = (due: string): CardState => ({
  state: "Review",
  due: new Date(due),
  stability: 5,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 5,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  lastReview: new Date("2026-03-01T00:00:00Z"),
});

/** The Anki day a review card due at `due` gets, in a collection whose first rating was at `first`. */
function exportedDueDay(first: string, due: string, zone: string) {
  const days = ankiDayCount(new Date(first), zone);
  const row = cardScheduling(reviewDueAt(due), 1, days);
  return { days, due: row.due };
}

describe("Anki's day count in the learner's time zone", () => {
  it("creates the collection at 04:00 local on the learner's day of the first rating, offset in minutes west", () => {
    // 09:00 on 4 April in Auckland (NZDT, UTC+13) is 20:00 UTC on the 3rd.
    const nz = ankiDayCount(new Date("2026-04-03T20:00:00Z"), "Pacific/Auckland");
    expect(nz.crt).toBe(Date.parse("2026-04-03T15:00:00Z") / 1000); // 04:00 NZDT on the 4th
    expect(nz.creationOffset).toBe(-780);
    // 22:30 on 6 March in Los Angeles (PST, UTC−8) is 06:30 UTC on the 7th: still the 6th there.
    const la = ankiDayCount(new Date("2026-03-07T06:30:00Z"), "America/Los_Angeles");
    expect(la.crt).toBe(Date.parse("2026-03-06T12:00:00Z") / 1000);
    expect(la.creationOffset).toBe(480);
    // 02:00 local is still the day before (the day rolls over at 04:00).
    const early = ankiDayCount(new Date("2026-03-06T10:00:00Z"), "America/Los_Angeles"); // 02:00 PST on the 6th
    expect(early.crt).toBe(Date.parse("2026-03-05T12:00:00Z") / 1000);
    expect(ankiDayCount(new Date("2026-06-01T03:59:00Z"), "UTC")).toMatchObject({
      crt: Date.parse("2026-05-31T04:00:00Z") / 1000,
      creationOffset: 0,
    });
  });

  it("puts a card due in Auckland after the end of daylight saving on its local day, as Anki counts it", () => {
    // NZDT (UTC+13) ends on 5 April 2026 at 03:00, back to NZST (UTC+12).
    const first = "2026-04-03T20:00:00Z";
    const lateNight = exportedDueDay(first, "2026-04-10T13:30:00Z", "Pacific/Auckland"); // 01:30 NZST on the 11th
    expect(lateNight.due).toBe(6); // before 04:00: still the 10th, six days after the 4th
    const morning = exportedDueDay(first, "2026-04-10T17:00:00Z", "Pacific/Auckland"); // 05:00 NZST on the 11th
    expect(morning.due).toBe(7);
    for (const [due, row] of [
      ["2026-04-10T13:30:00Z", lateNight],
      ["2026-04-10T17:00:00Z", morning],
    ] as const) {
      // The moment kubelearn makes the card due, Anki on a computer in Auckland is on its due day.
      expect(ankiDaysElapsed(row.days.crt, row.days.creationOffset, new Date(due), "Pacific/Auckland")).toBe(row.due);
    }
  });

  it("puts a card due in Los Angeles after the start of daylight saving on its local day, as Anki counts it", () => {
    // PST (UTC−8) becomes PDT (UTC−7) on 8 March 2026 at 02:00.
    const first = "2026-03-07T06:30:00Z"; // 22:30 PST on the 6th
    const cases = [
      ["2026-03-11T15:00:00Z", 5], // 08:00 PDT on the 11th
      ["2026-03-12T05:00:00Z", 5], // 22:00 PDT on the 11th
      ["2026-03-12T10:30:00Z", 5], // 03:30 PDT on the 12th: before the rollover
      ["2026-03-12T11:00:00Z", 6], // 04:00 PDT on the 12th
      ["2026-03-07T11:59:00Z", 0], // 03:59 PST on the 7th: still the day of the first rating
    ] as const;
    for (const [due, day] of cases) {
      const row = exportedDueDay(first, due, "America/Los_Angeles");
      expect(row.due, due).toBe(day);
      expect(ankiDaysElapsed(row.days.crt, row.days.creationOffset, new Date(due), "America/Los_Angeles"), due).toBe(
        day,
      );
    }
  });

  it("writes creationOffset, localOffset and the rollover hour into the collection's settings", () => {
    const card = {
      card: {
        id: "demo:a",
        lessonSlug: "demo",
        sectionId: "s",
        front: "f",
        back: "b",
        concepts: [],
        source: "generated" as const,
      },
      lessonTitle: "Demo",
    };
    const now = new Date("2026-04-20T00:00:00Z"); // NZST by then
    const rows = ankiCollection({
      cards: [card],
      now,
      timeZone: "Pacific/Auckland",
      scheduling: {
        states: new Map([["demo:a", reviewDueAt("2026-04-25T13:30:00Z")]]),
        reviews: [
          {
            cardId: "demo:a",
            rating: "good",
            stateBefore: "New",
            stateAfter: "Review",
            review: new Date("2026-04-03T20:00:00Z"),
            dueAfter: new Date("2026-04-25T13:30:00Z"),
            difficulty: 5,
          },
        ],
        desiredRetention: 0.9,
        dailyNewLimit: 20,
      },
    });
    expect(rows.col.crt).toBe(Date.parse("2026-04-03T15:00:00Z") / 1000);
    expect(JSON.parse(rows.col.conf)).toMatchObject({ rollover: 4, creationOffset: -780, localOffset: -720 });
    expect(minutesWest(now, "Pacific/Auckland")).toBe(machineMinutesWest(now, "Pacific/Auckland"));
    // 01:30 NZST on 26 April is still Anki's 25 April: 21 days after the 4th.
    expect(rows.cards[0].due).toBe(21);
    expect(ankiDaysElapsed(rows.col.crt, -780, new Date("2026-04-25T13:30:00Z"), "Pacific/Auckland")).toBe(21);
  });
});
