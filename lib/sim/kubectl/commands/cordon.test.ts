import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl cordon and uncordon", () => {
  it("stops scheduling onto a cordoned node but leaves its pods running", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    expect(h.ok("kubectl cordon worker-2")).toBe("node/worker-2 cordoned\n");
    expect(h.ok("kubectl get nodes")).toMatch(/worker-2\s+Ready,SchedulingDisabled/);
    const onWorker2 = h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-2").length;
    expect(onWorker2).toBeGreaterThan(0);
    h.ok("kubectl scale deployment web --replicas=6");
    expect(h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-2")).toHaveLength(onWorker2);
    expect(h.ok("kubectl uncordon worker-2")).toBe("node/worker-2 uncordoned\n");
  });
});
