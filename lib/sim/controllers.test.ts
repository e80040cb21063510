import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("pod IPs: pod recreation by the ReplicaSet controller", () => {
  it("replaces a deleted Deployment pod with a new pod, new name and new IP", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    const [victim] = h.podsNamed("web-");
    const oldIPs = h.ipsOf("web-");
    h.ok(`kubectl delete pod ${victim.metadata.name}`);
    const now = h.podsNamed("web-");
    expect(now).toHaveLength(3);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    const fresh = now.find((p) => !oldIPs.includes(p.status.podIP!));
    expect(fresh, "the replacement has an address no earlier pod had").toBeDefined();
  });

  it("does not bring back a bare pod that was deleted", () => {
    const h = harness();
    h.ok("kubectl run lonely --image=nginx");
    h.ok("kubectl delete pod lonely");
    expect(h.fails("kubectl get pod lonely")).toBe('Error from server (NotFound): pods "lonely" not found\n');
  });
});

describe("Deployments and ReplicaSets", () => {
  it("names pods <deployment>-<pod-template-hash>-<5 chars> and labels them with the hash", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const rs = h.cluster.store.list("ReplicaSet", "default").find((r) => r.metadata.name.startsWith("web-"))!;
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    for (const pod of h.podsNamed("web-")) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(pod.metadata.labels).toMatchObject({ app: "web", "pod-template-hash": hash });
    }
  });

  it("scales up and down", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    expect(h.ok("kubectl scale deployment web --replicas=5")).toBe("deployment.apps/web scaled\n");
    expect(h.podsNamed("web-")).toHaveLength(5);
    h.ok("kubectl scale deployment/web --replicas=1");
    expect(h.podsNamed("web-")).toHaveLength(1);
    expect(h.ok("kubectl get deployment web")).toMatch(/web\s+1\/1\s+1\s+1/);
  });

  it("replaces every pod on rollout restart (a new ReplicaSet), with new IPs", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    const before = h.podsNamed("web-").map((p) => p.metadata.name);
    const oldIPs = h.ipsOf("web-");
    expect(h.ok("kubectl rollout restart deployment web")).toBe("deployment.apps/web restarted\n");
    h.ok("kubectl rollout status deployment web");
    const after = h.podsNamed("web-");
    expect(after).toHaveLength(3);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(after.every((p) => !oldIPs.includes(p.status.podIP!))).toBe(true);
    expect(
      h.cluster.store
        .list("ReplicaSet", "default")
        .filter((r) => r.metadata.name.startsWith("web-"))
        .map((r) => r.spec.replicas)
        .sort(),
    ).toEqual([0, 3]);
  });
});

describe("the controllers' events", () => {
  const scaling = (h: ReturnType<typeof harness>) =>
    h
      .events()
      .filter((e) => e.reason === "ScalingReplicaSet")
      .map((e) => e.message);

  it('reports SuccessfulCreate, "Created pod: NAME", from replicaset-controller against the ReplicaSet', () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const rs = h.cluster.store.list("ReplicaSet", "default")[0].metadata.name;
    const created = h.events().filter((e) => e.reason === "SuccessfulCreate");
    expect(created.map((e) => e.message).sort()).toEqual(
      h.podsNamed("web-").map((p) => `Created pod: ${p.metadata.name}`),
    );
    for (const e of created)
      expect(e).toMatchObject({
        involvedObject: { kind: "ReplicaSet", name: rs },
        source: { component: "replicaset-controller" },
      });
  });

  it('reports ScalingReplicaSet, "Scaled up|down replica set NAME from OLD to NEW" (v1.31 order), and SuccessfulDelete on scale-down', () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    const rs = h.cluster.store.list("ReplicaSet", "default")[0].metadata.name;
    h.ok("kubectl scale deployment web --replicas=1");
    expect(scaling(h)).toEqual([
      `Scaled up replica set ${rs} from 0 to 3`,
      `Scaled down replica set ${rs} from 3 to 1`,
    ]);
    expect(h.events().filter((e) => e.reason === "SuccessfulDelete")).toHaveLength(2);
    expect(h.events().find((e) => e.reason === "ScalingReplicaSet")).toMatchObject({
      involvedObject: { kind: "Deployment", name: "web" },
      source: { component: "deployment-controller" },
    });
  });

  it("rolls out in maxSurge/maxUnavailable steps on a rollout restart (25%/25% of 2: surge 1 rounded up, unavailable 0 rounded down)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl rollout status deployment web");
    const old = h.cluster.store.list("ReplicaSet", "default")[0].metadata.name;
    h.ok("kubectl rollout restart deployment web");
    h.ok("kubectl rollout status deployment web");
    const fresh = h.cluster.store.list("ReplicaSet", "default").find((r) => r.metadata.name !== old)!.metadata.name;
    expect(scaling(h).slice(1)).toEqual([
      `Scaled up replica set ${fresh} from 0 to 1`,
      `Scaled down replica set ${old} from 2 to 1`,
      `Scaled up replica set ${fresh} from 1 to 2`,
      `Scaled down replica set ${old} from 1 to 0`,
    ]);
  });

  it("reports nothing for a Deployment created with zero replicas (the controller only reports a scale-up above 0)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=0");
    expect(h.events()).toEqual([]);
  });
});
