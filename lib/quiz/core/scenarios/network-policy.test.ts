import { describe, expect, it } from "vitest";
import type { MultipleQuestion } from "../kinds/multiple";
import type { SingleQuestion } from "../kinds/single";
import { findScenario } from ".";
import type { ScenarioDraft } from "./template";

// Each NetworkPolicy scenario is built for several seeds (which pick its variant) and its computed
// answer is held to the upstream rule it teaches (kubernetes.io/docs/concepts/services-networking/
// network-policies/, staging/src/k8s.io/api/networking/v1/types.go).

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const build = (id: string, seed: number) => findScenario(id)!.build(seed);
const rightTexts = (q: ScenarioDraft) =>
  q.kind === "multiple"
    ? (q as MultipleQuestion).options.filter((o) => (q as MultipleQuestion).answer.includes(o.id)).map((o) => o.text)
    : [(q as SingleQuestion).options.find((o) => o.id === (q as SingleQuestion).answer)!.text];
const file = (q: ScenarioDraft, name: string) => q.context!.find((c) => c.command === `cat ${name}`)!.output;

const ANSWERED = "One of the pods answers with its name";
const TIMEOUT = "The connection hangs until it times out";

/** Runs `check` on every seed and asserts that both variants of the scenario came up. */
function eachVariant(id: string, check: (q: ScenarioDraft) => string) {
  const variants = new Set(SEEDS.map((seed) => check(build(id, seed))));
  expect(variants.size, `${id} variants`).toBeGreaterThan(1);
}

describe("NetworkPolicy scenarios", () => {
  it("default deny: isolates the pods of the policy's own namespace only", () => {
    eachVariant("netpol-default-deny", (q) => {
      const elsewhere = file(q, "deny.yaml").includes("namespace: team-b");
      expect(rightTexts(q)).toEqual([elsewhere ? ANSWERED : TIMEOUT]);
      return String(elsewhere);
    });
  });

  it("additive: only the client an allow policy names gets through a deny-all", () => {
    eachVariant("netpol-additive", (q) => {
      const allowed = /role: (\w+)\n$/.exec(file(q, "allow.yaml"))![1];
      expect(rightTexts(q)).toEqual([`${allowed} (role=${allowed})`]);
      return allowed;
    });
  });

  it("policyTypes: [Egress] leaves ingress open; left out, it defaults to Ingress and blocks", () => {
    eachVariant("netpol-policy-types", (q) => {
      const egressOnly = file(q, "lockdown.yaml").includes("- Egress");
      expect(rightTexts(q)).toEqual([egressOnly ? ANSWERED : TIMEOUT]);
      expect(q.evidence![1].output).toBe(egressOnly ? '["Egress"]' : '["Ingress"]');
      return String(egressOnly);
    });
  });

  it("ports: the rule must name the pod's port (8080 or its name http), not the Service port 80", () => {
    eachVariant("netpol-port-after-dnat", (q) => {
      const port = /port: (\S+)\n$/.exec(file(q, "policy.yaml"))![1];
      expect(rightTexts(q)).toEqual([port === "80" ? TIMEOUT : ANSWERED]);
      return port;
    });
  });

  it("peers: one peer with both selectors is AND, two peers are OR", () => {
    eachVariant("netpol-and-or-peers", (q) => {
      const together = file(q, "policy.yaml").includes("monitoring\n      podSelector");
      expect(rightTexts(q).sort()).toEqual(
        together
          ? ["prometheus in monitoring (role=scraper)"]
          : [
              "debug in monitoring (role=debug)",
              "prometheus in monitoring (role=scraper)",
              "scraper in default (role=scraper)",
            ],
      );
      return String(together);
    });
  });

  it("namespaces: kubernetes.io/metadata.name matches by name; a hand-made name label does not exist", () => {
    eachVariant("netpol-namespace-label", (q) => {
      const byName = file(q, "policy.yaml").includes("kubernetes.io/metadata.name");
      expect(rightTexts(q)).toEqual([byName ? ANSWERED : TIMEOUT]);
      return String(byName);
    });
  });

  it("DNS: egress isolation without a DNS rule makes nslookup time out; allowing kube-dns fixes it", () => {
    eachVariant("netpol-dns-egress", (q) => {
      const withDns = q.context!.some((c) => c.command === "cat allow-dns.yaml");
      expect(rightTexts(q)[0]).toMatch(withDns ? /ClusterIP, 10\.\d+\.\d+\.\d+$/ : /^;; connection timed out/);
      return String(withDns);
    });
  });

  it("egress to a Service: a podSelector for the backends works, an ipBlock of the service CIDR does not", () => {
    eachVariant("netpol-egress-to-service", (q) => {
      const byPods = file(q, "allow-app.yaml").includes("podSelector:\n        matchLabels");
      expect(rightTexts(q)).toEqual([byPods ? ANSWERED : TIMEOUT]);
      return String(byPods);
    });
  });

  it("ipBlock with except: the internet answers, the cluster's pods (inside 10.0.0.0/8) do not", () => {
    for (const seed of SEEDS.slice(0, 3)) {
      expect(rightTexts(build("netpol-egress-ipblock", seed)).sort()).toEqual([
        "curl -s http://example.com (a site on the internet)",
        "curl -s http://kubernetes.io (another site on the internet)",
      ]);
    }
  });
});
