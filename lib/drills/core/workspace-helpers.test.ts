import { describe, expect, it } from "vitest";
import { createCluster } from "../../sim";
import { commonPrefix, completionCandidates } from "./completion";
import { clusterSnapshot } from "./snapshot";

function cluster() {
  const sim = createCluster({ seed: 3 });
  sim.run("kubectl create deployment web --image=nginx --replicas=2");
  sim.run("kubectl expose deployment web --port=80");
  sim.run("kubectl run client --image=busybox -- sleep 3600");
  return sim;
}

describe("Tab completion in the drill terminal", () => {
  const sim = cluster();
  const complete = (line: string) => completionCandidates(sim.cluster, ["web-typo.yaml"], line);
  it("completes programs, kubectl commands and resource types", () => {
    expect(complete("kub")).toEqual({ prefix: "kub", candidates: ["kubectl"] });
    expect(complete("kubectl ex").candidates).toEqual(["exec", "expose"]);
    expect(complete("kubectl get endpointsl").candidates).toEqual(["endpointslices"]);
  });
  it("completes object names after a type, pods after exec, nodes after drain, files after -f and cat", () => {
    expect(complete("kubectl delete svc w").candidates).toEqual(["web"]);
    expect(complete("kubectl exec cl").candidates).toEqual(["client"]);
    expect(complete("kubectl exec web").candidates).toHaveLength(2);
    expect(complete("kubectl drain w").candidates).toEqual(["worker-1", "worker-2"]);
    expect(complete("kubectl apply -f w").candidates).toEqual(["web-typo.yaml"]);
    expect(complete("cat ").candidates).toEqual(["web-typo.yaml"]);
  });
  it("offers nothing where nothing fits", () => {
    expect(complete("kubectl get pods --sel").candidates).toEqual([]);
    expect(complete("frobnicate x").candidates).toEqual([]);
  });
  it("finds the common start of several candidates", () => {
    expect(commonPrefix(["worker-1", "worker-2"])).toBe("worker-");
    expect(commonPrefix([])).toBe("");
  });
});

describe("the cluster view's snapshot", () => {
  it("lists pods per node with IPs and readiness, Services with endpoints, and the last request's path", () => {
    const sim = cluster();
    const before = clusterSnapshot(sim.cluster);
    expect(before.lastRequest).toBeNull();
    expect(before.nodes.map((n) => n.name)).toEqual(["control-plane", "worker-1", "worker-2"]);
    const web = before.services.find((s) => s.name === "web")!;
    expect(web).toMatchObject({ type: "ClusterIP", ports: "80/TCP" });
    expect(web.endpoints.map((e) => e.ready)).toEqual([true, true]);
    const answer = sim.run("kubectl exec client -- curl -s web").output.trim();
    const after = clusterSnapshot(sim.cluster);
    expect(after.lastRequest).toMatchObject({
      from: "pod client",
      clientPod: "client",
      service: "web",
      pod: answer,
      result: "answered",
    });
    expect(after.lastRequest!.summary).toMatch(
      /^pod client → Service web \(ClusterIP\) → pod web-\S+ \(10\.244\.\d+\.\d+\): answered$/,
    );
    sim.run(`curl -s --max-time 1 ${web.clusterIP}`);
    expect(clusterSnapshot(sim.cluster).lastRequest).toMatchObject({
      from: "your machine (outside the cluster)",
      result: "timeout",
      pod: null,
    });
  });
  it("shows a cordoned node and pending pods", () => {
    const sim = createCluster({ seed: 1, workers: 1 });
    sim.run("kubectl create deployment web --image=nginx --replicas=1");
    sim.run("kubectl drain worker-1 --ignore-daemonsets");
    const s = clusterSnapshot(sim.cluster);
    expect(s.nodes.find((n) => n.name === "worker-1")!.schedulable).toBe(false);
    expect(s.pending).toHaveLength(1);
  });
});
