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
