import { describe, expect, it } from "vitest";
import { type AssignmentInfo, classResults, type FinishedAttempt, formatJoinCode, normaliseJoinCode } from "./results";

const due = new Date("2026-09-10T12:00:00Z");
const before = new Date("2026-09-09T12:00:00Z");
const after = new Date("2026-09-11T12:00:00Z");
const assignedAt = new Date("2026-09-01T00:00:00Z");
const joined = new Date("2026-09-01T00:00:00Z");
const quiz: AssignmentInfo = {
  id: "a1",
  scope: "lesson",
  target: "cluster-ip-vs-pod-ip",
  dueAt: due,
  createdAt: assignedAt,
};
const members = (...ids: string[]) => ids.map((userId) => ({ userId, joinedAt: joined }));

let n = 0;
/** A finished attempt of `quiz` started an hour before it was completed. */
function attempt(userId: string, score: number, completedAt: Date, over: Partial<FinishedAttempt> = {}) {
  n += 1;
  return {
    id: `t${n}`,
    userId,
    scope: "lesson",
    target: quiz.target,
    score,
    startedAt: new Date(completedAt.getTime() - 3_600_000),
    completedAt,
    ...over,
  };
}

describe("class results", () => {
  it("takes each learner's best on-time score, else the best late one, else missing or open", () => {
    const annBest = attempt("ann", 0.9, before);
    const bobLate = attempt("bob", 0.7, after);
    const r = classResults(
      members("ann", "bob", "cat", "dan"),
      [quiz],
      [
        attempt("ann", 0.6, before),
        annBest,
        attempt("ann", 1, after),
        bobLate,
        attempt("cat", 1, before, { scope: "module" }),
      ],
      after,
    );
    expect(r.cells.ann.a1).toEqual({
      status: "on-time",
      score: 0.9,
      attemptId: annBest.id,
      attempts: 3,
      submittedAt: before,
    });
    expect(r.cells.bob.a1).toEqual({
      status: "late",
      score: 0.7,
      attemptId: bobLate.id,
      attempts: 1,
      submittedAt: after,
    });
    expect(r.cells.cat.a1).toEqual({ status: "missing", score: null, attemptId: null, attempts: 0, submittedAt: null });
    expect(r.summary.a1).toEqual({ onTime: 1, late: 1, missing: 2, average: 0.8 });
  });

  it("shows an assignment not yet due as open", () => {
    expect(classResults(members("ann"), [quiz], [], before).cells.ann.a1.status).toBe("open");
  });

  it("does not count attempts started before the learner joined the class", () => {
    const joinedLate = [{ userId: "ann", joinedAt: new Date("2026-09-05T00:00:00Z") }];
    const practice = attempt("ann", 1, new Date("2026-09-04T23:30:00Z"));
    // Started before joining, finished after it: still practice from before.
    const straddling = attempt("ann", 0.9, new Date("2026-09-05T00:30:00Z"));
    expect(classResults(joinedLate, [quiz], [practice, straddling], before).cells.ann.a1).toEqual({
      status: "open",
      score: null,
      attemptId: null,
      attempts: 0,
      submittedAt: null,
    });
    expect(classResults(joinedLate, [quiz], [practice], after).cells.ann.a1.status).toBe("missing");
    const work = attempt("ann", 0.5, new Date("2026-09-06T00:00:00Z"));
    expect(classResults(joinedLate, [quiz], [practice, straddling, work], after).cells.ann.a1).toEqual({
      status: "on-time",
      score: 0.5,
      attemptId: work.id,
      attempts: 1,
      submittedAt: work.completedAt,
    });
  });

  it("does not count attempts started before the quiz was assigned", () => {
    const assignedLate = { ...quiz, createdAt: new Date("2026-09-08T00:00:00Z") };
    const early = attempt("ann", 1, new Date("2026-09-07T12:00:00Z"));
    expect(classResults(members("ann"), [assignedLate], [early], after).cells.ann.a1.status).toBe("missing");
    const startedAtAssignment = attempt("ann", 0.4, new Date("2026-09-08T01:00:00Z"));
    expect(
      classResults(members("ann"), [assignedLate], [early, startedAtAssignment], after).cells.ann.a1,
    ).toMatchObject({
      status: "on-time",
      score: 0.4,
      attempts: 1,
    });
  });

  it("judges on time by the instant, so a learner eight hours behind UTC is not late early", () => {
    // Due 23:59 on 10 September in Los Angeles (UTC−7 in summer) is 06:59 UTC on the 11th. Finished at
    // 22:00 there, 05:00 UTC on the 11th: past midnight UTC, but on time.
    const dueInLosAngeles = { ...quiz, dueAt: new Date("2026-09-11T06:59:00Z") };
    const evening = attempt("ann", 0.8, new Date("2026-09-11T05:00:00Z"));
    const afterMidnight = attempt("bob", 0.8, new Date("2026-09-11T07:30:00Z"));
    const r = classResults(members("ann", "bob"), [dueInLosAngeles], [evening, afterMidnight], after);
    expect(r.cells.ann.a1.status).toBe("on-time");
    expect(r.cells.bob.a1.status).toBe("late");
  });
});

describe("join codes", () => {
  it("are eight unambiguous characters in two groups, and typed codes are normalised", () => {
    const code = formatJoinCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 200]));
    expect(code).toMatch(/^[B-Z2-9]{4}-[B-Z2-9]{4}$/);
    expect(normaliseJoinCode(` ${code.toLowerCase().replace("-", " ")} `)).toBe(code);
  });
});
