import { describe, expect, it } from "vitest";
import { slowStartBatch } from "./controllers";
import { harness } from "./test-support/harness";

// ResourceQuota admission (plugin/pkg/admission/resourcequota/controller.go checkRequest), the
// ReplicaSet controller's FailedCreate (controller_utils.go) and slowStartBatch (replica_set.go).

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: pods-quota
spec:
  hard:
    pods: "3"
`;

const quotaHarness = () => {
  const h = harness({}, { "quota.yaml": QUOTA });
  expect(h.ok("kubectl apply -f quota.yaml")).toBe("resourcequota/pods-quota created\n");
  return h;
};

describe("ResourceQuota", () => {
  it("lists and describes a quota with status.used (printers.go printResourceQuota, describe.go describeQuota)", () => {
    const h = quotaHarness();
    h.ok("kubectl run a --image=nginx");
    expect(h.ok("kubectl get quota")).toMatch(/^NAME {9}AGE {3}REQUEST {5}LIMIT\npods-quota {3}\d+s {4}pods: 1\/3\n$/);
    expect(h.ok("kubectl get resourcequota pods-quota -o jsonpath={.status.used.pods}")).toBe("1");
    expect(h.ok("kubectl describe quota pods-quota")).toBe(
      "Name:       pods-quota\nNamespace:  default\nResource    Used  Hard\n--------    ----  ----\npods        1     3\n",
    );
  });

  it('refuses kubectl run past hard.pods: pods "NAME" is forbidden: exceeded quota: ... (exit 1)', () => {
    const h = quotaHarness();
    for (const name of ["a", "b", "c"]) h.ok(`kubectl run ${name} --image=nginx`);
    const result = h.run("kubectl run d --image=nginx");
    expect(result).toEqual({
      exitCode: 1,
      output:
        'Error from server (Forbidden): pods "d" is forbidden: exceeded quota: pods-quota, requested: pods=1, used: pods=3, limited: pods=3\n',
    });
    expect(h.cluster.store.get("Pod", "default", "d")).toBeUndefined();
  });

  it("keeps a scaled Deployment below its replicas, with FailedCreate from the replicaset-controller", () => {
    const h = quotaHarness();
    h.ok("kubectl create deployment web --image=nginx --replicas=5");
    expect(h.podsNamed("web-")).toHaveLength(3);
    const rs = h.cluster.store.list("ReplicaSet", "default")[0];
    const failed = h.events().filter((e) => e.reason === "FailedCreate");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      type: "Warning",
      involvedObject: { kind: "ReplicaSet", name: rs.metadata.name },
      source: { component: "replicaset-controller" },
      // Admission sees the pod before its name is generated: the generateName prefix.
      message: `Error creating: pods "${rs.metadata.name}-" is forbidden: exceeded quota: pods-quota, requested: pods=1, used: pods=3, limited: pods=3`,
    });
    h.ok("kubectl wait --for=condition=Ready pod --all");
    expect(h.ok("kubectl get deploy web").split("\n")[1].split(/ +/).slice(0, 4)).toEqual(["web", "3/5", "3", "3"]);
    expect(rs.status.replicas).toBe(3);
  });

  it("updates status.used when a pod is deleted, and the ReplicaSet then creates the missing pod", () => {
    const h = quotaHarness();
    h.ok("kubectl run a --image=nginx");
    h.ok("kubectl create deployment web --image=nginx --replicas=5");
    expect(h.ok("kubectl get quota pods-quota -o jsonpath={.status.used.pods}")).toBe("3");
    h.ok("kubectl delete pod a");
    expect(h.podsNamed("web-")).toHaveLength(3);
    expect(h.ok("kubectl get quota pods-quota -o jsonpath={.status.used.pods}")).toBe("3");
    h.ok("kubectl scale deployment web --replicas=1");
    h.cluster.advance(5);
    expect(h.ok("kubectl get quota pods-quota -o jsonpath={.status.used.pods}")).toBe("1");
    h.ok("kubectl delete deployment web");
    h.cluster.advance(5);
    expect(h.ok("kubectl get quota pods-quota -o jsonpath={.status.used.pods}")).toBe("0");
  });

  it("refuses a Service past hard.services", () => {
    const h = harness({}, { "q.yaml": QUOTA.replace('pods: "3"', "services: 1") });
    h.ok("kubectl apply -f q.yaml"); // the kubernetes Service already uses the one allowed
    h.ok("kubectl create deployment web --image=nginx");
    expect(h.fails("kubectl expose deployment web --port=80")).toBe(
      'Error from server (Forbidden): services "web" is forbidden: exceeded quota: pods-quota, requested: services=1, used: services=1, limited: services=1\n',
    );
  });
});

describe("slowStartBatch (replica_set.go)", () => {
  it("creates in batches of 1, 2, 4, ... and stops after the first batch with a failure", () => {
    const sizes = (allowed: number, count: number) => {
      let attempts = 0;
      const created = slowStartBatch(count, () => ++attempts <= allowed);
      return { created, attempts };
    };
    expect(sizes(Infinity, 10)).toEqual({ created: 10, attempts: 10 }); // 1+2+4+3
    // 1+2+4+8+16 = 31 succeed, the batch of 32 is attempted whole: 19 succeed, 13 fail.
    expect(sizes(50, 100_000)).toEqual({ created: 50, attempts: 63 });
    expect(sizes(0, 100_000)).toEqual({ created: 0, attempts: 1 });
  });

  it("bounds a refused ReplicaSet's attempts: at most 2 × quota + 1 in the sync, then one per pass", () => {
    const h = harness({ namespaceQuota: { pods: "50" } });
    h.ok("kubectl create deployment web --image=nginx --replicas=1");
    h.ok("kubectl scale deployment web --replicas=100000");
    const created = h.events().filter((e) => e.reason === "SuccessfulCreate").length;
    const failed = h.events().find((e) => e.reason === "FailedCreate")!;
    expect(created).toBe(50);
    expect(h.cluster.pods("default")).toHaveLength(50);
    // The sync that hit the quota tried at most 2 × 50 + 1; each further reconcile pass (at most 20
    // per command) retries with a batch of one.
    expect(created + failed.count).toBeLessThanOrEqual(2 * 50 + 1 + 20);
  });
});
