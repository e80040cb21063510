import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// pkg/controller/deployment/sync.go calculateStatus (Available) and progress.go syncRolloutStatus
// (Progressing), with the reasons and messages of deployment/util/deployment_util.go.

describe("Deployment status conditions", () => {
  it("a deployment whose pods are all available is Available (MinimumReplicasAvailable) and Progressing (NewReplicaSetAvailable)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok("kubectl rollout status deployment web");
    const d = h.cluster.store.get("Deployment", "default", "web")!;
    const rs = h.cluster.store.list("ReplicaSet", "default")[0];
    expect(d.status.conditions).toEqual([
      expect.objectContaining({
        type: "Available",
        status: "True",
        reason: "MinimumReplicasAvailable",
        message: "Deployment has minimum availability.",
      }),
      expect.objectContaining({
        type: "Progressing",
        status: "True",
        reason: "NewReplicaSetAvailable",
        message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
      }),
    ]);
    expect(h.ok("kubectl describe deployment web")).toMatch(
      /Conditions:\n {2}Type\s+Status\s+Reason\n {2}----\s+------\s+------\n {2}Available\s+True\s+MinimumReplicasAvailable\n {2}Progressing\s+True\s+NewReplicaSetAvailable\n/,
    );
  });

  it("kubectl wait --for=condition=Available deployment/NAME is met; a condition that never holds times out", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    expect(h.ok("kubectl wait --for=condition=Available deployment/web")).toBe("deployment.apps/web condition met\n");
    expect(h.fails("kubectl wait --for=condition=Available=false deploy/web --timeout=2s")).toBe(
      "error: timed out waiting for the condition on deployments/web\n",
    );
  });

  it("a condition whose status and reason do not change keeps its times (SetDeploymentCondition)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=1");
    h.ok("kubectl rollout status deployment web");
    const before = structuredClone(h.cluster.store.get("Deployment", "default", "web")!.status.conditions);
    h.ok("kubectl label deployment web tier=frontend");
    h.cluster.advance(60);
    expect(h.cluster.store.get("Deployment", "default", "web")!.status.conditions).toEqual(before);
  });

  it("scaling up past maxUnavailable turns Available False until the new pods are available, then True again", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=1");
    h.ok("kubectl rollout status deployment web");
    h.ok("kubectl scale deployment web --replicas=4");
    const available = () =>
      h.cluster.store.get("Deployment", "default", "web")!.status.conditions!.find((c) => c.type === "Available")!;
    // 1 of 4 available is below 4 - maxUnavailable (25% of 4 = 1): False while the new pods pull nginx.
    expect(available()).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    const scaledAt = h.cluster.timestamp();
    h.ok("kubectl rollout status deployment web");
    expect(available()).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });
    expect(available().lastTransitionTime > scaledAt).toBe(true);
  });
});
