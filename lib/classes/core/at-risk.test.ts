import { describe, expect, it } from "vitest";
import { learnersAtRisk, QUIET_DAYS_AT_RISK, quietDaysBetween } from "./at-risk";
import { classResults } from "./results";

const joined = new Date("2026-08-01T00:00:00Z");
const member = (userId: string, joinedAt = joined) => ({ userId, name: userId, joinedAt });
const quiz = (id: string, dueAt: string) => ({
  id,
  scope: "lesson" as const,
  target: id,
  title: `Quiz ${id}`,
  dueAt: new Date(dueAt),
  createdAt: joined,
});

function atRisk(opts: {
  members: ReturnType<typeof member>[];
  lastActivity?: Record<string, string>;
  now: string;
  timeZone?: string;
  assignments?: ReturnType<typeof quiz>[];
}) {
  const now = new Date(opts.now);
  const assignments = opts.assignments ?? [];
  return learnersAtRisk({
    members: opts.members,
    assignments,
    results: classResults(opts.members, assignments, [], now),
    lastActivity: new Map(Object.entries(opts.lastActivity ?? {}).map(([k, v]) => [k, new Date(v)])),
    now,
    timeZone: opts.timeZone ?? "UTC",
  });
}

describe("learners at risk: a week without activity", () => {
  it("counts whole quiet days in the zone, not today", () => {
    expect(QUIET_DAYS_AT_RISK).toBe(7);
    expect(quietDaysBetween(new Date("2026-09-02T23:00:00Z"), new Date("2026-09-10T00:05:00Z"), "UTC")).toBe(7);
    expect(quietDaysBetween(new Date("2026-09-03T00:00:00Z"), new Date("2026-09-10T23:59:00Z"), "UTC")).toBe(6);
    expect(quietDaysBetween(new Date("2026-09-10T01:00:00Z"), new Date("2026-09-10T02:00:00Z"), "UTC")).toBe(0);
  });

  it("flags a learner from the eighth day after their last activity, at midnight in the class's zone", () => {
    const members = [member("ann")];
    const lastActivity = { ann: "2026-09-02T12:00:00Z" };
    expect(atRisk({ members, lastActivity, now: "2026-09-09T23:59:59Z" })).toEqual([]);
    expect(atRisk({ members, lastActivity, now: "2026-09-10T00:00:00Z" })).toEqual([
      {
        userId: "ann",
        name: "ann",
        reasons: [{ kind: "inactive", lastActive: new Date(lastActivity.ann), quietDays: 7 }],
      },
    ]);
  });

  it("counts the days of a class eight hours behind UTC (Los Angeles in winter)", () => {
    // 2026-12-02 20:00 in Los Angeles is 04:00 UTC on the 3rd: the learner's last day is the 2nd there.
    const members = [member("ann")];
    const opts = { members, lastActivity: { ann: "2026-12-03T04:00:00Z" }, timeZone: "America/Los_Angeles" };
    // 23:59 on the 9th in Los Angeles (07:59 UTC on the 10th): six quiet days, the 3rd to the 8th.
    expect(atRisk({ ...opts, now: "2026-12-10T07:59:00Z" })).toEqual([]);
    // Midnight on the 10th there (08:00 UTC): seven quiet days.
    expect(atRisk({ ...opts, now: "2026-12-10T08:00:00Z" })[0].reasons).toEqual([
      { kind: "inactive", lastActive: new Date("2026-12-03T04:00:00Z"), quietDays: 7 },
    ]);
    // Read in UTC the last activity was on the 3rd, so a UTC class would wait a day longer.
    expect(atRisk({ ...opts, timeZone: "UTC", now: "2026-12-10T08:00:00Z" })).toEqual([]);
  });

  it("counts the days of a class thirteen hours ahead of UTC (Tonga)", () => {
    // 10:30 UTC on 2 September is 23:30 there; 11:30 UTC is already 00:30 on the 3rd.
    const members = [member("ann"), member("bob")];
    const lastActivity = { ann: "2026-09-02T10:30:00Z", bob: "2026-09-02T11:30:00Z" };
    // Midnight on the 10th in Tonga is 11:00 UTC on the 9th: Ann has had seven quiet days, Bob six.
    const flagged = atRisk({ members, lastActivity, timeZone: "Pacific/Tongatapu", now: "2026-09-09T11:00:00Z" });
    expect(flagged.map((l) => l.userId)).toEqual(["ann"]);
    expect(
      atRisk({ members, lastActivity, timeZone: "Pacific/Tongatapu", now: "2026-09-09T10:59:59Z" }).map(
        (l) => l.userId,
      ),
    ).toEqual([]);
  });

  it("counts a learner who has done nothing from when they joined, and never flags one who joined this week", () => {
    const members = [member("new", new Date("2026-09-08T09:00:00Z")), member("idle", new Date("2026-09-01T09:00:00Z"))];
    // Old practice from before joining does not make a new member look quiet.
    const flagged = atRisk({ members, lastActivity: { new: "2026-06-01T00:00:00Z" }, now: "2026-09-10T12:00:00Z" });
    expect(flagged).toEqual([
      { userId: "idle", name: "idle", reasons: [{ kind: "inactive", lastActive: null, quietDays: 8 }] },
    ]);
  });
});

describe("learners at risk: missing work", () => {
  it("lists each overdue assignment not done, and not work still open", () => {
    const assignments = [
      quiz("a1", "2026-09-05T12:00:00Z"),
      quiz("a2", "2026-09-08T12:00:00Z"),
      quiz("a3", "2026-09-20T12:00:00Z"),
    ];
    const members = [member("ann"), member("bob")];
    const lastActivity = { ann: "2026-09-09T12:00:00Z", bob: "2026-08-20T12:00:00Z" };
    const flagged = atRisk({ members, assignments, lastActivity, now: "2026-09-10T12:00:00Z" });
    // Bob has both reasons and comes first; each reason names what it is about.
    expect(flagged.map((l) => [l.userId, l.reasons.map((r) => r.kind)])).toEqual([
      ["bob", ["missing-work", "inactive"]],
      ["ann", ["missing-work"]],
    ]);
    expect(flagged[1].reasons[0]).toEqual({
      kind: "missing-work",
      assignments: [assignments[0], assignments[1]],
    });
  });

  it("sorts by how much is missing, then by name", () => {
    const assignments = [quiz("a1", "2026-09-05T12:00:00Z"), quiz("a2", "2026-09-06T12:00:00Z")];
    const recent = "2026-09-09T12:00:00Z";
    const flagged = learnersAtRisk({
      members: [member("cat"), member("ann"), member("bob")],
      assignments,
      results: classResults(
        [member("cat"), member("ann"), member("bob")],
        assignments,
        [
          {
            id: "t1",
            userId: "cat",
            scope: "lesson",
            target: "a1",
            score: 1,
            startedAt: new Date("2026-09-04T10:00:00Z"),
            completedAt: new Date("2026-09-04T11:00:00Z"),
          },
        ],
        new Date("2026-09-10T12:00:00Z"),
      ),
      lastActivity: new Map(["cat", "ann", "bob"].map((u) => [u, new Date(recent)])),
      now: new Date("2026-09-10T12:00:00Z"),
      timeZone: "UTC",
    });
    expect(flagged.map((l) => l.userId)).toEqual(["ann", "bob", "cat"]);
  });
});
