import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl pkg/cmd/set/set_image.go (Kubernetes v1.31).

describe("kubectl set image", () => {
  it("updates a Deployment's container image, which rolls out a new ReplicaSet", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.25 --replicas=2");
    expect(h.ok("kubectl set image deploy/web nginx=nginx:1.27")).toBe("deployment.apps/web image updated\n");
    const images = h.podsNamed("web-").map((p) => p.spec.containers[0].image);
    expect(images).toEqual(["nginx:1.27", "nginx:1.27"]);
    expect(h.cluster.store.list("ReplicaSet", "default")).toHaveLength(2);
  });
  it("prints nothing when the image is already set (an empty patch is skipped)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.25");
    expect(h.ok("kubectl set image deploy/web nginx=nginx:1.25")).toBe("");
    expect(h.ok("kubectl set image deploy/web *=nginx:1.25")).toBe("");
  });
  it("answers kubectl's errors", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.25");
    expect(h.fails("kubectl set image deploy/web app=nginx:1.27")).toBe(
      'error: unable to find container named "app"\n',
    );
    expect(h.fails("kubectl set image deploy/web")).toBe("error: at least one image update is required\n");
    expect(h.fails("kubectl set image nginx=nginx:1")).toBe(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
    );
  });
});
