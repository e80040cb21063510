import { describe, expect, it } from "vitest";
import { type Client, connect } from "./network";
import { updateService } from "./service-api";
import { type Harness, harness } from "./test-support/harness";
import { serviceYaml } from "./test-support/manifests";
import type { ClusterOptions } from "./types";

// Traffic policies and source NAT as kube-proxy programs them: pkg/proxy/iptables/proxier.go
// (internalTrafficPolicy/externalTrafficPolicy chains, "short-circuit pod traffic", "masquerade local
// traffic", REJECT when a Service has no endpoints, DROP when it has no local ones) and the kube-proxy
// configuration reference (iptables.localhostNodePorts, default true; never in IPVS mode).

/** A pod pinned to a node, running `image`; host-network when asked. */
const podOn = (name: string, node: string, options: { hostNetwork?: boolean; image?: string } = {}) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: ${node}
  hostNetwork: ${options.hostNetwork ?? false}
  containers:
    - { name: main, image: ${options.image ?? "busybox"}, command: ["sleep", "3600"] }
`;

/** One web pod (on whichever node the scheduler picks) behind a Service with the given spec lines. */
function oneWebPod(spec: string, options: ClusterOptions = {}) {
  const h = harness(
    { workers: 2, loadBalancerPool: "172.18.255.0/24", ...options },
    {
      "svc.yaml": serviceYaml(
        "web",
        `  selector: { app: web }\n${spec}  ports:\n    - port: 80\n${spec.includes("type:") ? "      nodePort: 30080\n" : ""}`,
      ),
      "on-1.yaml": podOn("client-1", "worker-1"),
      "on-2.yaml": podOn("client-2", "worker-2"),
      "host-1.yaml": podOn("host-1", "worker-1", { hostNetwork: true }),
      "host-2.yaml": podOn("host-2", "worker-2", { hostNetwork: true }),
    },
  );
  h.ok("kubectl create deployment web --image=nginx --replicas=1");
  h.ok("kubectl apply -f svc.yaml");
  for (const f of ["on-1.yaml", "on-2.yaml", "host-1.yaml", "host-2.yaml"]) h.ok(`kubectl apply -f ${f}`);
  const [web] = h.podsNamed("web-");
  const podNode = web.spec.nodeName!;
  const idleNode = podNode === "worker-1" ? "worker-2" : "worker-1";
  const suffix = (node: string) => node.slice(-1);
  return {
    h,
    web,
    podNode,
    idleNode,
    client: (node: string): Client => ({ kind: "pod", pod: h.podsNamed(`client-${suffix(node)}`)[0] }),
    host: (node: string): Client => ({ kind: "pod", pod: h.podsNamed(`host-${suffix(node)}`)[0] }),
    nodeIP: (node: string) => h.cluster.nodeIP(h.cluster.store.get("Node", undefined, node)!),
    clusterIP: h.cluster.store.get("Service", "default", "web")!.spec.clusterIP!,
  };
}

const outside: Client = { kind: "outside" };
const lbIP = (h: Harness) => h.cluster.store.get("Service", "default", "web")!.status.loadBalancer.ingress![0].ip;

describe("localhost", () => {
  it("inside a pod reaches the pod's own containers: they share one network namespace", () => {
    const sidecar = `apiVersion: v1
kind: Pod
metadata: { name: two }
spec:
  containers:
    - { name: web, image: nginx }
    - { name: tools, image: busybox, command: ["sleep", "3600"] }
