import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("the default cluster (like kubeadm)", () => {
  it("has a control-plane node and two workers, each with a /24 from 10.244.0.0/16", () => {
    const h = harness();
    const nodes = h.cluster.nodes().map((n) => [n.metadata.name, n.spec.podCIDR]);
    expect(nodes).toEqual([
      ["control-plane", "10.244.0.0/24"],
      ["worker-1", "10.244.1.0/24"],
      ["worker-2", "10.244.2.0/24"],
    ]);
  });
  it("takes the pod network from options, e.g. 192.168.0.0/16", () => {
    const h = harness({ podCIDR: "192.168.0.0/16", workers: 3 });
    expect(h.cluster.nodes().map((n) => n.spec.podCIDR)).toEqual([
      "192.168.0.0/24",
      "192.168.1.0/24",
      "192.168.2.0/24",
      "192.168.3.0/24",
    ]);
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    for (const ip of h.ipsOf("web-")) expect(ip).toMatch(/^192\.168\.[1-3]\.\d+$/);
  });
  it("gives the kubernetes Service 10.96.0.1 and kube-dns 10.96.0.10", () => {
    const h = harness();
    expect(h.ok("kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}")).toBe("10.96.0.1");
    expect(h.ok("kubectl get svc kube-dns -n kube-system -o jsonpath={.spec.clusterIP}")).toBe("10.96.0.10");
  });
  it("keeps application pods off the control-plane node (its NoSchedule taint)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=6");
    expect(h.podsNamed("web-").every((p) => p.spec.nodeName !== "control-plane")).toBe(true);
  });
});
