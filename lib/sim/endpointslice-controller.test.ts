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
    const served = new Set(Array.from({ length: 40 }, () => h.ok("kubectl exec client -- curl -s api").trim()));
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
    expect(h.fails("kubectl exec client -- curl -s api")).toContain("Connection refused");
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
    expect(h.ok("kubectl exec client -- curl -s web:8000")).toContain("Welcome to nginx!");
  });
});
