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
