import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("the scheduler", () => {
  it("leaves pods Pending when no node can take them", () => {
    const h = harness({ workers: 1 });
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl drain worker-1 --ignore-daemonsets");
    const pods = h.podsNamed("web-");
    expect(pods.every((p) => p.status.phase === "Pending" && !p.status.podIP)).toBe(true);
    expect(h.ok("kubectl get pods")).toMatch(/Pending/);
  });
});

describe("the scheduler's events", () => {
  it('reports Scheduled, "Successfully assigned NAMESPACE/POD to NODE", as default-scheduler', () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const node = h.podsNamed("app")[0].spec.nodeName;
    const [scheduled] = h.events().filter((e) => e.reason === "Scheduled");
    expect(scheduled).toMatchObject({
      type: "Normal",
      message: `Successfully assigned default/app to ${node}`,
      involvedObject: { kind: "Pod", name: "app", namespace: "default" },
      source: { component: "default-scheduler" },
    });
  });

  it("reports FailedScheduling as a Warning with the reason no node fits, once per pod", () => {
    const h = harness({ workers: 1 });
    h.ok("kubectl cordon worker-1");
    h.ok("kubectl run app --image=nginx");
    h.ok("kubectl get pods");
    const failed = h.events().filter((e) => e.reason === "FailedScheduling");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: "Warning", involvedObject: { name: "app" } });
    expect(failed[0].message).toMatch(
      /^0\/2 nodes are available: 1 node\(s\) had untolerated taint .*1 node\(s\) were unschedulable/,
    );
  });
});

describe("the kubelet's maxPods and the NodeResourcesFit filter", () => {
  it("reports capacity and allocatable pods = maxPods (KubeletConfiguration.maxPods, default 110)", () => {
    expect(harness().cluster.nodes()[1].status).toMatchObject({
      capacity: { pods: "110" },
      allocatable: { pods: "110" },
    });
    const h = harness({ maxPods: 4 });
    expect(h.ok("kubectl get node worker-1 -o jsonpath={.status.allocatable.pods}")).toBe("4");
    expect(h.ok("kubectl describe node worker-1")).toContain("Capacity:\n  pods:  4\nAllocatable:\n  pods:  4\n");
  });

  it('leaves pods past every node\'s maxPods Pending with FailedScheduling "Too many pods" (noderesources/fit.go)', () => {
    // Each worker already runs kube-proxy; coredns takes one more on each: 2 of 4 used per worker.
    const h = harness({ maxPods: 4 });
    h.ok("kubectl create deployment web --image=nginx --replicas=6");
    const pods = h.podsNamed("web-");
    expect(pods.filter((p) => p.spec.nodeName)).toHaveLength(4);
    const pending = pods.filter((p) => !p.spec.nodeName);
    expect(pending).toHaveLength(2);
    expect(pending[0].status.conditions).toMatchObject([{ type: "PodScheduled", status: "False" }]);
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. " +
      "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    const failed = h.events().filter((e) => e.reason === "FailedScheduling");
    expect(failed.map((e) => [e.type, e.involvedObject.name, e.message])).toEqual(
      pending.map((p) => ["Warning", p.metadata.name, message]),
    );
    expect(h.ok(`kubectl describe pod ${pending[0].metadata.name}`)).toContain(message);
    // Room on a node again: the next pass places a pending pod.
    h.ok(`kubectl delete pod ${pods.find((p) => p.spec.nodeName)!.metadata.name}`);
    expect(h.podsNamed("web-").filter((p) => !p.spec.nodeName)).toHaveLength(2);
    expect(h.podsNamed("web-").filter((p) => p.spec.nodeName)).toHaveLength(4);
  });
});

describe("the scheduler's nodeSelector (the NodeAffinity filter)", () => {
  const pinned = `apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: app
    image: nginx
`;

  it("leaves a pod whose nodeSelector no node matches Pending, with NodeAffinity's reason, until a node gets the label", () => {
    const h = harness({ workers: 2 }, { "pinned.yaml": pinned });
    h.ok("kubectl apply -f pinned.yaml");
    h.ok("kubectl get pods");
    expect(h.podsNamed("pinned")[0].spec.nodeName).toBeUndefined();
    // The control-plane node fails at TaintToleration first; the workers at NodeAffinity. Both are
    // UnschedulableAndUnresolvable, so preemption is no help on any node.
    expect(h.events().find((e) => e.reason === "FailedScheduling")?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, " +
        "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: " +
        "3 Preemption is not helpful for scheduling.",
    );
    h.ok("kubectl label node worker-2 disktype=ssd");
    h.ok("sleep 5");
    expect(h.podsNamed("pinned")[0].spec.nodeName).toBe("worker-2");
  });

  it("places a Deployment's pods only on the nodes its template's nodeSelector matches", () => {
    const h = harness({ workers: 3 });
    h.ok("kubectl label node worker-3 disktype=ssd");
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"nodeSelector":{"disktype":"ssd"}}}}}'`);
    h.ok("kubectl rollout status deployment web");
    h.ok("sleep 60"); // the old pods' grace period
    const pods = h.podsNamed("web-");
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(["worker-3"]));
  });
});
