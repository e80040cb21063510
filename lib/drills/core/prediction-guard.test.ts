import path from "node:path";
import { describe, expect, it } from "vitest";
import { DrillRun } from "./drill-run";
import { loadDrills } from "./load-drills";
import { replayGuarded, revealsPrediction } from "./prediction-guard";
import type { DrillEvent, PredictStep } from "./types";

const { drills } = loadDrills(path.resolve("content"));
const bySlug = (slug: string) => drills.find((d) => d.slug === slug)!;
const predict = (slug: string, id: string) => bySlug(slug).steps.find((s) => s.id === id) as PredictStep;
const command = (line: string): DrillEvent => ({ type: "command", line });

describe("the open prediction's own commands (the terminal's side)", () => {
  it("refuses the step's run lines however they are spelled, and lets the learner explore otherwise", () => {
    const run = new DrillRun(bySlug("no-ready-pods"));
    const step = predict("no-ready-pods", "scaled-to-zero");
    const reveals = (line: string) => revealsPrediction(run.sim.cluster, step.run, line);
    expect(reveals("kubectl scale deployment web --replicas=0")).toBe(true);
    expect(reveals("kubectl scale deploy/web --replicas 0")).toBe(true);
    expect(reveals("kubectl exec client -- curl -s --max-time 5 web")).toBe(true);
    expect(reveals("kubectl exec -it client -- wget -qO- web")).toBe(true);
    expect(reveals("kubectl get pods -o wide")).toBe(false);
    expect(reveals("kubectl scale deployment web --replicas=1")).toBe(false);
    expect(reveals("kubectl describe svc web")).toBe(false);
  });

  it("counts a line typed in the client's shell as the kubectl exec it amounts to", () => {
    const run = new DrillRun(bySlug("no-ready-pods"));
    const step = predict("no-ready-pods", "scaled-to-zero");
    const reveals = (line: string) => revealsPrediction(run.sim.cluster, step.run, line);
    run.run("kubectl exec -it client -- sh");
    expect(reveals("curl -s --max-time 5 web")).toBe(true);
    expect(reveals("wget -qO- http://web.default.svc.cluster.local")).toBe(true);
    expect(reveals("hostname")).toBe(false);
  });

  it("runs the step's commands at the learner's own prompt, even from inside a shell, and returns to it", () => {
    const run = new DrillRun(bySlug("no-ready-pods"));
    const step = predict("no-ready-pods", "scaled-to-zero");
    run.run("kubectl exec -it client -- sh");
    expect(run.commitPrediction(step).observed).toBe("refused");
    expect(run.sim.prompt()).not.toBe("$ ");
  });

  it("fills placeholders from the cluster as it is when the learner types", () => {
    const run = new DrillRun(bySlug("pods-come-and-go"));
    const step = predict("pods-come-and-go", "clusterip-after-delete");
    const [first, second] = ["{{pod:web:0}}", "{{pod:web:1}}"].map((p) => run.resolve(p));
    expect(revealsPrediction(run.sim.cluster, step.run, `kubectl delete pod ${first}`)).toBe(true);
    expect(revealsPrediction(run.sim.cluster, step.run, `kubectl delete pods/${first} --now`)).toBe(true);
    expect(revealsPrediction(run.sim.cluster, step.run, `kubectl delete pod ${second}`)).toBe(false);
    // Once the first pod is gone, "the pod number 0" is another pod, and the old name is just a name.
    run.run(`kubectl delete pod ${first}`);
    const now = run.resolve("{{pod:web:0}}");
    expect(now).not.toBe(first);
    expect(revealsPrediction(run.sim.cluster, step.run, `kubectl delete pod ${now}`)).toBe(true);
    expect(revealsPrediction(run.sim.cluster, step.run, `kubectl delete pod ${first}`)).toBe(false);
  });

  it("skips a run line whose placeholder names nothing now", () => {
    const run = new DrillRun(bySlug("pods-come-and-go"));
    run.run("kubectl scale deployment web --replicas=0");
    const step = predict("pods-come-and-go", "clusterip-after-delete");
    expect(revealsPrediction(run.sim.cluster, step.run, "kubectl delete pod web")).toBe(false);
    expect(revealsPrediction(run.sim.cluster, step.run, "kubectl get service web -o jsonpath={.spec.clusterIP}")).toBe(
      true,
    );
  });
});

describe("replayGuarded (the server's side)", () => {
  const drill = bySlug("no-ready-pods");
  const open = { run: predict("no-ready-pods", "selector-typo").run };
  const before = [
    { type: "predict", stepId: "scaled-to-zero" } as const,
    command("kubectl apply -f web-typo.yaml"),
    command("kubectl scale deployment web --replicas=2"),
  ];

  it("finds the first of the step's commands typed since the step opened", () => {
    const events = [...before, command("kubectl get pods"), command("kubectl create -f web-typo.yaml")];
    expect(replayGuarded(drill, events, { ...open, from: before.length })).toEqual({
      ok: false,
      command: "kubectl create -f web-typo.yaml",
    });
  });

  it("does not look at what was typed before the step opened", () => {
    const guarded = replayGuarded(drill, [...before, command("kubectl get pods")], { ...open, from: before.length });
    expect(guarded.ok).toBe(true);
    expect(guarded.ok && guarded.run.transcript.map((t) => t.command)).toEqual([
      "kubectl scale deployment web --replicas=0",
      "kubectl exec client -- curl -sS --max-time 5 web",
      "kubectl apply -f web-typo.yaml",
      "kubectl scale deployment web --replicas=2",
      "kubectl get pods",
    ]);
  });
});
