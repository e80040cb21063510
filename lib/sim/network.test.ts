import { describe, expect, it } from "vitest";
import { connect } from "./network";
import { type Harness, harness } from "./test-support/harness";
import { CURL_CLIENT, ECHO_IMAGE, echoDeployment, serviceYaml } from "./test-support/manifests";

function web(options = {}, files: Record<string, string> = {}, replicas = 3) {
  const h = harness(options, files);
  h.ok(echoDeployment("web", replicas));
  h.ok("kubectl expose deployment web --port=80");
  h.ok(CURL_CLIENT);
  return h;
}

const servedBy = (h: Harness, times: number, command = "kubectl exec client -- curl -sS web/hostname") =>
  Array.from({ length: times }, () => h.ok(command).trim());

describe("reaching a Service from a pod (kube-proxy)", () => {
  it("answers with the hostname of the pod that served the request", () => {
    const h = web();
    expect(h.podsNamed("web-").map((p) => p.metadata.name)).toContain(
      h.ok("kubectl exec client -- curl -sS web/hostname").trim(),
    );
    // netexec's /hostname handler writes the name with no newline.
    expect(h.ok("kubectl exec client -- wget -qO- web/hostname")).toMatch(/^web-\w+-\w+$/);
  });

  it("spreads new connections over the endpoints at random in iptables mode", () => {
    const h = web();
    const seen = new Set(servedBy(h, 60));
    expect(seen).toEqual(new Set(h.podsNamed("web-").map((p) => p.metadata.name)));
  });

  it("is deterministic: the same seed picks the same backends", () => {
    expect(servedBy(web({ seed: 9 }), 10)).toEqual(servedBy(web({ seed: 9 }), 10));
  });

  it("goes round robin in IPVS mode", () => {
    const h = web({ proxyMode: "ipvs" });
    const order = servedBy(h, 6);
    expect(new Set(order.slice(0, 3)).size).toBe(3);
    expect(order.slice(3)).toEqual(order.slice(0, 3));
  });

  it("refuses connections when the Service selects no ready pod", () => {
    const h = web();
    h.ok("kubectl scale deployment web --replicas=0");
    h.ok("kubectl get pods");
    expect(h.run("kubectl exec client -- curl -sS web")).toEqual({
      output:
        "curl: (7) Failed to connect to web port 80 after 0 ms: Connection refused\ncommand terminated with exit code 7\n",
      exitCode: 7,
    });
  });

  it("refuses connections when the selector matches nothing (a typo in the selector)", () => {
    const h = harness({}, { "svc.yaml": serviceYaml("web", `  selector: { app: wbe }\n  ports:\n    - port: 80\n`) });
    h.ok(echoDeployment("web", 1));
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    // The placeholder slice of a Service that selects nothing has no ports (endpointslice reconciler).
    expect(h.ok("kubectl get endpointslices -l kubernetes.io/service-name=web")).toMatch(
      /web-\w+\s+IPv4\s+<unset>\s+<unset>/,
    );
    expect(h.fails("kubectl exec client -- curl -sS web")).toContain("Connection refused");
  });

  it("maps port to a numeric or named targetPort", () => {
    const pod = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:1.0
          ports:
            - name: http-api
              containerPort: 8080
`;
    const h = harness(
      {},
      {
        "api.yaml": pod,
        "svc.yaml": serviceYaml(
          "api",
          `  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: http-api\n`,
        ),
      },
    );
    h.ok("kubectl apply -f api.yaml");
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    expect(h.ok("kubectl exec client -- curl -sS api")).toMatch(/^api-/);
    expect(h.ok("kubectl get endpointslices -l kubernetes.io/service-name=api")).toMatch(/\s8080\s/);
    const [first] = h.ipsOf("api-");
    expect(h.fails(`kubectl exec client -- curl -sS ${first}:80`)).toContain("Connection refused");
    expect(h.ok(`kubectl exec client -- curl -sS ${first}:8080`)).toMatch(/^api-/);
  });
});

describe("sessionAffinity: ClientIP", () => {
  const sticky = (timeout?: number) =>
    serviceYaml(
      "web",
      `  selector: { app: web }\n  sessionAffinity: ClientIP\n${timeout ? `  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${timeout}\n` : ""}  ports:\n    - port: 80\n`,
    );

  it("sends every connection from one client to the same pod", () => {
    const h = harness({}, { "svc.yaml": sticky() });
    h.ok(echoDeployment("web", 3));
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    expect(new Set(servedBy(h, 20)).size).toBe(1);
  });

  it("lets the affinity lapse after timeoutSeconds without traffic", () => {
    const h = harness({ seed: 4 }, { "svc.yaml": sticky(5) });
    h.ok(echoDeployment("web", 3));
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      seen.add(h.ok("kubectl exec client -- curl -sS web/hostname").trim());
      h.cluster.advance(10);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("reaching things from outside the cluster", () => {
  it("cannot reach a ClusterIP or a pod IP: the connection times out", () => {
    const h = web();
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP!;
    expect(h.run(`curl -sS ${clusterIP}`)).toEqual({
      output: `curl: (28) Failed to connect to ${clusterIP} port 80 after 130000 ms: Connection timed out\n`,
      exitCode: 28,
    });
    const [podIP] = h.ipsOf("web-");
    expect(h.fails(`curl -sS --max-time 3 ${podIP}`)).toBe("curl: (28) Connection timed out after 3000 milliseconds\n");
  });

  it("cannot resolve cluster names: the outside host does not use cluster DNS", () => {
    const h = web();
    expect(h.fails("curl -sS web.default.svc.cluster.local")).toContain("Could not resolve host");
  });

  it("reaches a NodePort Service on every node's IP, even a node running none of its pods", () => {
    const h = harness({ workers: 3 });
    h.ok(echoDeployment("web", 1));
    h.ok("kubectl expose deployment web --port=80 --type=NodePort");
    const port = h.ok("kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}");
    for (const node of h.cluster.nodes()) {
      const ip = h.cluster.nodeIP(node);
      expect(h.ok(`curl -sS ${ip}:${port}/hostname`)).toMatch(/^web-/);
    }
  });

  it("with externalTrafficPolicy Local, only nodes running a pod answer", () => {
    const svc = serviceYaml(
      "web",
      `  type: NodePort\n  externalTrafficPolicy: Local\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 30080\n`,
    );
    const h = harness({ workers: 3 }, { "svc.yaml": svc });
    h.ok(echoDeployment("web", 1));
    h.ok("kubectl apply -f svc.yaml");
    const podNode = h.podsNamed("web-")[0].spec.nodeName;
    for (const node of h.cluster.nodes()) {
      const result = h.run(`curl -sS --max-time 2 ${h.cluster.nodeIP(node)}:30080`);
      expect(result.exitCode === 0).toBe(node.metadata.name === podNode);
    }
  });

  it("refuses a node port nobody uses", () => {
    const h = web();
    expect(h.fails("curl -sS 172.18.0.3:31999")).toContain("Connection refused");
  });
});

describe("reaching pods directly", () => {
  it("reaches a pod IP from another pod, whether or not the pod is ready", () => {
    const h = web();
    const [ip] = h.ipsOf("web-");
    expect(h.ok(`kubectl exec client -- curl -sS ${ip}/hostname`)).toMatch(/^web-/);
  });

  it("times out on the old IP of a recreated pod", () => {
    const h = web();
    const [victim] = h.podsNamed("web-");
    h.ok(`kubectl delete pod ${victim.metadata.name}`);
    expect(h.fails(`kubectl exec client -- curl -sS --max-time 2 ${victim.status.podIP}`)).toContain(
      "Connection timed out",
    );
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });

  it("reaches a container's port only if it listens there (client images listen on nothing)", () => {
    const h = web();
    const clientIP = h.podsNamed("client")[0].status.podIP;
    expect(h.fails(`kubectl exec client -- curl -sS ${clientIP}`)).toContain("Connection refused");
  });
});

// Two web pods whose readiness probe waits for /ready, a file that does not exist at start.
const unreadyWeb = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: ${ECHO_IMAGE}
          command: ["/agnhost", "netexec", "--http-port=80"]
          readinessProbe:
            exec: { command: ["cat", "/ready"] }
`;

describe("EndpointSlices", () => {
  it("list ready pods, and unready pods as not ready (not routed)", () => {
    const h = harness({}, { "dep.yaml": unreadyWeb });
    h.ok("kubectl apply -f dep.yaml");
    h.ok("kubectl expose deployment web --port=80");
    h.ok(CURL_CLIENT);
    h.ok("kubectl get pods");
    const slice = () => h.cluster.store.slicesFor("default", "web")[0];
    expect(slice().endpoints.map((e) => e.conditions.ready)).toEqual([false, false]);
    expect(h.fails("kubectl exec client -- curl -sS web")).toContain("Connection refused");
    const [pod] = h.podsNamed("web-");
    h.ok(`kubectl exec ${pod.metadata.name} -- touch /ready`);
    h.ok("sleep 10"); // the next probe (periodSeconds defaults to 10) finds the file
    expect(
      slice()
        .endpoints.filter((e) => e.conditions.ready)
        .map((e) => e.addresses[0]),
    ).toEqual([pod.status.podIP]);
    expect(new Set(servedBy(h, 10))).toEqual(new Set([pod.metadata.name]));
  });

  it("publishNotReadyAddresses marks unready pods ready for DNS and routing", () => {
    const svc = serviceYaml(
      "web",
      `  publishNotReadyAddresses: true\n  clusterIP: None\n  selector: { app: web }\n  ports:\n    - port: 80\n`,
    );
    const h = harness({}, { "svc.yaml": svc, "dep.yaml": unreadyWeb });
    h.ok("kubectl apply -f dep.yaml");
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    expect(h.cluster.store.slicesFor("default", "web")[0].endpoints.every((e) => e.conditions.ready)).toBe(true);
    expect(h.ok("kubectl exec client -- nslookup web").match(/Address: 10\.244/g)).toHaveLength(2);
  });

  it("keep a terminating pod as serving but not ready, and route to it only when nothing else is ready (KEP-1669)", () => {
    // A preStop sleep keeps the process serving for its first 5 s of shutdown (termination.ts).
    const h = harness({}, { "dep.yaml": drainingWeb(1) });
    h.ok("kubectl apply -f dep.yaml");
    h.ok("kubectl expose deployment web --port=80");
    h.ok(CURL_CLIENT);
    h.ok("kubectl rollout status deployment web");
    const [pod] = h.podsNamed("web-");
    h.ok("kubectl scale deployment web --replicas=0");
    const endpoint = h.cluster.store
      .slicesFor("default", "web")[0]
      .endpoints.find((e) => e.addresses[0] === pod.status.podIP);
    expect(endpoint?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const client = { kind: "pod" as const, pod: h.podsNamed("client")[0] };
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP!;
    expect(connect(h.cluster, client, clusterIP, 80)).toMatchObject({ ok: true, ip: pod.status.podIP });
    h.ok("sleep 10"); // the hook ends, netexec exits on SIGTERM, and the kubelet removes the pod
    expect(h.podsNamed("web-")).toEqual([]);
    expect(connect(h.cluster, client, clusterIP, 80)).toMatchObject({ ok: false, error: "refused" });
  });

  it("send no new connection to a terminating pod while another endpoint is ready, though it still serves", () => {
    const h = harness({}, { "dep.yaml": drainingWeb(2) });
    h.ok("kubectl apply -f dep.yaml");
    h.ok("kubectl expose deployment web --port=80");
    h.ok(CURL_CLIENT);
    h.ok("kubectl rollout status deployment web");
    const [leaving, staying] = h.podsNamed("web-");
    h.ok(`kubectl delete pod ${leaving.metadata.name} --wait=false`);
    const endpoint = h.cluster.store
      .slicesFor("default", "web")[0]
      .endpoints.find((e) => e.addresses[0] === leaving.status.podIP);
    expect(endpoint?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    // The ready endpoints (the other pod and the leaving one's replacement) take every new connection.
    const served = servedBy(h, 4);
    expect(served).toContain(staying.metadata.name);
    expect(served).not.toContain(leaving.metadata.name);
  });
});

/** agnhost netexec pods whose preStop hook sleeps 5 s, so they keep serving at the start of their shutdown. */
const drainingWeb = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: ${ECHO_IMAGE}
          command: ["/agnhost", "netexec", "--http-port=80"]
          lifecycle:
            preStop:
              sleep: { seconds: 5 }
`;

describe("service environment variables", () => {
  it("are injected only for Services that existed when the pod started", () => {
    const h = harness();
    h.ok(echoDeployment("web", 1));
    h.ok("kubectl run early --image=busybox -- sleep 3600");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl run late --image=busybox -- sleep 3600");
    const ip = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    expect(h.ok("kubectl exec early -- env")).not.toContain("WEB_SERVICE_HOST");
    const late = h.ok("kubectl exec late -- env");
    expect(late).toContain(`WEB_SERVICE_HOST=${ip}\n`);
    expect(late).toContain("WEB_SERVICE_PORT=80\n");
    expect(late).toContain(`WEB_PORT_80_TCP=tcp://${ip}:80\n`);
    expect(late).toContain("KUBERNETES_SERVICE_HOST=10.96.0.1\n");
  });

  it("are built again when a container restarts, from the Services that exist at that moment", () => {
    // The kubelet creates a new container on every restart and computes its environment then:
    // kuberuntime_container.go startContainer → generateContainerConfig → GenerateRunContainerOptions.
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl run early --image=busybox -- sleep 3600");
    h.ok("kubectl expose deployment web --port=80");
    const ip = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    expect(h.ok("kubectl exec early -- env")).not.toContain("WEB_SERVICE_HOST");
    h.run("kubectl exec early -- kill 1");
    expect(h.ok("kubectl exec early -- env")).toContain(`WEB_SERVICE_HOST=${ip}\n`);
    // The variables are still a snapshot: a Service deleted later stays in the running container.
    h.ok("kubectl delete service web");
    expect(h.ok("kubectl exec early -- env")).toContain(`WEB_SERVICE_HOST=${ip}\n`);
  });

  it("are left out with enableServiceLinks: false, except the kubernetes Service's", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: quiet }
spec:
  enableServiceLinks: false
  containers:
    - { name: c, image: busybox, command: ["sleep", "3600"] }
`;
    const h = harness({}, { "pod.yaml": pod });
    h.ok(echoDeployment("web", 1));
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl apply -f pod.yaml");
    const env = h.ok("kubectl exec quiet -- env");
    expect(env).not.toContain("WEB_SERVICE_HOST");
    expect(env).toContain("KUBERNETES_SERVICE_HOST=10.96.0.1");
  });

  it("turn dashes into underscores and only cover the pod's namespace", () => {
    const h = harness();
    h.ok("kubectl create deployment my-api --image=nginx");
    h.ok("kubectl expose deployment my-api --port=8080");
    h.ok("kubectl create namespace other");
    h.ok("kubectl run c --image=busybox -- sleep 1");
    h.ok("kubectl run c -n other --image=busybox -- sleep 1");
    expect(h.ok("kubectl exec c -- env")).toContain("MY_API_SERVICE_PORT=8080");
    expect(h.ok("kubectl exec c -n other -- env")).not.toContain("MY_API");
  });
});
