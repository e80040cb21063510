import { describe, expect, it } from "vitest";
import { parseSteps } from "./test-support/content-drills";

describe("drill files with mistakes", () => {
  it("reports schema errors with the field", () => {
    expect(
      parseSteps(
        "  - { id: a, type: predict, prompt: P, options: [{ text: x, value: x }], run: [], observe: output, explanation: E }",
      ).problems.map((p) => p.message),
    ).toEqual([
      "drill steps.0.options: a prediction needs at least two options",
      "drill steps.0.run: a prediction runs at least one command",
    ]);
  });
});

describe("a task's hints", () => {
  const task = (hints: string) =>
    parseSteps(
      `  - { id: t, type: task, prompt: P, hints: ${hints}, check: [{ kind: ready-endpoints, service: web, equals: 2 }], solution: ["kubectl scale deployment web --replicas=2"], explanation: E }`,
    );

  it("come in stages, in the order written", () => {
    const parsed = task(`["What decides how many endpoints a Service has?", "Change the Deployment's replicas."]`);
    expect(parsed.problems).toEqual([]);
    const step = parsed.drill!.steps[0];
    expect(step.type === "task" && step.hints).toEqual([
      "What decides how many endpoints a Service has?",
      "Change the Deployment's replicas.",
    ]);
  });

  it("may not contain a solution command: the solution waits for failed checks", () => {
    expect(task(`["Run kubectl scale deployment web --replicas=2 and look"]`).problems.map((p) => p.message)).toEqual([
      'drill step t: the hint "Run kubectl scale deployment web --replicas=2 and look" contains a solution command; hints lead to it, the solution is offered after failed checks',
    ]);
  });

  it("may not give it away in other case or spacing either", () => {
    expect(task('["Type `kubectl  Scale deployment web --replicas=2`"]').problems).toHaveLength(1);
  });

  it("number at most four", () => {
    expect(task(`[a, b, c, d, e]`).problems.map((p) => p.message)).toEqual([
      "drill steps.0.hints: a task has at most 4 hints",
    ]);
  });
});
