import { describe, expect, it } from "vitest";
import { DRILL_POD_QUOTA, DrillRun, replay } from "./drill-run";
import { bySlug } from "./test-support/content-drills";
import type { Drill, PredictStep } from "./types";

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

describe("what the drills in content/ teach, computed by the simulator", () => {
  it("pods recreated get new IPs while the ClusterIP and the name keep working", () => {
    const a = walk(bySlug("pods-come-and-go"));
    expect(a["clusterip-after-delete"]).toMatch(/: the address the Service has now$/);
    expect(a["name-still-works"]).toBe("A web pod answers with its name");
  });

  it("kube-proxy spreads connections; ClientIP affinity pins them to one pod", () => {
    const a = walk(bySlug("load-balancing"));
    expect(a.spread).toBe("Which pod answers changes from call to call");
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
  it("a help typed in between changes nothing the server grades: same prediction answer, same observations", () => {
    const plain = [{ type: "command" as const, line: "kubectl scale deployment web --replicas=3" }];
    const withHelp = [
      { type: "command" as const, line: "help" },
      ...plain,
      { type: "command" as const, line: "help get" },
    ];
    const step = drill.steps[0] as PredictStep;
    expect(replay(drill, withHelp).commitPrediction(step)).toEqual(replay(drill, plain).commitPrediction(step));
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

describe("a drill cluster's namespace quota", () => {
  it("bounds kubectl scale --replicas=100000 to the quota (slowStartBatch stops at FailedCreate)", () => {
    const run = new DrillRun(bySlug("no-ready-pods"));
    const before = run.sim.cluster.pods("default").length;
    expect(run.run("kubectl scale deployment web --replicas=100000").exitCode).toBe(0);
    const { cluster } = run.sim;
    expect(cluster.pods("default")).toHaveLength(DRILL_POD_QUOTA);
    const events = cluster.events.list("default");
    const created = events.filter((e) => e.reason === "SuccessfulCreate" && e.involvedObject.kind === "ReplicaSet");
    const failed = events.find((e) => e.reason === "FailedCreate")!;
    expect(failed.message).toMatch(
      /exceeded quota: namespace-quota, requested: pods=1, used: pods=50, limited: pods=50$/,
    );
    // Attempts in this command: the pods it created plus the refusals; bounded by the quota, not by 100,000.
    const attempts = created.length + failed.count;
    expect(attempts).toBeLessThanOrEqual(2 * DRILL_POD_QUOTA + 1 + 20 + before);
    expect(run.run("kubectl get quota").output).toMatch(/namespace-quota .* pods: 50\/50\n$/);
  });

  it("is not the learner's to delete or raise, and covers namespaces the learner creates", () => {
    const run = new DrillRun(bySlug("no-ready-pods"));
    expect(run.run("kubectl delete quota namespace-quota")).toEqual({
      exitCode: 1,
      output:
        'Error from server (Forbidden): resourcequotas "namespace-quota" is forbidden: User "learner" cannot delete resource "resourcequotas" in API group "" in the namespace "default"\n',
    });
    run.run("kubectl create namespace mine");
    run.run("kubectl create deployment big --image=nginx --replicas=100000 -n mine");
    expect(run.sim.cluster.pods("mine")).toHaveLength(DRILL_POD_QUOTA);
  });
});
