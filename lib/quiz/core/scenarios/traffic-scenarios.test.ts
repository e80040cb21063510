import { describe, expect, it } from "vitest";
import { allUnreadyRefused, publishNotReady, readinessFailsEndpoint } from "./endpoint-readiness";
import { affinityEndpointDeleted, clientIPAffinity, ipvsRoundRobin, ipvsRoundRobinWraps } from "./proxy-modes";
import type { ScenarioDraft, ScenarioTemplate } from "./template";
import { etpLocalBusyNode, etpLocalClusterIP, etpLocalIdleNode } from "./traffic-policy";

const SEEDS = [1, 2, 3, 17, 4242];

/** The text of the one option the simulator's run marked right. */
function rightText(q: ScenarioDraft): string {
  if (q.kind === "multiple") throw new Error("these scenarios ask single or true-false questions");
  return q.options.find((o) => o.id === q.answer)!.text;
}

function eachSeed(template: ScenarioTemplate, check: (q: ScenarioDraft, seed: number) => void) {
  for (const seed of SEEDS) check(template.build(seed), seed);
}

// Each expectation is the upstream rule, not what one seed happened to give.
describe("module 3 scenarios hold the simulator to Kubernetes behaviour", () => {
  it("readiness-fails-endpoint: a pod failing its readiness probe stays in the slice with ready false (staging/src/k8s.io/endpointslice/utils.go)", () => {
    eachSeed(readinessFailsEndpoint, (q) => expect(rightText(q)).toMatch(/is still listed, with ready: false$/));
  });

  it("all-unready-refused: no ready (and no terminating) endpoint means kube-proxy rejects (pkg/proxy/iptables/proxier.go REJECT)", () => {
    eachSeed(allUnreadyRefused, (q) => expect(rightText(q)).toBe("The connection is refused at once"));
  });

  it("publish-not-ready: publishNotReadyAddresses marks every endpoint ready, so DNS lists every pod", () => {
    eachSeed(publishNotReady, (q) => expect(rightText(q)).toMatch(/^\d: one per pod, ready or not$/));
  });

  it("ipvs-round-robin: the rr scheduler gives n connections to n different pods", () => {
    eachSeed(ipvsRoundRobin, (q) => expect(rightText(q)).toMatch(/each connection goes to the next pod in turn$/));
  });

  it("ipvs-round-robin-wraps: connection n+1 returns to the first pod", () => {
    eachSeed(ipvsRoundRobinWraps, (q) => expect(rightText(q)).toBe("True"));
  });

  it("client-ip-affinity: every connection from one client IP reaches one pod (virtual-ips docs, session affinity)", () => {
    eachSeed(clientIPAffinity, (q) => expect(rightText(q)).toBe("One: the pod the first connection reached"));
  });

  it("affinity-endpoint-deleted: a deleted endpoint is not kept; the client is balanced again", () => {
    eachSeed(affinityEndpointDeleted, (q) => {
      expect(rightText(q)).toBe("Another ready pod answers, and the client sticks to it from now on");
      // The evidence shows a pod answering that is not the deleted one.
      const [deletion, after] = q.evidence ?? [];
      expect(after.output.trim()).not.toBe(deletion.command.replace("kubectl delete pod ", ""));
    });
  });

  it("etp-local-idle-node: external traffic to a node without local endpoints is dropped (proxier.go DROP, has no local endpoints)", () => {
    eachSeed(etpLocalIdleNode, (q) => expect(rightText(q)).toBe("The connection hangs until it times out"));
  });

  it("etp-local-busy-node: a node with a local endpoint serves the connection with that pod", () => {
    eachSeed(etpLocalBusyNode, (q) => {
      expect(rightText(q)).toMatch(/^\S+ answers$/);
      expect(q.evidence?.[0].output.trim()).toBe(rightText(q).replace(" answers", ""));
    });
  });

  it("etp-local-cluster-ip: externalTrafficPolicy does not limit ClusterIP traffic", () => {
    eachSeed(etpLocalClusterIP, (q) => expect(rightText(q)).toMatch(/^\S+ answers$/));
  });

  it("builds the same question from the same seed", () => {
    for (const t of [readinessFailsEndpoint, ipvsRoundRobin, affinityEndpointDeleted, etpLocalIdleNode])
      expect(t.build(7)).toEqual(t.build(7));
  });
});
