import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl drain", () => {
  it("refuses to drain a node with DaemonSet pods unless told to ignore them (kubectl's message)", () => {
    const h = harness();
    const out = h.fails("kubectl drain worker-1");
    expect(out).toContain(
      "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-",
    );
    expect(out).toContain('error: unable to drain node "worker-1"');
  });

  it("refuses to drain a bare pod without --force", () => {
    const h = harness();
    h.ok("kubectl run lonely --image=nginx");
    const node = h.podsNamed("lonely")[0].spec.nodeName!;
    expect(h.fails(`kubectl drain ${node} --ignore-daemonsets`)).toContain(
      "cannot delete Pods that declare no controller (use --force to override): default/lonely",
    );
  });

  it("evicts pods, which come back on other nodes with new IPs, while the ClusterIP stays", () => {
    const h = harness({ workers: 3 });
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl rollout status deployment web");
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    const onWorker1 = h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-1");
    expect(onWorker1.length).toBeGreaterThan(0);
    const oldIPs = h.ipsOf("web-");
    const out = h.ok("kubectl drain worker-1 --ignore-daemonsets");
    expect(out).toMatch(
      /^node\/worker-1 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w+\n/,
    );
    expect(out).toContain(`evicting pod default/${onWorker1[0].metadata.name}`);
    expect(out.trim().endsWith("node/worker-1 drained")).toBe(true);
    h.ok("kubectl rollout status deployment web"); // the replacements pull nginx
    const after = h.podsNamed("web-");
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.spec.nodeName !== "worker-1")).toBe(true);
    const moved = after.filter((p) => !oldIPs.includes(p.status.podIP!));
    expect(moved).toHaveLength(onWorker1.length);
    expect(h.cluster.store.get("Service", "default", "web")!.spec.clusterIP).toBe(clusterIP);
    const endpoints = h.cluster.store
      .slicesFor("default", "web")[0]
      .endpoints.map((e) => e.addresses[0])
      .sort();
    expect(endpoints).toEqual(h.ipsOf("web-"));
  });
});

describe("kubectl drain's events", () => {
  it("shows the kubelet stopping each evicted pod and the cordon; API-initiated eviction itself reports no event", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl rollout status deployment web");
    const onWorker1 = h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-1");
    h.ok("kubectl drain worker-1 --ignore-daemonsets");
    const reasons = h.events().map((e) => e.reason);
    expect(reasons).toContain("NodeNotSchedulable");
    expect(reasons).not.toContain("Evicted");
    for (const pod of onWorker1)
      expect(h.eventsAbout(pod.metadata.name)).toContain(`Pod/${pod.metadata.name} Killing: Stopping container nginx`);
  });
});
