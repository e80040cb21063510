import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDrill } from "./check-drills";
import { DrillRun, replay } from "./drill-run";
import { loadDrills } from "./load-drills";
import { parseDrill } from "./parse-drill";
import { publicDrill } from "./public-drill";
import type { Drill, PredictStep } from "./types";

const { drills, problems } = loadDrills(path.resolve("content"));
const lessons = new Set(["cluster-ip-vs-pod-ip"]);
const bySlug = (slug: string) => drills.find((d) => d.slug === slug)!;

/** Walks a drill as a learner following the solutions, returning each prediction's right option text. */
function walk(drill: Drill): Record<string, string> {
  const run = new DrillRun(drill);
  const answers: Record<string, string> = {};
  for (const step of drill.steps) {
    if (step.type === "predict") {
      const view = run.predictionView(step);
      answers[step.id] = view.options[run.commitPrediction(step).correctIndex];
    } else {
      for (const line of step.solution) run.run(run.resolve(line));
    }
  }
  return answers;
}

describe("the drills in content/", () => {
  it("load without problems: at least six for the ClusterIP vs Pod IP lesson", () => {
    expect(problems).toEqual([]);
    expect(drills.filter((d) => d.lesson === "cluster-ip-vs-pod-ip").length).toBeGreaterThanOrEqual(6);
  });

  for (const drill of drills) {
    it(`${drill.slug}: every prediction matches exactly one option and every task is completable`, () => {
      expect(checkDrill(drill, lessons)).toEqual([]);
    });
  }

  // The simulator computes these answers; the expectations are Kubernetes behaviour, written by hand.
  it("pods recreated get new IPs while the ClusterIP and the name keep working", () => {
    const a = walk(bySlug("pods-come-and-go"));
    expect(a["clusterip-after-delete"]).toMatch(/: the address the Service has now$/);
    expect(a["name-still-works"]).toBe("A web pod answers with its name");
  });
  it("kube-proxy spreads connections; ClientIP affinity pins them to one pod", () => {
    const a = walk(bySlug("load-balancing"));
    expect(Number(a.spread)).toBeGreaterThan(1);
    expect(a["sticky-spread"]).toBe("1");
  });
  it("a Service without ready endpoints refuses connections, whatever the reason", () => {
    const a = walk(bySlug("no-ready-pods"));
    expect(a["scaled-to-zero"]).toBe("The connection is refused at once");
    expect(a["selector-typo"]).toBe("The connection is refused at once");
  });
  it("ClusterIPs and pod IPs time out from outside; a NodePort answers on every node", () => {
    const a = walk(bySlug("from-outside"));
    expect(a["outside-clusterip"]).toBe("The connection hangs until it times out");
    expect(a["outside-podip"]).toBe("The connection hangs until it times out");
    expect(a["idle-node"]).toBe("A web pod on another node answers");
  });
  it("DNS: one address for a ClusterIP Service, the ready pod IPs for a headless one", () => {
    const a = walk(bySlug("headless-dns"));
    expect(a["clusterip-lookup"]).toBe("One");
    expect(a["headless-lookup"]).toBe("Three: the pod IPs");
    expect(a["headless-after-scale"]).toBe("Five");
  });
  it("a drained node's pods come back elsewhere with new IPs; the ClusterIP stays", () => {
    const a = walk(bySlug("drain-a-node"));
    expect(a["drained-pod-ip"]).toBe("No: its replacement is a new pod with a new IP");
    expect(a["clusterip-after-drain"]).toMatch(/, as before the drain$/);
  });
});

