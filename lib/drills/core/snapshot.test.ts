import { describe, expect, it } from "vitest";
import { createCluster } from "../../sim";
import { clusterSnapshot } from "./snapshot";
import { cluster } from "./test-support/web-cluster";

describe("the cluster view's snapshot", () => {
  it("lists pods per node with IPs and readiness, Services with endpoints, and the last request's path", () => {
    const sim = cluster();
    const before = clusterSnapshot(sim.cluster);
    expect(before.lastRequest).toBeNull();
    expect(before.nodes.map((n) => n.name)).toEqual(["control-plane", "worker-1", "worker-2"]);
    const web = before.services.find((s) => s.name === "web")!;
    expect(web).toMatchObject({ type: "ClusterIP", ports: "80/TCP" });
    expect(web.endpoints.map((e) => e.ready)).toEqual([true, true]);
    const answer = sim.run("kubectl exec client -- curl -s web/hostname").output.trim();
    const after = clusterSnapshot(sim.cluster);
    expect(after.lastRequest).toMatchObject({
      from: "pod client",
      clientPod: "client",
      service: "web",
      pod: answer,
      result: "answered",
    });
    expect(after.lastRequest!.summary).toMatch(
      /^pod client → Service web \(ClusterIP\) → pod web-\S+ \(10\.244\.\d+\.\d+\): answered\. kube-proxy \(iptables\) picked one of 2 endpoints at random/,
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
