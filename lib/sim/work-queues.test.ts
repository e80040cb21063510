import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// One reconcile loop: the controllers only ever sync queued keys. A full reconcile is the same loop
// with every key enqueued first, as a controller's informer delivers an add for every object of its
// initial list (client-go tools/cache shared_informer.go: the initial Replace of the DeltaFIFO calls
// OnAdd for each listed object), so a controller restarted with no memory of changes still finds all
// its work.

/** The Deployment scaled behind the informers' back: the write reaches the store but no queue. */
function scaleUnseen(h: ReturnType<typeof harness>, replicas: number) {
  const d = h.cluster.store.get("Deployment", "default", "web")!;
  const handler = h.cluster.store.onChange;
  h.cluster.store.onChange = null;
  d.spec.replicas = replicas;
  h.cluster.save(d);
  h.cluster.store.onChange = handler;
}

describe("the work queues", () => {
  it("enqueueAll queues the key of every object the controllers sync", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    const q = h.cluster.queues;
    q.enqueueAll(h.cluster.store);
    expect(q.deployments).toContain("default/web");
    for (const rs of h.cluster.store.list("ReplicaSet"))
      expect(q.replicaSets).toContain(`${rs.metadata.namespace}/${rs.metadata.name}`);
    for (const pod of h.podsNamed("web-")) expect(q.slicePods).toContain(`default/${pod.metadata.name}`);
    expect(q.services).toContain("default/web");
    expect(q.services).toContain("default/kubernetes");
    expect(q.allKubeletPods).toBe(true);
  });

  it("a change no queue heard of is found by the reconcile check", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    scaleUnseen(h, 3);
    expect(() => h.cluster.advance(1)).toThrow(/missed work that a full walk found: ReplicaSet default\/web-/);
  });

  it('"full" mode enqueues every key: the same loop then finds the unseen change', () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.cluster.reconcileMode = "incremental";
    scaleUnseen(h, 3);
    h.ok("kubectl create deployment other --image=nginx");
    expect(h.podsNamed("web-")).toHaveLength(2);
    h.cluster.reconcileMode = "full";
    h.ok("kubectl create deployment third --image=nginx");
    expect(h.podsNamed("web-")).toHaveLength(3);
  });
});
