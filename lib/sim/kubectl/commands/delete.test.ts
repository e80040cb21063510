import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl delete namespace", () => {
  it("deletes the events in the namespace with it (the namespace controller deletes all its content)", () => {
    const h = harness();
    h.ok("kubectl create namespace team");
    h.ok("kubectl run app -n team --image=nginx");
    expect(h.events("team").length).toBeGreaterThan(0);
    h.ok("kubectl delete namespace team");
    expect(h.events("team")).toEqual([]);
    expect(h.ok("kubectl get events -n team")).toBe("No resources found in team namespace.\n");
  });
});
