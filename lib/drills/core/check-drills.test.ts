import { describe, expect, it } from "vitest";
import { checkDrill } from "./check-drills";
import { DrillRun } from "./drill-run";
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

  it("fails a hint that spells out a solution command once both are filled from the cluster", () => {
    // As written the two differ ({{podIP:web:0}} against {{podIPOn:web:NODE}}), so parsing lets the
    // hint through; filled, both are the same pod's address and the hint is the solution's command.
    const task = (hint: string, solution: string) =>
      parseSteps(
        `  - { id: t, type: task, prompt: P, hints: ['${hint}'], check: [{ kind: ready-endpoints, service: web, equals: 1 }], solution: ['${solution}', 'kubectl scale deployment web --replicas=1'], explanation: E }`,
      );
    const probe = task("x", "kubectl get pods");
    const node = new DrillRun(probe.drill!).resolve("{{podNode:web:0}}");
    const hinted = task(
      "Run kubectl get pods -o wide | grep {{podIP:web:0}}",
      `kubectl get pods -o wide | grep {{podIPOn:web:${node}}}`,
    );
    expect(hinted.problems).toEqual([]);
    const messages = checkDrill(hinted.drill!, lessons).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(
        /^drill step t: the hint "Run kubectl get pods -o wide \| grep 10\.\d+\.\d+\.\d+" contains a solution command/,
      ),
    ]);
    const leading = task(
      "Which pod has the address {{podIP:web:0}}?",
      `kubectl get pods -o wide | grep {{podIPOn:web:${node}}}`,
    );
    expect(checkDrill(leading.drill!, lessons)).toEqual([]);
  });

  it("fails a prediction whose right option hangs on the seed's luck, and passes one about the rule", () => {
    // kube-proxy in iptables mode picks an endpoint at random per connection (a statistic-mode
    // random rule per endpoint: kubernetes.io/docs/reference/networking/virtual-ips/, and
    // kubernetes/kubernetes#37932 on its probabilities), so how many of two pods
    // four calls reach differs between seeds, while "the answering pod varies" does not.
    const curls = Array.from({ length: 4 }, () => "'kubectl exec client -- curl -s web/hostname'").join(", ");
    const count = parseSteps(
      `  - { id: spread, type: predict, prompt: P, options: [{ text: one, value: '1' }, { text: two, value: '2' }], run: [${curls}], observe: distinct-outputs, explanation: E }`,
    );
    const withClient = (drill: NonNullable<typeof count.drill>) => ({
      ...drill,
      setup: [...drill.setup, "kubectl run client --image=curlimages/curl --command -- sleep 3600"],
    });
    const messages = checkDrill(withClient(count.drill!), lessons).map((p) => p.message);
    expect(
      messages.some((m) => /^step spread: the prediction hangs on chance \(with seed \d+ /.test(m)),
      messages.join("\n"),
    ).toBe(true);
    const rule = parseSteps(
      `  - { id: spread, type: predict, prompt: P, options: [{ text: same, value: 'true' }, { text: varies, value: 'false' }], run: [${Array.from({ length: 20 }, () => "'kubectl exec client -- curl -s web/hostname'").join(", ")}], observe: same-output, explanation: E }`,
    );
    expect(checkDrill(withClient(rule.drill!), lessons)).toEqual([]);
  });

  it("fails the check for an unknown lesson or placeholder", () => {
    const d = parseSteps(
      "  - { id: a, type: predict, prompt: '{{nope:x}}', options: [{ text: x, value: '1' }, { text: y, value: '2' }], run: [kubectl get pods], observe: output, explanation: E }",
    );
    const messages = checkDrill({ ...d.drill!, lesson: "missing" }, lessons).map((p) => p.message);
    expect(messages).toEqual(['drill lesson: no lesson has the slug "missing"', "unknown placeholder {{nope:x}}"]);
  });
});
