import { describe, expect, it } from "vitest";
import { drills, problems } from "./test-support/content-drills";

describe("the drills in content/", () => {
  it("load without problems: at least six for the ClusterIP vs Pod IP lesson", () => {
    expect(problems).toEqual([]);
    expect(drills.filter((d) => d.lesson === "cluster-ip-vs-pod-ip").length).toBeGreaterThanOrEqual(6);
  });
});
