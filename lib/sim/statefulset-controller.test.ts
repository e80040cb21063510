import { describe, expect, it } from "vitest";
import { answerQuery } from "./dns";
import { statefulSetExampleYaml } from "./statefulset-example";
import { harness } from "./test-support/harness";

// Rules from pkg/controller/statefulset (stateful_set_control.go, stateful_set_utils.go,
// stateful_pod_control.go), the StatefulSet concept page (kubernetes.io/docs/concepts/workloads/
// controllers/statefulset/) and the DNS specification (kubernetes/dns docs/specification.md 2.4.1).

const files = {
  "web.yaml": statefulSetExampleYaml(),
  "web-5.yaml": statefulSetExampleYaml({ replicas: 5 }),
  "probed.yaml": statefulSetExampleYaml({ probe: true }),
  "parallel.yaml": statefulSetExampleYaml({ policy: "Parallel", probe: true }),
  "bad-policy.yaml": statefulSetExampleYaml({ policy: "Random" }),
};
const setUp = (file = "web.yaml") => {
  const h = harness({}, files);
  h.ok(`kubectl apply -f ${file}`);
  return h;
};
const names = (h: ReturnType<typeof harness>) => h.podsNamed("web-").map((p) => p.metadata.name);

describe("StatefulSet pods", () => {
  it("are named <set>-<ordinal> from 0 and carry hostname, subdomain and the pod-name and pod-index labels (initIdentity)", () => {
    const h = setUp();
    expect(names(h)).toEqual(["web-0", "web-1", "web-2"]);
    const pod = h.podsNamed("web-1")[0];
    expect(pod.spec.hostname).toBe("web-1");
    expect(pod.spec.subdomain).toBe("nginx");
    expect(pod.metadata.labels).toMatchObject({
      app: "nginx",
      "statefulset.kubernetes.io/pod-name": "web-1",
      "apps.kubernetes.io/pod-index": "1",
    });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: "StatefulSet", name: "web", controller: true });
  });

  it("get a per-pod A record <pod>.<serviceName>.<ns>.svc.<zone> through the governing headless Service (spec 2.4.1)", () => {
    const h = setUp();
    const pod = h.podsNamed("web-0")[0];
    expect(answerQuery(h.cluster, "web-0.nginx.default.svc.cluster.local")).toMatchObject({
      rcode: "NOERROR",
      records: [{ type: "A", address: pod.status.podIP }],
    });
    h.ok("kubectl run client --image=busybox -- sleep 3600");
    expect(h.ok("kubectl exec client -- nslookup web-2.nginx")).toContain(h.podsNamed("web-2")[0].status.podIP);
    // The Service's own name answers with every ready pod, as for any headless Service.
    expect(h.ok("kubectl exec client -- nslookup nginx").match(/Address: 10\.244/g)).toHaveLength(3);
  });

  it("have no per-pod name when the governing Service is missing: hostname and subdomain alone make no record", () => {
    const h = harness({}, { "web.yaml": statefulSetExampleYaml({ withoutService: true }) });
    h.ok("kubectl apply -f web.yaml");
    expect(answerQuery(h.cluster, "web-0.nginx.default.svc.cluster.local").rcode).toBe("NXDOMAIN");
  });

  it("come back under the same name, hostname and DNS name after deletion, with a new pod IP", () => {
    const h = setUp();
    const before = h.podsNamed("web-0")[0];
    h.ok("kubectl delete pod web-0");
    const after = h.podsNamed("web-0")[0];
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.spec.hostname).toBe("web-0");
    expect(after.status.podIP).not.toBe(before.status.podIP);
    expect(answerQuery(h.cluster, "web-0.nginx.default.svc.cluster.local")).toMatchObject({
      records: [{ address: after.status.podIP }],
    });
  });

  it("answer at their own DNS name, and their hostname is the pod name", () => {
    const h = setUp();
    h.ok("kubectl run client --image=busybox -- sleep 3600");
    expect(h.ok("kubectl exec client -- wget -qO- web-1.nginx")).toContain("Welcome to nginx!");
    expect(h.ok("kubectl exec web-1 -- hostname")).toBe("web-1\n");
  });
});

