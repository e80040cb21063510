import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuery } from "../dns";
import { harness } from "../test-support/harness";
import { CURL_CLIENT } from "../test-support/manifests";

const fixtures = path.join(__dirname, "../test-fixtures");
const files = Object.fromEntries(
  fs.readdirSync(fixtures).map((f) => [f, fs.readFileSync(path.join(fixtures, f), "utf8")]),
);

describe("applying typical Deployment + Service manifests", () => {
  it("guestbook front end: three ready pods behind a fixed NodePort, reachable from outside through every node", () => {
    const h = harness({}, files);
    expect(h.ok("kubectl apply -f guestbook.yaml")).toBe(
      "deployment.apps/frontend created\nservice/frontend created\n",
    );
    expect(h.ok("kubectl get deployment frontend")).toMatch(/frontend\s+3\/3\s+3\s+3/);
    expect(h.ok("kubectl get svc frontend")).toMatch(/frontend\s+NodePort\s+\S+\s+<none>\s+80:30500\/TCP/);
    const slice = h.cluster.store.slicesFor("default", "frontend")[0];
    expect(slice.ports).toEqual([{ name: "http", port: 80, protocol: "TCP" }]);
    expect(slice.endpoints.filter((e) => e.conditions.ready)).toHaveLength(3);
    for (const node of h.cluster.nodes())
      expect(h.ok(`curl -sS ${h.cluster.nodeIP(node)}:30500`)).toMatch(/^frontend-/);
    // Applying the same file again changes nothing.
    expect(h.ok("kubectl apply -f guestbook.yaml")).toBe(
      "deployment.apps/frontend unchanged\nservice/frontend unchanged\n",
    );
  });

  it("redis in its own namespace: matchExpressions selector, non-HTTP port, reached by <service>.<namespace>", () => {
    const h = harness({}, files);
    expect(h.ok("kubectl apply -f redis.yaml")).toBe(
      "namespace/data created\ndeployment.apps/redis created\nservice/redis-leader created\n",
    );
    expect(h.podsNamed("redis-", "data")).toHaveLength(1);
    const ip = h.cluster.store.get("Service", "data", "redis-leader")!.spec.clusterIP!;
    h.ok(CURL_CLIENT);
    expect(h.ok("kubectl exec client -- nslookup redis-leader.data")).toContain(`Address: ${ip}`);
    expect(h.fails("kubectl exec client -- nslookup redis-leader")).toContain("NXDOMAIN");
    expect(h.ok("kubectl get endpoints redis-leader -n data")).toContain(`${h.ipsOf("redis-", "data")[0]}:6379`);
  });

  it("peers: a headless Service lists every pod in DNS and SRV; the affinity Service keeps a client on one pod", () => {
    const h = harness({}, files);
    h.ok("kubectl apply -f stateful-peers.yaml");
    const a = answerQuery(h.cluster, "peers.default.svc.cluster.local");
    expect(a.rcode === "NOERROR" ? a.records.map((r) => (r.type === "A" ? r.address : "")).sort() : []).toEqual(
      h.ipsOf("peers-"),
    );
    const srv = answerQuery(h.cluster, "_gossip._tcp.peers.default.svc.cluster.local", "SRV");
    expect(srv.rcode === "NOERROR" ? srv.records.map((r) => (r.type === "SRV" ? r.port : 0)) : []).toEqual([
      7946, 7946, 7946,
    ]);
    h.ok(CURL_CLIENT);
    const served = new Set(
      Array.from({ length: 10 }, () => h.ok("kubectl exec client -- curl -sS peers-api:8080/hostname")),
    );
    expect(served.size).toBe(1);
  });

  it("echo behind a LoadBalancer with a requested ClusterIP and externalTrafficPolicy Local", () => {
    const h = harness({ loadBalancerPool: "172.18.255.0/28", workers: 3 }, files);
    h.ok("kubectl apply -f echo-lb.yaml");
    expect(h.ok("kubectl get svc echo -o jsonpath='{.spec.clusterIP} {.status.loadBalancer.ingress[0].ip}'")).toBe(
      "10.96.100.100 172.18.255.1",
    );
    expect(h.ok("curl -sS 172.18.255.1")).toMatch(/^echo-/);
    const nodePort = h.ok("kubectl get svc echo -o jsonpath={.spec.ports[0].nodePort}");
    const withPods = new Set(h.podsNamed("echo-").map((p) => p.spec.nodeName));
    const empty = h.cluster.nodes().find((n) => !withPods.has(n.metadata.name) && n.metadata.name !== "control-plane");
    expect(empty, "three workers, two pods: one worker runs none").toBeDefined();
    expect(h.fails(`curl -sS --max-time 1 ${h.cluster.nodeIP(empty!)}:${nodePort}`)).toContain("timed out");
  });

  it("deletes everything a file created with delete -f", () => {
    const h = harness({}, files);
    h.ok("kubectl apply -f guestbook.yaml");
    expect(h.ok("kubectl delete -f guestbook.yaml")).toBe(
      `deployment.apps "frontend" deleted\nservice "frontend" deleted\n`,
    );
    h.ok("kubectl get pods");
    expect(h.ok("kubectl get pods")).toBe("No resources found in default namespace.\n");
  });

  it("reports a missing file and YAML errors kubectl-style", () => {
    const h = harness({}, { "broken.yaml": "apiVersion: v1\nkind: Service\nmetadata: [\n" });
    expect(h.fails("kubectl apply -f nothere.yaml")).toBe('error: the path "nothere.yaml" does not exist\n');
    expect(h.fails("kubectl apply -f broken.yaml")).toMatch(/^error: error parsing broken\.yaml/);
  });
});
