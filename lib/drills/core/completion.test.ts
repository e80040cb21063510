import { describe, expect, it } from "vitest";
import { commonPrefix, completionCandidates } from "./completion";
import { cluster } from "./test-support/web-cluster";

describe("Tab completion in the drill terminal", () => {
  const sim = cluster();
  const complete = (line: string) => completionCandidates(sim.cluster, ["web-typo.yaml"], line);
  it("completes programs, kubectl commands and resource types", () => {
    expect(complete("kub")).toEqual({ prefix: "kub", candidates: ["kubectl"] });
    expect(complete("kubectl ex").candidates).toEqual(["exec", "expose"]);
    expect(complete("kubectl get endpointsl").candidates).toEqual(["endpointslices"]);
  });
  it("completes object names after a type, pods after exec, nodes after drain, files after -f and cat", () => {
    expect(complete("kubectl delete svc w").candidates).toEqual(["web"]);
    expect(complete("kubectl exec cl").candidates).toEqual(["client"]);
    expect(complete("kubectl exec web").candidates).toHaveLength(2);
    expect(complete("kubectl drain w").candidates).toEqual(["worker-1", "worker-2"]);
    expect(complete("kubectl apply -f w").candidates).toEqual(["web-typo.yaml"]);
    expect(complete("cat ").candidates).toEqual(["web-typo.yaml"]);
  });
  it("offers nothing where nothing fits", () => {
    expect(complete("kubectl get pods --sel").candidates).toEqual([]);
    expect(complete("frobnicate x").candidates).toEqual([]);
  });
  it("finds the common start of several candidates", () => {
    expect(commonPrefix(["worker-1", "worker-2"])).toBe("worker-");
    expect(commonPrefix([])).toBe("");
  });
});
