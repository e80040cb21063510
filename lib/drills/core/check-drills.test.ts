import { describe, expect, it } from "vitest";
import { checkDrill } from "./check-drills";
import { drills, lessons, parseSteps } from "./test-support/content-drills";

describe("the drills in content/", () => {
  for (const drill of drills) {
    it(`${drill.slug}: every prediction matches exactly one option and every task is completable`, () => {
      expect(checkDrill(drill, lessons)).toEqual([]);
    });
  }
});

describe("drill files with mistakes", () => {
  it("fails the check when no option or two options match what happened", () => {
    const none = parseSteps(
      "  - { id: a, type: predict, prompt: P, options: [{ text: x, value: '5' }, { text: y, value: '6' }], run: ['kubectl get deploy web -o jsonpath={.spec.replicas}'], observe: output, explanation: E }",
    );
    expect(checkDrill(none.drill!, lessons)[0].message).toMatch(
      /step a: 0 options match what the simulator showed \("2"/,
    );
  });

  it("fails the check when a task's solution does not do it, or it is done already", () => {
    const wrong = parseSteps(
      "  - { id: t, type: task, prompt: P, check: [{ kind: ready-endpoints, service: web, equals: 3 }], solution: [kubectl scale deployment web --replicas=4], explanation: E }",
    );
    expect(checkDrill(wrong.drill!, lessons)[0].message).toBe(
      "step t: the solution does not complete the task: Service web should have 3 ready endpoints; it has 4.",
    );
    const done = parseSteps(
      "  - { id: t, type: task, prompt: P, check: [{ kind: ready-endpoints, service: web, equals: 2 }], solution: [kubectl get pods], explanation: E }",
    );
    expect(checkDrill(done.drill!, lessons)[0].message).toBe(
      "step t: the task is already done before the learner starts it",
    );
  });

  it("fails the check for an unknown lesson or placeholder", () => {
    const d = parseSteps(
      "  - { id: a, type: predict, prompt: '{{nope:x}}', options: [{ text: x, value: '1' }, { text: y, value: '2' }], run: [kubectl get pods], observe: output, explanation: E }",
    );
    const messages = checkDrill({ ...d.drill!, lesson: "missing" }, lessons).map((p) => p.message);
    expect(messages).toEqual(['drill lesson: no lesson has the slug "missing"', "unknown placeholder {{nope:x}}"]);
  });
});