`;
    const h = harness({}, { "two.yaml": sidecar });
    h.ok("kubectl apply -f two.yaml");
    // Both images are pulled (untagged: Always), one after the other.
    h.ok("kubectl wait --for=condition=Ready pod/two");
    // The busybox sidecar reaches nginx in the other container of its pod.
    expect(h.ok("kubectl exec two -c tools -- wget -qO- http://localhost")).toContain("<h1>Welcome to nginx!</h1>");
    expect(h.ok("kubectl exec two -c tools -- wget -qO- http://127.0.0.1:80/")).toContain("Welcome to nginx!");
    // Nothing in the pod listens on 8080: the pod's own loopback refuses it.
    expect(h.fails("kubectl exec two -c tools -- wget -qO- http://127.0.0.1:8080")).toContain("Connection refused");
  });

  it("inside a pod is not the node: a NodePort on 127.0.0.1 is refused there", () => {
    const { h } = oneWebPod("  type: NodePort\n");
    expect(h.fails("kubectl exec client-1 -- wget -qO- http://127.0.0.1:30080")).toContain("Connection refused");
  });

  it("on a node, 127.0.0.1:NodePort works in iptables mode (localhostNodePorts defaults to true) and is masqueraded", () => {
    const { h, host, nodeIP } = oneWebPod("  type: NodePort\n");
    const result = connect(h.cluster, host("worker-1"), "127.0.0.1", 30080);
    expect(result).toMatchObject({ ok: true, clientIP: nodeIP("worker-1") });
    expect(h.ok("kubectl exec host-1 -- wget -qO- http://127.0.0.1:30080")).toContain("Welcome to nginx!");
  });

  it("on a node, 127.0.0.1:NodePort is refused in IPVS mode (localhost NodePorts are never allowed there)", () => {
    const { h, host, nodeIP } = oneWebPod("  type: NodePort\n", { proxyMode: "ipvs" });
    expect(connect(h.cluster, host("worker-1"), "127.0.0.1", 30080)).toMatchObject({ ok: false, error: "refused" });
    // The node's own address still takes the NodePort.
    expect(connect(h.cluster, host("worker-1"), nodeIP("worker-1"), 30080)).toMatchObject({ ok: true });
  });
});

describe("internalTrafficPolicy: Local", () => {
  it("keeps ClusterIP traffic on the client's node, and drops it where the node has no endpoint", () => {
    const { h, web, podNode, idleNode, client, clusterIP } = oneWebPod("  internalTrafficPolicy: Local\n");
    expect(connect(h.cluster, client(podNode), clusterIP, 80)).toMatchObject({ ok: true, ip: web.status.podIP });
    const dropped = connect(h.cluster, client(idleNode), clusterIP, 80);
    expect(dropped).toMatchObject({ ok: false, error: "timeout" });
    expect(dropped.ok ? "" : dropped.reason).toContain("no local endpoints");
  });

  it("is REJECTed, not dropped, when the Service has no endpoints at all", () => {
    const { h, idleNode, client, clusterIP } = oneWebPod("  internalTrafficPolicy: Local\n");
    h.ok("kubectl scale deployment web --replicas=0");
    h.ok("sleep 5");
    expect(connect(h.cluster, client(idleNode), clusterIP, 80)).toMatchObject({ ok: false, error: "refused" });
  });
});

describe("externalTrafficPolicy on a NodePort", () => {
  it("Cluster: every node answers and the pod sees the receiving node's address (masquerade)", () => {
    const { h, idleNode, nodeIP } = oneWebPod("  type: NodePort\n");
    expect(connect(h.cluster, outside, nodeIP(idleNode), 30080)).toMatchObject({
      ok: true,
      clientIP: nodeIP(idleNode),
    });
  });

  it("Local: only a node with a local endpoint answers from outside, and the client's address is kept", () => {
    const { h, podNode, idleNode, nodeIP } = oneWebPod("  type: NodePort\n  externalTrafficPolicy: Local\n");
    expect(connect(h.cluster, outside, nodeIP(podNode), 30080)).toMatchObject({
      ok: true,
      clientIP: h.cluster.outsideHostIP,
    });
    expect(connect(h.cluster, outside, nodeIP(idleNode), 30080)).toMatchObject({ ok: false, error: "timeout" });
  });

  it("Local: traffic from a pod is short-circuited to every endpoint, even through a node with none, source kept", () => {
    const { h, idleNode, client, nodeIP } = oneWebPod("  type: NodePort\n  externalTrafficPolicy: Local\n");
    const from = client(idleNode);
    expect(connect(h.cluster, from, nodeIP(idleNode), 30080)).toMatchObject({
      ok: true,
      clientIP: from.kind === "pod" ? from.pod.status.podIP : "",
    });
  });

  it("Local: traffic from the node itself is masqueraded and sent to every endpoint; another node's is not local", () => {
    const { h, idleNode, podNode, host, nodeIP } = oneWebPod("  type: NodePort\n  externalTrafficPolicy: Local\n");
    expect(connect(h.cluster, host(idleNode), nodeIP(idleNode), 30080)).toMatchObject({
      ok: true,
      clientIP: nodeIP(idleNode),
    });
    // From the pod's node to the idle node's address: it arrives there as external traffic and is dropped.
    expect(connect(h.cluster, host(podNode), nodeIP(idleNode), 30080)).toMatchObject({ ok: false, error: "timeout" });
  });
});

describe("LoadBalancer", () => {
  it("an in-cluster client reaching the LoadBalancer IP is handled on its own node (short-circuit), source kept", () => {
    const { h, idleNode, client } = oneWebPod("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
    const from = client(idleNode);
    expect(connect(h.cluster, from, lbIP(h), 80)).toMatchObject({
      ok: true,
      via: { kind: "loadbalancer" },
      clientIP: from.kind === "pod" ? from.pod.status.podIP : "",
    });
  });

  it("from outside keeps the client's address with Local and shows a node's with Cluster", () => {
    const local = oneWebPod("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
    expect(connect(local.h.cluster, outside, lbIP(local.h), 80)).toMatchObject({
      ok: true,
      clientIP: local.h.cluster.outsideHostIP,
    });
    const cluster = oneWebPod("  type: LoadBalancer\n");
    const result = connect(cluster.h.cluster, outside, lbIP(cluster.h), 80);
    expect(result.ok && cluster.h.cluster.nodes().some((n) => cluster.h.cluster.nodeIP(n) === result.clientIP)).toBe(
      true,
    );
  });

  it("gets a healthCheckNodePort from the NodePort range only with externalTrafficPolicy Local", () => {
    const { h } = oneWebPod("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
    const port = h.cluster.store.get("Service", "default", "web")!.spec.healthCheckNodePort!;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(port).not.toBe(30080);
    // Taken from the same allocator as node ports.
    expect(h.cluster.nodePorts.allocate(port)?.message).toBe("provided port is already allocated");
    expect(
      oneWebPod("  type: LoadBalancer\n").h.cluster.store.get("Service", "default", "web")!.spec,
    ).not.toHaveProperty("healthCheckNodePort");
  });

  it("kube-proxy answers the health check on every node with that node's local endpoint count", () => {
    const { h, podNode, idleNode, nodeIP } = oneWebPod("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
    const port = h.cluster.store.get("Service", "default", "web")!.spec.healthCheckNodePort;
    const healthy = h.ok(`curl -sS http://${nodeIP(podNode)}:${port}/healthz`);
    expect(JSON.parse(healthy)).toEqual({
      service: { namespace: "default", name: "web" },
      localEndpoints: 1,
      serviceProxyHealthy: true,
    });
    expect(JSON.parse(h.ok(`curl -sS http://${nodeIP(idleNode)}:${port}/healthz`)).localEndpoints).toBe(0);
    expect(h.run(`curl -sSf http://${nodeIP(idleNode)}:${port}/healthz`)).toEqual({
      output: "curl: (22) The requested URL returned error: 503\n",
      exitCode: 22,
    });
  });

  it("releases the healthCheckNodePort when the policy goes back to Cluster (dropTypeDependentFields)", () => {
    const { h } = oneWebPod("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
    const existing = h.cluster.store.get("Service", "default", "web")!;
    const port = existing.spec.healthCheckNodePort!;
    const next = structuredClone(existing);
    next.spec.externalTrafficPolicy = "Cluster";
    updateService(h.cluster, existing, next);
    expect(h.cluster.store.get("Service", "default", "web")!.spec.healthCheckNodePort).toBeUndefined();
    expect(h.cluster.nodePorts.allocate(port)).toBeNull();
  });
});
