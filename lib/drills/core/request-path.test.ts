import { describe, expect, it } from "vitest";
import { createCluster } from "../../sim";
import { lastRequest } from "../../sim/shell/http-client";
import { CURL_CLIENT, echoDeployment } from "../../sim/test-support/manifests";
import { requestPath } from "./request-path";
import { cluster } from "./test-support/web-cluster";

const pathOf = (sim: ReturnType<typeof createCluster>) => requestPath(sim.cluster, lastRequest(sim.cluster)!)!;

describe("the last request's path, as the cluster view draws it", () => {
  it("draws client → Service → pod with addresses, and names iptables' random rule rather than the pod", () => {
    const sim = cluster();
    const clusterIP = sim.run("kubectl get svc web -o jsonpath={.spec.clusterIP}").output.trim();
    sim.run("kubectl exec client -- curl -s web");
    const path = pathOf(sim);
    expect(path.hops.map((h) => h.kind)).toEqual(["client", "service", "pod"]);
    expect(path.hops[0]).toMatchObject({ label: "pod client", detail: expect.stringMatching(/^10\.244\./) });
    expect(path.hops[1]).toEqual({ kind: "service", label: "Service web (ClusterIP)", detail: `${clusterIP}:80` });
    expect(path.hops[2].detail).toMatch(/^10\.244\.\d+\.\d+:80$/);
    expect(path.rule).toBe(
      "kube-proxy (iptables) picked one of 2 endpoints at random, each with probability 1/2; another connection may get another pod.",
    );
    // A pod's ClusterIP traffic keeps its source: no SNAT to show.
    expect(path.rewrittenSource).toBeNull();
  });

  it("says round robin in IPVS mode and the sticky endpoint under ClientIP affinity", () => {
    const ipvs = createCluster({ seed: 3, proxyMode: "ipvs" });
    ipvs.run(echoDeployment("web", 3));
    ipvs.run("kubectl expose deployment web --port=80");
    ipvs.run(CURL_CLIENT);
    ipvs.run("kubectl exec client -- curl -s web");
    expect(pathOf(ipvs).rule).toBe("kube-proxy (IPVS, round robin) sent it to the next of 3 endpoints in turn.");

    const sticky = cluster();
    sticky.run(`kubectl patch svc web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    sticky.run("kubectl exec client -- curl -s web");
    const first = pathOf(sticky);
    expect(first.rule).toMatch(/at random/);
    sticky.run("kubectl exec client -- curl -s web");
    const second = pathOf(sticky);
    expect(second.pod).toBe(first.pod);
    expect(second.rule).toBe(
      "sessionAffinity ClientIP: kube-proxy sent this client to the same endpoint as its last connection.",
    );
  });

  it("shows the node's address as the source seen through a NodePort, and the Local policy that narrows the choice", () => {
    const sim = cluster();
    sim.run('kubectl patch svc web -p \'{"spec":{"type":"NodePort"}}\'');
    const nodePort = sim.run("kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}").output.trim();
    const node = sim.run("kubectl get pods -l app=web -o jsonpath={.items[0].spec.nodeName}").output.trim();
    const nodeIP = sim
      .run(`kubectl get node ${node} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'`)
      .output.trim();
    sim.run(`curl -s ${nodeIP}:${nodePort}`);
    const masqueraded = pathOf(sim);
    expect(masqueraded.hops[1]).toMatchObject({ label: "Service web (node port)", detail: `${nodeIP}:${nodePort}` });
    // externalTrafficPolicy Cluster: masqueraded to the node that took the packet (or the node's own address on its way).
    expect(masqueraded.rewrittenSource).not.toBeNull();
    expect(masqueraded.summary).toMatch(/The pod saw the request come from \S+ \(SNAT\)$/);

    sim.run('kubectl patch svc web -p \'{"spec":{"externalTrafficPolicy":"Local"}}\'');
    sim.run(`curl -s ${nodeIP}:${nodePort}`);
    const local = pathOf(sim);
    expect(local.rule).toMatch(new RegExp(`externalTrafficPolicy: Local kept it to endpoints on ${node}\\.$`));
    expect(local.rewrittenSource).toBeNull();
  });

  it("says a pod IP needs no rule, and draws a failure as the last box with its reason", () => {
    const sim = cluster();
    const podIP = sim.run("kubectl get pods -l app=web -o jsonpath={.items[0].status.podIP}").output.trim();
    sim.run(`kubectl exec client -- curl -s ${podIP}`);
    const direct = pathOf(sim);
    expect(direct.hops.map((h) => h.kind)).toEqual(["client", "pod"]);
    expect(direct.rule).toBe("Straight to the pod's own address: no Service, so no kube-proxy rule chose it.");

    sim.run("kubectl scale deployment web --replicas=0");
    sim.run("kubectl exec client -- curl -s --max-time 1 web");
    const refused = pathOf(sim);
    expect(refused.result).toBe("refused");
    expect(refused.hops.at(-1)).toEqual({
      kind: "failure",
      label: "refused",
      detail: "service default/web has no ready endpoints",
    });
    expect(refused.rule).toBeNull();
  });
});
