import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl pkg/polymorphichelpers history.go and rollback.go, pkg/cmd/rollout (Kubernetes v1.31);
// the deployment controller's revision annotation (deployment_util.go SetNewReplicaSetAnnotations).

const revision = (h: ReturnType<typeof harness>) =>
  h.cluster.store.get("Deployment", "default", "web")!.metadata.annotations?.["deployment.kubernetes.io/revision"];

function twoRevisions() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx:1.25 --replicas=2");
  h.ok("kubectl set image deploy/web nginx=nginx:1.27");
  return h;
}

describe("kubectl rollout", () => {
  it("history lists one revision per ReplicaSet, kept after the rollout", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout history deployment/web")).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(revision(h)).toBe("2");
  });

  it("undo goes back to the previous template, which becomes the newest revision", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout undo deployment/web")).toBe("deployment.apps/web rolled back\n");
    expect(h.podsNamed("web-").map((p) => p.spec.containers[0].image)).toEqual(["nginx:1.25", "nginx:1.25"]);
    expect(revision(h)).toBe("3");
    expect(h.ok("kubectl rollout history deploy/web")).toContain(
      "REVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n",
    );
  });

  it("undo --to-revision picks a revision; the current one is skipped; a missing one is an error", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout undo deploy/web --to-revision=2")).toBe(
      "deployment.apps/web skipped rollback (current template already matches revision 2)\n",
    );
    expect(h.fails("kubectl rollout undo deploy/web --to-revision=7")).toBe(
      "error: unable to find specified revision 7 in history\n",
    );
    expect(h.ok("kubectl rollout undo deploy/web --to-revision=1")).toBe("deployment.apps/web rolled back\n");
  });

  it("history --revision shows that revision's pod template; undo with one revision has nothing to go back to", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout history deploy/web --revision=1")).toContain("Image:\tnginx:1.25");
    expect(h.fails("kubectl rollout history deploy/web --revision=5")).toBe(
      "error: unable to find the specified revision\n",
    );
    const single = harness();
    single.ok("kubectl create deployment web --image=nginx");
    expect(single.fails("kubectl rollout undo deploy/web")).toBe(
      'error: no rollout history found for deployment "web"\n',
    );
  });

  it("status reports a finished rollout", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout status deploy/web")).toBe('deployment "web" successfully rolled out\n');
  });
});
