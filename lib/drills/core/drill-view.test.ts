import { describe, expect, it } from "vitest";
import { replay } from "./drill-run";
import { type PredictionView, replayView, viewOf } from "./drill-view";
import { publicDrill } from "./public-drill";
import { bySlug } from "./test-support/content-drills";
import type { DrillEvent, PredictStep, TaskStep } from "./types";

// The drill page opens with the server's view of the saved run and switches to the browser's own
// once the simulator has loaded: the two must be the same view, or the page would jump.

const drill = bySlug("pods-come-and-go");
const command = (line: string): DrillEvent => ({ type: "command", line });
const committed = new Set(["clusterip-after-delete", "name-still-works"]);
const atTask: DrillEvent[] = [
  command("kubectl get pods"),
  { type: "predict", stepId: "clusterip-after-delete" },
  { type: "predict", stepId: "name-still-works" },
  command("kubectl scale deployment web --replicas=4"),
];

describe("the drill page's view of a run", () => {
  it("opens on the first prediction with its placeholders filled, the set-up's cluster and an empty transcript", () => {
    const view = replayView(publicDrill(drill, new Set()), [], new Set());
    const firstPod = replay(drill, []).resolve("{{pod:web:0}}");
    expect(view.transcript).toEqual([]);
    expect(view.prompt).toBe("$ ");
    expect(view.predictions["clusterip-after-delete"].prompt).toContain(`delete the pod ${firstPod},`);
    expect(Object.keys(view.predictions)).toEqual(["clusterip-after-delete"]); // the next step is still locked
    expect(view.tasks).toEqual({});
    expect(view.openTask).toBeNull();
    expect(view.snapshot.services.map((s) => s.name)).toEqual(["kubernetes", "web"]);
    expect(view.snapshot.nodes.flatMap((n) => n.pods.map((p) => p.name))).toContain(firstPod);
  });

  it("keeps a committed prediction as it read before its change ran, and shows the open task's goal live", () => {
    const browserCopy = publicDrill(drill, committed);
    const before = replay(drill, [command("kubectl get pods")]).predictionView(drill.steps[0] as PredictStep);
    const view = replayView(browserCopy, atTask, committed);
    expect(view.predictions["clusterip-after-delete"]).toEqual(before); // names the pod since deleted
    expect(view.transcript.map((o) => o.command)).toEqual([
      "kubectl get pods",
      expect.stringMatching(/^kubectl delete pod web-/),
      "kubectl get service web -o jsonpath={.spec.clusterIP}",
      "kubectl exec client -- curl -sS --max-time 3 web/hostname",
      "kubectl scale deployment web --replicas=4",
    ]);
    expect(view.tasks["four-ready"]).toBe("Make the Service web reach four ready pods.");
    expect(view.openTask).toMatchObject({ id: "four-ready", hints: (drill.steps[2] as TaskStep).hints });
    expect(view.openTask?.goal).toHaveLength(1);
  });

  it("rebuilds each command at the prompt it was typed at, inside a pod's shell too", () => {
    const shell = [command("kubectl get pods"), command("kubectl exec -it client -- sh"), command("hostname")];
    const inside = replay(drill, shell).sim.prompt();
    expect(inside).not.toBe("$ ");
    const view = replayView(publicDrill(drill, new Set()), [...shell, command("exit")], new Set());
    expect(view.transcript.map((o) => [o.prompt, o.command])).toEqual([
      ["$ ", "kubectl get pods"],
      ["$ ", "kubectl exec -it client -- sh"],
      [inside, "hostname"],
      [inside, "exit"],
    ]);
    expect(view.prompt).toBe("$ ");
  });

  it("is plain data, and the browser's own run gives the same view as the server's replay", () => {
    const browserCopy = publicDrill(drill, committed);
    const server = replayView(browserCopy, atTask, committed);
    expect(structuredClone(server)).toEqual(server);
    expect(JSON.parse(JSON.stringify(server))).toEqual(server);
    const frozen = new Map<string, PredictionView>();
    const browser = viewOf(replay(browserCopy, atTask, frozen), browserCopy, committed, frozen);
    expect(browser).toEqual(server);
  });
});
