import { describe, expect, it } from "vitest";
import { harness } from "../../sim/test-support/harness";
import { resolvePlaceholders } from "./placeholders";
import { DrillError } from "./types";

describe("drill placeholders", () => {
  it("podNodeIP is the InternalIP of the node the n-th pod runs on (the pod's status.hostIP)", () => {
    const h = harness({ workers: 3 });
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const pods = h.podsNamed("web-");
    for (const [n, pod] of pods.entries()) {
      const node = h.cluster.store.get("Node", undefined, pod.spec.nodeName!)!;
      expect(resolvePlaceholders(h.cluster, `{{podNodeIP:web:${n}}}`)).toBe(h.cluster.nodeIP(node));
    }
    // n defaults to 0, as for the other per-pod placeholders.
    expect(resolvePlaceholders(h.cluster, "{{podNodeIP:web}}")).toBe(
      resolvePlaceholders(h.cluster, `{{nodeIP:${pods[0].spec.nodeName}}}`),
    );
  });

  it("podNodeIP names the missing pod when there is none", () => {
    const h = harness();
    expect(() => resolvePlaceholders(h.cluster, "{{podNodeIP:web:0}}")).toThrow(DrillError);
  });
});
