import { describe, expect, it } from "vitest";
import { classResults, formatJoinCode, normaliseJoinCode } from "./results";

const due = new Date("2026-09-10T12:00:00Z");
const before = new Date("2026-09-09T12:00:00Z");
const after = new Date("2026-09-11T12:00:00Z");
const quiz = { id: "a1", scope: "lesson" as const, target: "cluster-ip-vs-pod-ip", dueAt: due };

describe("class results", () => {
  it("takes each learner's best on-time score, else the best late one, else missing or open", () => {
    const r = classResults(
      ["ann", "bob", "cat", "dan"],
      [quiz],
      [
        { userId: "ann", scope: "lesson", target: quiz.target, score: 0.6, completedAt: before },
        { userId: "ann", scope: "lesson", target: quiz.target, score: 0.9, completedAt: before },
        { userId: "ann", scope: "lesson", target: quiz.target, score: 1, completedAt: after },
        { userId: "bob", scope: "lesson", target: quiz.target, score: 0.7, completedAt: after },
        { userId: "cat", scope: "module", target: quiz.target, score: 1, completedAt: before },
      ],
      after,
    );
    expect(r.cells.ann.a1).toEqual({ status: "on-time", score: 0.9, attempts: 3 });
    expect(r.cells.bob.a1).toEqual({ status: "late", score: 0.7, attempts: 1 });
    expect(r.cells.cat.a1).toEqual({ status: "missing", score: null, attempts: 0 });
    expect(r.summary.a1).toEqual({ onTime: 1, late: 1, missing: 2, average: 0.8 });
  });
  it("shows an assignment not yet due as open", () => {
    expect(classResults(["ann"], [quiz], [], before).cells.ann.a1.status).toBe("open");
  });
});

describe("join codes", () => {
  it("are eight unambiguous characters in two groups, and typed codes are normalised", () => {
    const code = formatJoinCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 200]));
    expect(code).toMatch(/^[B-Z2-9]{4}-[B-Z2-9]{4}$/);
    expect(normaliseJoinCode(` ${code.toLowerCase().replace("-", " ")} `)).toBe(code);
  });
});
