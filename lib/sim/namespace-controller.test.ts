import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// Namespace deletion (namespace registry storage.go Delete, the NamespaceLifecycle admission plugin,
// the namespace controller's namespaced_resources_deleter.go): Terminating at once, new content
// refused with the admission plugin's message, the content deleted (pods gracefully), the namespace
// requeued after its pods' longest grace period and gone once nothing is left.

/** A namespace with a Deployment of `image` and its Service. */
function team(image = "nginx") {
  const h = harness();
  h.ok("kubectl create namespace team");
  h.ok(
    `kubectl create deployment web -n team --image=${image} --replicas=2${image === "busybox" ? " -- sleep 3600" : ""}`,
  );
  h.ok("kubectl expose deployment web -n team --port=80");
  h.ok("kubectl rollout status deployment web -n team");
  return h;
}

const phaseOf = (h: ReturnType<typeof harness>, name: string) =>
  h
    .ok("kubectl get ns")
    .split("\n")
    .find((l) => l.startsWith(`${name} `))
    ?.split(/\s+/)[1];

describe("namespace deletion", () => {
  it("goes Terminating at once (kubectl get ns shows it) while its pods shut down", () => {
    const h = team("busybox"); // sleep ignores SIGTERM: the pods take their 30 s
    expect(h.ok("kubectl delete namespace team --wait=false")).toBe('namespace "team" deleted\n');
    expect(phaseOf(h, "team")).toBe("Terminating");
    const ns = h.cluster.store.get("Namespace", undefined, "team")!;
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    expect(ns.spec?.finalizers).toEqual(["kubernetes"]);
    // The controller deleted the content: the Deployment and the Service at once, the pods gracefully.
    expect(h.fails("kubectl get deployment web -n team")).toContain("NotFound");
    expect(h.fails("kubectl get service web -n team")).toContain("NotFound");
    const pods = h.cluster.pods("team");
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeDefined();
  });

  it("refuses new objects with NamespaceLifecycle's message, for every kind", () => {
    const h = team();
    h.ok("kubectl delete namespace team --wait=false");
    const because = "is forbidden: unable to create new content in namespace team because it is being terminated\n";
    expect(h.fails("kubectl run tmp -n team --image=busybox -- sleep 1")).toBe(
      `Error from server (Forbidden): pods "tmp" ${because}`,
    );
    // kubectl create deployment and create service wrap the server's error (create_deployment.go,
    // create_service.go: "failed to create ...: %v").
    expect(h.fails("kubectl create deployment api -n team --image=nginx")).toBe(
      `error: failed to create deployment: deployments.apps "api" ${because}`,
    );
    expect(h.fails("kubectl create service clusterip db -n team --tcp=5432")).toBe(
      `error: failed to create ClusterIP service: services "db" ${because}`,
    );
    expect(h.fails("kubectl create ingress web -n team --rule=web.example/*=web:80")).toBe(
      `error: failed to create ingress: ingresses.networking.k8s.io "web" ${because}`,
    );
    // The namespace still exists, so creating it again is AlreadyExists.
    expect(h.fails("kubectl create namespace team")).toBe(
      'Error from server (AlreadyExists): namespaces "team" already exists\n',
    );
  });

  it("kubectl apply names the file of a refused create", () => {
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: late, namespace: team }\nspec:\n  containers:\n    - name: app\n      image: nginx\n";
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl create namespace team");
    h.ok("kubectl run keeper -n team --image=busybox -- sleep 3600"); // keeps the namespace Terminating
    h.ok("kubectl delete namespace team --wait=false");
    expect(h.fails("kubectl apply -f pod.yaml")).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods "late" is forbidden: unable to create new content in namespace team because it is being terminated\n',
    );
  });

  it("a second delete while it terminates is the registry's Conflict", () => {
    const h = team();
    h.ok("kubectl delete namespace team --wait=false");
    expect(h.fails("kubectl delete namespace team")).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.\n',
    );
  });

  it("disappears when the controller looks again after the pods' grace period and finds nothing left", () => {
    const h = team(); // nginx stops at once on SIGTERM
    h.ok("kubectl delete namespace team --wait=false");
    h.ok("sleep 5");
    expect(h.cluster.pods("team")).toEqual([]);
    // The controller requeued the namespace for its pods' longest grace period, 30 s.
    h.ok("sleep 20");
    expect(phaseOf(h, "team")).toBe("Terminating");
    h.ok("sleep 10");
    expect(phaseOf(h, "team")).toBeUndefined();
    expect(h.fails("kubectl get namespace team")).toBe('Error from server (NotFound): namespaces "team" not found\n');
  });

  it("waits by default: kubectl delete returns once the namespace is gone, and its events went with it", () => {
    const h = team();
    expect(h.events("team").length).toBeGreaterThan(0);
    const before = h.cluster.now();
    h.ok("kubectl delete namespace team");
    expect(h.cluster.store.get("Namespace", undefined, "team")).toBeUndefined();
    expect(h.cluster.now() - before).toBeGreaterThanOrEqual(30_000);
    expect(h.events("team")).toEqual([]);
  });

  it("a pod with a longer grace period keeps the namespace until it is gone", () => {
    // busybox's sleep ignores SIGTERM, so the kubelet kills it when its 45 s are up.
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: slow, namespace: team }\nspec:\n  terminationGracePeriodSeconds: 45\n  containers:\n    - name: app\n      image: busybox:1.36\n      command: [sleep, '3600']\n";
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl create namespace team");
    h.ok("kubectl apply -f pod.yaml");
    h.ok("kubectl wait --for=condition=Ready pod/slow -n team");
    h.ok("kubectl delete namespace team --wait=false");
    h.ok("sleep 40");
    expect(h.cluster.pods("team")).toHaveLength(1);
    expect(phaseOf(h, "team")).toBe("Terminating");
    h.ok("sleep 10");
    expect(h.cluster.pods("team")).toEqual([]);
    expect(phaseOf(h, "team")).toBeUndefined();
  });

  it("keeps the namespaces no one may delete", () => {
    const h = harness();
    expect(h.fails("kubectl delete namespace kube-system")).toBe(
      'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n',
    );
  });
});