describe("podManagementPolicy OrderedReady (the default)", () => {
  it("records one SuccessfulCreate per ordinal, in ascending order (recordPodEvent wording)", () => {
    const h = setUp();
    expect(h.eventsAbout("web").filter((e) => e.startsWith("StatefulSet/"))).toEqual([
      "StatefulSet/web SuccessfulCreate: create Pod web-0 in StatefulSet web successful",
      "StatefulSet/web SuccessfulCreate: create Pod web-1 in StatefulSet web successful",
      "StatefulSet/web SuccessfulCreate: create Pod web-2 in StatefulSet web successful",
    ]);
  });

  it("does not create ordinal N+1 while ordinal N is not Running and Ready", () => {
    const h = setUp("probed.yaml");
    expect(names(h)).toEqual(["web-0", "web-1", "web-2"]);
    h.ok("kubectl exec web-1 -- rm /tmp/ready");
    h.ok("sleep 30"); // three failed probes, 10 s apart: web-1 is not ready
    h.ok("kubectl delete pod web-2");
    h.ok("kubectl get pods");
    expect(names(h)).toEqual(["web-0", "web-1"]);
    expect(h.ok("kubectl get sts web")).toMatch(/^web\s+1\/3\s/m);
  });

  it("scales down from the highest ordinal, one pod at a time, waiting for each to terminate", () => {
    const h = setUp("web-5.yaml");
    h.ok("kubectl scale statefulset web --replicas=2");
    // web-4 is Terminating; web-3 is not touched until it is gone.
    expect(
      h.cluster
        .pods("default")
        .filter((p) => p.metadata.deletionTimestamp)
        .map((p) => p.metadata.name),
    ).toEqual(["web-4"]);
    for (let i = 0; i < 4; i++) h.ok("kubectl get pods");
    expect(names(h)).toEqual(["web-0", "web-1"]);
    const deletes = h.eventsAbout("web").filter((e) => e.includes("SuccessfulDelete"));
    expect(deletes).toEqual([
      "StatefulSet/web SuccessfulDelete: delete Pod web-4 in StatefulSet web successful",
      "StatefulSet/web SuccessfulDelete: delete Pod web-3 in StatefulSet web successful",
      "StatefulSet/web SuccessfulDelete: delete Pod web-2 in StatefulSet web successful",
    ]);
  });

  it("scales up by adding the next ordinals", () => {
    const h = setUp();
    expect(h.ok("kubectl scale sts web --replicas=5")).toBe("statefulset.apps/web scaled\n");
    expect(names(h)).toEqual(["web-0", "web-1", "web-2", "web-3", "web-4"]);
  });
});

describe("podManagementPolicy Parallel", () => {
  it("creates every missing ordinal at once, without waiting for readiness", () => {
    const h = setUp("parallel.yaml");
    h.ok("kubectl exec web-1 -- rm /tmp/ready");
    h.ok("kubectl delete pod web-2");
    h.ok("kubectl get pods");
    expect(names(h)).toEqual(["web-0", "web-1", "web-2"]);
  });

  it("deletes every condemned ordinal at once", () => {
    const h = setUp("parallel.yaml");
    h.ok("kubectl scale sts web --replicas=0");
    expect(h.cluster.pods("default").filter((p) => p.metadata.deletionTimestamp)).toHaveLength(3);
  });
});

describe("kubectl and StatefulSets", () => {
  it("prints NAME READY AGE (printers.go printStatefulSet) under sts, statefulset and statefulsets", () => {
    const h = setUp();
    for (const alias of ["sts", "statefulset", "statefulsets", "statefulsets.apps"])
      expect(h.ok(`kubectl get ${alias}`)).toMatch(/^NAME\s+READY\s+AGE\nweb\s+3\/3\s+\S+\n$/);
    expect(h.ok("kubectl get sts -o wide")).toMatch(/CONTAINERS\s+IMAGES\nweb\s+3\/3\s+\S+\s+nginx\s+nginx:1\.27\n$/);
  });

  it("apply says created, unchanged, then configured for a new replica count", () => {
    const h = harness({}, files);
    expect(h.ok("kubectl apply -f web.yaml")).toBe("service/nginx created\nstatefulset.apps/web created\n");
    expect(h.ok("kubectl apply -f web.yaml")).toBe("service/nginx unchanged\nstatefulset.apps/web unchanged\n");
    expect(h.ok("kubectl apply -f web-5.yaml")).toBe("service/nginx unchanged\nstatefulset.apps/web configured\n");
  });

  it("refuses a podManagementPolicy other than OrderedReady or Parallel, and changing it later", () => {
    const h = harness({}, files);
    expect(h.fails("kubectl apply -f bad-policy.yaml")).toContain(
      'The StatefulSet "web" is invalid: spec.podManagementPolicy: Unsupported value: "Random"',
    );
    h.ok("kubectl delete sts web --ignore-not-found");
    h.ok("kubectl apply -f web.yaml");
    expect(h.fails("kubectl apply -f parallel.yaml")).toContain("spec: Forbidden: updates to statefulset spec");
  });

  it("delete sts removes the set and its pods (background cascading deletion)", () => {
    const h = setUp();
    expect(h.ok("kubectl delete statefulset web")).toBe('statefulset.apps "web" deleted\n');
    h.ok("kubectl get pods");
    h.ok("kubectl get pods");
    expect(names(h)).toEqual([]);
  });

  it("reports a missing set the way the API server does", () => {
    const h = harness();
    expect(h.fails("kubectl get sts db")).toBe('Error from server (NotFound): statefulsets.apps "db" not found\n');
  });
});
