import { describe, expect, it } from "vitest";
import { MAX_ENDPOINTS_PER_SLICE } from "./endpointslice-controller";
import { harness } from "./test-support/harness";
import { CURL_CLIENT, serviceYaml } from "./test-support/manifests";

// The EndpointSlice controller (pkg/controller/endpointslice with the reconciler in
// staging/src/k8s.io/endpointslice): FindPort resolves a named targetPort in each pod's own spec,
// endpoints are grouped into slices by the resulting port set, at most --max-endpoints-per-slice
// (default 100) per slice, and a Service selecting nothing keeps one placeholder slice with no ports.

/** A Deployment of `version` whose container port named http is `port`. */
const version = (name: string, port: number, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: api, version: ${name} } }
  template:
    metadata: { labels: { app: api, version: ${name} } }
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:${name}
          ports: [{ name: http, containerPort: ${port} }]
`;
const apiService = serviceYaml("api", "  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: http\n");

describe("EndpointSlices", () => {
  it("resolve a named targetPort per pod: two versions on different numbers are both served", () => {
    const h = harness({}, { "v1.yaml": version("v1", 8080), "v2.yaml": version("v2", 9090), "svc.yaml": apiService });
    for (const f of ["v1.yaml", "v2.yaml", "svc.yaml"]) h.ok(`kubectl apply -f ${f}`);
    h.ok(CURL_CLIENT);
    const slices = h.cluster.store.slicesFor("default", "api");
    // One slice per port set.
    expect(slices.map((s) => s.ports.map((p) => p.port)).sort()).toEqual([[8080], [9090]]);
    expect(slices.map((s) => s.endpoints.length)).toEqual([2, 2]);
    const served = new Set(Array.from({ length: 40 }, () => h.ok("kubectl exec client -- curl -sS api").trim()));
    expect([...served].some((n) => n.startsWith("v1-"))).toBe(true);
    expect([...served].some((n) => n.startsWith("v2-"))).toBe(true);
    expect(h.ok("kubectl describe svc api")).toMatch(/Endpoints:\s+.*:8080.*:9090|Endpoints:\s+.*:9090.*:8080/);
  });

  it("keep a pod that lacks the named port as an endpoint without that port, and send it no traffic", () => {
    const other = version("v1", 8080).replace("name: http", "name: web");
    const h = harness({}, { "v1.yaml": other, "svc.yaml": apiService });
    h.ok("kubectl apply -f v1.yaml");
    h.ok("kubectl apply -f svc.yaml");
    h.ok(CURL_CLIENT);
    const [slice] = h.cluster.store.slicesFor("default", "api");
    expect(slice.ports).toEqual([]);
    expect(slice.endpoints).toHaveLength(2);
    expect(h.fails("kubectl exec client -- curl -sS api")).toContain("Connection refused");
  });

  it(`hold at most ${MAX_ENDPOINTS_PER_SLICE} endpoints each`, () => {
    const h = harness({ workers: 3 });
    h.ok("kubectl create deployment web --image=nginx --replicas=230");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl rollout status deployment web");
    const sizes = h.cluster.store.slicesFor("default", "web").map((s) => s.endpoints.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(230);
    expect(Math.max(...sizes)).toBe(MAX_ENDPOINTS_PER_SLICE);
    expect(sizes).toHaveLength(3);
    h.ok("kubectl scale deployment web --replicas=50");
    h.ok("sleep 5");
    expect(h.cluster.store.slicesFor("default", "web").map((s) => s.endpoints.length)).toEqual([50]);
    expect(h.ok("kubectl get endpoints web")).toMatch(/^web\s+\S+ \+ 47 more\.\.\./m);
  });

  it("an undeclared port still accepts connections when the process listens there (spec ports are informational)", () => {
    const h = harness();
    // nginx declares no port here; it listens on 80 all the same, and a Service's numeric targetPort reaches it.
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=8000 --target-port=80");
    h.ok(CURL_CLIENT);
    expect(h.ok("kubectl exec client -- curl -sS web:8000")).toContain("Welcome to nginx!");
  });
});

// ShouldPodBeInEndpoints (pkg/controller/util/endpoint/controller_utils.go) decides membership: a pod
// with an IP that is not terminal (Succeeded/Failed) is an endpoint whatever its readiness; the
// EndpointSlice controller keeps terminating pods (includeTerminating true), the legacy Endpoints
// controller only under publishNotReadyAddresses. podToEndpoint (endpointslice/util) sets serving to
// the pod's Ready condition and ready to publishNotReadyAddresses || (serving && !terminating).
describe("EndpointSlice membership (ShouldPodBeInEndpoints, podToEndpoint)", () => {
  const conditionsOf = (h: ReturnType<typeof harness>, service: string) =>
    h.cluster.store.slicesFor("default", service).flatMap((s) => s.endpoints.map((e) => e.conditions));

  it("lists a Pending pod that has its IP (ContainerCreating) as ready false, serving false", () => {
    const h = harness();
    h.ok("kubectl create service clusterip web --tcp=80:80");
    h.ok("kubectl run web --image=nginx --labels=app=web"); // Always: still pulling, Pending with an IP
    const pod = h.podsNamed("web")[0];
    expect(pod.status.phase).toBe("Pending");
    expect(pod.status.podIP).toBeTruthy();
    const [slice] = h.cluster.store.slicesFor("default", "web");
    expect(slice.endpoints.map((e) => e.addresses[0])).toEqual([pod.status.podIP]);
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(slice.ports.map((p) => p.port)).toEqual([80]);
    // The legacy Endpoints object holds it under notReadyAddresses; its ENDPOINTS column lists ready ones only.
    const endpoints = JSON.parse(h.ok("kubectl get endpoints web -o json"));
    expect(endpoints.subsets[0].notReadyAddresses.map((a: { ip: string }) => a.ip)).toEqual([pod.status.podIP]);
    expect(endpoints.subsets[0].addresses).toBeUndefined();
    h.ok("sleep 2"); // the pull ends and nginx starts
    expect(conditionsOf(h, "web")).toEqual([{ ready: true, serving: true, terminating: false }]);
    expect(h.ok("kubectl get endpoints web")).toContain(`${pod.status.podIP}:80`);
  });

  it("leaves out a pod with no IP (unschedulable) and a terminal one (Completed)", () => {
    const h = harness();
    h.ok("kubectl create service clusterip job --tcp=80:80");
    h.ok("kubectl run done --image=busybox --restart=Never --labels=app=job -- true");
    h.ok("sleep 2");
    expect(h.podsNamed("done")[0].status.phase).toBe("Succeeded");
    expect(h.podsNamed("done")[0].status.podIP).toBeTruthy(); // a terminal pod keeps its IP, as upstream
    const h2 = harness();
    h2.ok("kubectl create service clusterip job --tcp=80:80");
    for (const node of ["worker-1", "worker-2"]) h2.ok(`kubectl cordon ${node}`);
    h2.ok("kubectl run nowhere --image=nginx:1.27 --labels=app=job"); // unschedulable: Pending, no IP
    expect(h2.podsNamed("nowhere")[0].status.podIP).toBeUndefined();
    for (const cluster of [h, h2]) {
      const slices = cluster.cluster.store.slicesFor("default", "job");
      expect(slices.map((s) => [s.endpoints.length, s.ports.length])).toEqual([[0, 0]]); // the placeholder
    }
  });

  it("keeps a terminating pod in its slice but drops it from Endpoints, unless publishNotReadyAddresses", () => {
    for (const publish of [false, true]) {
      const h = harness();
      h.ok("kubectl create deployment web --image=busybox -- sleep 3600"); // a shell-less sleep ignores TERM
      h.ok("kubectl expose deployment web --port=80");
      if (publish) h.ok(`kubectl patch svc web -p '{"spec":{"publishNotReadyAddresses":true}}'`);
      const [pod] = h.podsNamed("web");
      h.ok(`kubectl delete pod ${pod.metadata.name} --wait=false`);
      const entry = h.cluster.store
        .slicesFor("default", "web")
        .flatMap((s) => s.endpoints)
        .find((e) => e.addresses[0] === pod.status.podIP);
      expect(entry?.conditions).toEqual({ ready: publish, serving: true, terminating: true });
      const json = JSON.parse(h.ok("kubectl get endpoints web -o json"));
      const ips = (json.subsets ?? []).flatMap(
        (s: { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[] }) =>
          [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((a) => a.ip),
      );
      expect(ips.includes(pod.status.podIP!)).toBe(publish);
    }
  });

  it("a headless Service's DNS lists only ready endpoints, and not-ready ones too under publishNotReadyAddresses", () => {
    for (const publish of [false, true]) {
      const h = harness();
      h.ok(CURL_CLIENT.replace("curlimages/curl", "busybox").replace("--command -- ", "-- "));
      h.ok("sleep 2");
      h.ok("kubectl create service clusterip db --clusterip=None");
      if (publish) h.ok(`kubectl patch svc db -p '{"spec":{"publishNotReadyAddresses":true}}'`);
      h.ok("kubectl run db --image=nginx --labels=app=db"); // pulling: Pending, not ready
      const ip = h.podsNamed("db")[0].status.podIP!;
      const lookup = h.run("kubectl exec client -- nslookup db").output;
      if (publish) expect(lookup).toContain(ip);
      else expect(lookup).not.toContain(ip);
    }
  });
});
