import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

describe("real kinds the simulator does not model", () => {
  it("says so for a real resource type, by name or short name, instead of claiming the server lacks it", () => {
    const h = harness();
    for (const line of ["kubectl get configmaps", "kubectl get cm", "kubectl describe job x", "kubectl get pvc"])
      expect(h.fails(line)).toMatch(
        /^error: (ConfigMap|Job|PersistentVolumeClaim) objects exist in every real cluster/,
      );
  });

  it("keeps kubectl's own answer for a type no cluster has", () => {
    expect(harness().fails("kubectl get foos")).toBe('error: the server doesn\'t have a resource type "foos"\n');
  });

  it("says so for a manifest of such a kind, and keeps kubectl's CRD answer for an unknown kind", () => {
    const h = harness({}, { "cm.yaml": configMap, "crd.yaml": configMap.replace("kind: ConfigMap", "kind: Widget") });
    expect(h.fails("kubectl apply -f cm.yaml")).toMatch(/^error: ConfigMap objects exist in every real cluster/);
    expect(h.fails("kubectl apply -f crd.yaml")).toContain('no matches for kind "Widget" in version "v1"');
  });
});
