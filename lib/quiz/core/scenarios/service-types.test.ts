import { describe, expect, it } from "vitest";
import type { SingleQuestion } from "../kinds/single";
import { externalNameLookup, loadBalancerNodePort, loadBalancerPending } from "./service-types";

// Each scenario's answer is computed by the simulator; these tests hold it to Kubernetes' rules
// ("Service" in the Kubernetes documentation; the DNS specification, section 2.5).
const rightText = (q: SingleQuestion) => q.options.find((o) => o.id === q.answer)!.text;
const SEEDS = [1, 2, 3, 17, 4242];

describe("service type scenarios", () => {
  it("loadbalancer-pending: with no load balancer controller, EXTERNAL-IP is <pending>", () => {
    for (const seed of SEEDS) expect(rightText(loadBalancerPending.build(seed) as SingleQuestion)).toBe("<pending>");
  });

  it("loadbalancer-node-port: a pending LoadBalancer Service still answers on its node port from outside", () => {
    for (const seed of SEEDS) {
      const q = loadBalancerNodePort.build(seed) as SingleQuestion;
      expect(rightText(q)).toBe("One of the pods answers with its name");
      // The port asked about is in the default node port range.
      const port = Number(/:(\d+)\/`/.exec(q.prompt)?.[1]);
      expect(port).toBeGreaterThanOrEqual(30000);
      expect(port).toBeLessThanOrEqual(32767);
    }
  });

  it("externalname-lookup: the name is a CNAME to spec.externalName", () => {
    for (const seed of SEEDS)
      expect(rightText(externalNameLookup.build(seed) as SingleQuestion)).toMatch(/^A CNAME to /);
  });

  it("builds the same question from the same seed", () => {
    for (const t of [loadBalancerPending, loadBalancerNodePort, externalNameLookup])
      expect(t.build(5)).toEqual(t.build(5));
  });
});
