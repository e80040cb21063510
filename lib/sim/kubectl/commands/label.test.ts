import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl label", () => {
  it("labels pods, which moves them in and out of a Service", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    const [pod] = h.podsNamed("web-");
    expect(h.ok(`kubectl label pod ${pod.metadata.name} app=debug --overwrite`)).toBe(
      `pod/${pod.metadata.name} labeled\n`,
    );
    // The ReplicaSet no longer owns a matching pod, so it makes a new one; the Service drops the relabelled pod.
    const endpoints = h.cluster.store.slicesFor("default", "web")[0].endpoints.map((e) => e.addresses[0]);
    expect(endpoints).not.toContain(pod.status.podIP);
    expect(h.podsNamed("web-")).toHaveLength(3);
  });
});
