import { describe, expect, it } from "vitest";
import { externalNameCname, headlessNoneReady, reverseLookup, srvNamedPort } from "./dns-records";
import { correctTexts, variants } from "./scenario-test-support";

// Expectations from the Kubernetes DNS-Based Service Discovery specification (kubernetes/dns,
// docs/specification.md), stated independently of the simulator that computes the answers.
describe("DNS record scenarios", () => {
  it("srv-named-port: one SRV record with the Service's port and name, not the targetPort (spec 2.3.2)", () => {
    for (const q of variants(srvNamedPort)) {
      const port = /\(port (\d+), targetPort 8080\)/.exec(q.prompt)![1];
      const app = /^Service (\S+) has/.exec(q.prompt)![1];
      expect(correctTexts(q), q.prompt).toEqual([`One record: port ${port}, target ${app}.default.svc.cluster.local`]);
      expect(q.evidence![0].output).toContain(`service = 0 100 ${port} ${app}.default.svc.cluster.local.`);
    }
  });

  it("reverse-lookup: a ClusterIP points to its Service, a headless endpoint to its name under the Service (2.3.3, 2.4.3)", () => {
    const kinds = new Set<string>();
    for (const q of variants(reverseLookup)) {
      const address = /nslookup (\S+)`/.exec(q.prompt)![1];
      const app = /Service ([a-z-]+)/.exec(q.prompt)![1];
      const headless = q.prompt.includes("is headless");
      kinds.add(String(headless));
      const service = `${app}.default.svc.cluster.local`;
      expect(correctTexts(q)).toEqual([headless ? `${address.replace(/\./g, "-")}.${service}` : service]);
    }
    expect(kinds).toEqual(new Set(["true", "false"]));
  });

  it("externalname-cname: a CNAME to the external name, followed to its address (spec 2.5)", () => {
    for (const q of variants(externalNameCname)) {
      const target = /externalName: (\S+)\./.exec(q.prompt)![1];
      expect(correctTexts(q)).toEqual([`A CNAME to ${target}, then ${target}'s own address`]);
      expect(q.evidence![0].output).toContain(`canonical name = ${target}.`);
    }
  });

  it("headless-none-ready: NXDOMAIN when a headless Service has no ready endpoint (spec 2.4.1)", () => {
    for (const q of variants(headlessNoneReady))
      expect(correctTexts(q)).toEqual(["NXDOMAIN: the name does not exist while no endpoint is ready"]);
  });
});