describe("replaying a learner's run", () => {
  const drill = bySlug("pods-come-and-go");
  it("gives the same cluster and the same answer for the same events", () => {
    const events = [
      { type: "command" as const, line: "kubectl scale deployment web --replicas=5" },
      { type: "command" as const, line: "kubectl delete pod {{pod:web:1}}" },
    ];
    const a = replay(drill, events);
    const b = replay(drill, events);
    expect(a.transcript).toEqual(b.transcript);
    const step = drill.steps[0] as PredictStep;
    expect(a.commitPrediction(step)).toEqual(b.commitPrediction(step));
  });
  it("takes the learner's own commands into account: a ClusterIP Service deleted and re-created gets a new address", () => {
    const run = replay(drill, [
      { type: "command", line: "kubectl delete service web" },
      { type: "command", line: "kubectl expose deployment web --port=80" },
    ]);
    expect(run.resolve("{{clusterIP:web}}")).toMatch(/^10\./);
    expect(run.commitPrediction(drill.steps[0] as PredictStep).correctIndex).toBe(0);
  });
  it("checks tasks without changing what happens next (no random draw is used up)", () => {
    const lb = bySlug("from-outside");
    const a = new DrillRun(lb);
    const b = new DrillRun(lb);
    a.run("kubectl expose deployment web --type=NodePort --port=80 --name=web-nodeport");
    b.run("kubectl expose deployment web --type=NodePort --port=80 --name=web-nodeport");
    const task = lb.steps.find((s) => s.type === "task")!;
    if (task.type === "task") for (let i = 0; i < 5; i++) a.checkTask(task);
    const curls = (r: DrillRun) =>
      Array.from({ length: 5 }, () => r.run(r.resolve("curl -s {{nodeIP:worker-1}}:{{nodePort:web-nodeport}}")).output);
    expect(curls(a)).toEqual(curls(b));
  });
});

describe("what the browser gets", () => {
  const drill = bySlug("pods-come-and-go");
  it("has no answer material for unfinished steps and never a task's solution", () => {
    const sent = publicDrill(drill, new Set());
    const predict = sent.steps[0] as PredictStep;
    expect(predict.run).toEqual([]);
    expect(predict.options.every((o) => o.value === "")).toBe(true);
    expect(predict.explanation).toBe("");
    const task = sent.steps.find((s) => s.type === "task")!;
    expect(task.type === "task" && task.solution).toEqual([]);
    expect(JSON.stringify(sent)).not.toContain(drill.steps[0].explanation);
  });
  it("has a finished prediction in full, so the browser can replay it", () => {
    const sent = publicDrill(drill, new Set(["clusterip-after-delete"]));
    expect(sent.steps[0]).toEqual(drill.steps[0]);
  });
});

describe("drill files with mistakes", () => {
  const base = `---
title: T
slug: t
lesson: cluster-ip-vs-pod-ip
order: 1
summary: S
seed: 1
setup:
  - kubectl create deployment web --image=nginx --replicas=2
  - kubectl expose deployment web --port=80
steps:
STEPS
---
`;
  const parse = (steps: string) => parseDrill(base.replace("STEPS", steps), "bad.md", "services");
  it("reports schema errors with the field", () => {
    expect(
      parse(
        "  - { id: a, type: predict, prompt: P, options: [{ text: x, value: x }], run: [], observe: output, explanation: E }",
      ).problems.map((p) => p.message),
    ).toEqual([
      "drill steps.0.options: a prediction needs at least two options",
      "drill steps.0.run: a prediction runs at least one command",
    ]);
  });
  it("fails the check when no option or two options match what happened", () => {
    const none = parse(
      "  - { id: a, type: predict, prompt: P, options: [{ text: x, value: '5' }, { text: y, value: '6' }], run: ['kubectl get deploy web -o jsonpath={.spec.replicas}'], observe: output, explanation: E }",
    );
    expect(checkDrill(none.drill!, lessons)[0].message).toMatch(
      /step a: 0 options match what the simulator showed \("2"/,
    );
  });
  it("fails the check when a task's solution does not do it, or it is done already", () => {
    const wrong = parse(
      "  - { id: t, type: task, prompt: P, check: [{ kind: ready-endpoints, service: web, equals: 3 }], solution: [kubectl scale deployment web --replicas=4], explanation: E }",
    );
    expect(checkDrill(wrong.drill!, lessons)[0].message).toBe(
      "step t: the solution does not complete the task: Service web should have 3 ready endpoints; it has 4.",
    );
    const done = parse(
      "  - { id: t, type: task, prompt: P, check: [{ kind: ready-endpoints, service: web, equals: 2 }], solution: [kubectl get pods], explanation: E }",
    );
    expect(checkDrill(done.drill!, lessons)[0].message).toBe(
      "step t: the task is already done before the learner starts it",
    );
  });
  it("fails the check for an unknown lesson or placeholder", () => {
    const d = parse(
      "  - { id: a, type: predict, prompt: '{{nope:x}}', options: [{ text: x, value: '1' }, { text: y, value: '2' }], run: [kubectl get pods], observe: output, explanation: E }",
    );
    const messages = checkDrill({ ...d.drill!, lesson: "missing" }, lessons).map((p) => p.message);
    expect(messages).toEqual(['drill lesson: no lesson has the slug "missing"', "unknown placeholder {{nope:x}}"]);
  });
});
