import { describe, expect, it } from "vitest";
import { answerQuery, createCluster } from "./index";
import { iptablesSave } from "./kube-proxy-iptables";
import { Rng } from "./rng";

// The queued reconcile (work-queues.ts) must do exactly what a walk over every object does, in the
// same order: the same pod names and addresses, EndpointSlices, kube-proxy rules, DNS answers and
// events. Each case runs a random command sequence from a seed on two clusters, one reconciling by
// walking everything and one by its queues (in "check" mode, which also walks after each reconcile).

const COMMANDS = [
  (r: Rng) => `kubectl create deployment d${r.int(3)} --image=nginx:1.27 --replicas=${1 + r.int(4)}`,
  (r: Rng) => `kubectl scale deployment d${r.int(3)} --replicas=${r.int(6)}`,
  (r: Rng) => `kubectl expose deployment d${r.int(3)} --port=80`,
  (r: Rng) => `kubectl delete service d${r.int(3)}`,
  (r: Rng) => `kubectl label pods -l app=d${r.int(3)} app=moved --overwrite`,
  (r: Rng) => `kubectl set image deployment/d${r.int(3)} nginx=nginx:1.${26 + r.int(2)}`,
  (r: Rng) => `kubectl cordon worker-${1 + r.int(2)}`,
  (r: Rng) => `kubectl uncordon worker-${1 + r.int(2)}`,
  (r: Rng) => `kubectl delete pod -l app=d${r.int(3)} --wait=false`,
  (r: Rng) => `kubectl run p${r.int(3)} --image=busybox -- sleep 3600`,
  (r: Rng) => `sleep ${1 + r.int(20)}`,
];

function transcript(mode: "full" | "check", seed: number, steps: number) {
  const sim = createCluster({ seed });
  sim.cluster.reconcileMode = mode;
  const r = new Rng(seed * 7919);
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    const command = COMMANDS[r.int(COMMANDS.length)](r);
    out.push(`$ ${command}`, sim.run(command).output);
  }
  for (const read of ["kubectl get pods -A -o wide", "kubectl get endpointslices -A", "kubectl get events -A"])
    out.push(sim.run(read).output);
  const state = sim.cluster.store
    .list("Pod")
    .map((p) => [p.metadata.name, p.status.podIP, p.spec.nodeName, p.status.phase, p.metadata.resourceVersion]);
  const slices = sim.cluster.store.list("EndpointSlice").map((s) => [s.metadata.name, s.endpoints, s.ports]);
  const dns = sim.cluster.store
    .list("Service")
    .map((s) => answerQuery(sim.cluster, `${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local`));
  return JSON.stringify({
    out,
    state,
    slices,
    dns,
    rules: sim.cluster.nodes().map((n) => iptablesSave(sim.cluster, n.metadata.name)),
  });
}

describe("the queued reconcile", () => {
  for (let seed = 1; seed <= 12; seed++)
    it(`does what the walk over everything does (seed ${seed})`, () => {
      expect(transcript("check", seed, 40)).toBe(transcript("full", seed, 40));
    });
});
