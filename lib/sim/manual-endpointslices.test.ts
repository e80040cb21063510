import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// Services without selectors (kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors):
// the user writes the EndpointSlice, labelled kubernetes.io/service-name, and kube-proxy routes to its
// addresses. The EndpointSlice controller lists only slices whose endpointslice.kubernetes.io/managed-by
// is its own (endpointslice_controller.go), so it never deletes or takes over such a slice; no Endpoints
// object is made for a Service without a selector, and a slice without an ownerReference outlives the Service.

const files = (address = "10.244.1.3", extra = "") => ({
  "manual.yaml": `apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports:
    - port: 80
      targetPort: 9376
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: manual-1
  labels:
    kubernetes.io/service-name: manual
${extra}addressType: IPv4
ports:
  - name: ""
    protocol: TCP
    port: 9376
endpoints:
  - addresses: ["${address}"]
`,
});

function setUp(address?: string, extra?: string) {
  const h = harness({}, files(address, extra));
  h.ok("kubectl run srv --image=registry.k8s.io/e2e-test-images/agnhost:2.52 -- netexec --http-port=9376");
  h.ok("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  expect(h.podsNamed("srv")[0].status.podIP).toBe("10.244.1.3");
  return h;
}

describe("a Service without a selector and an EndpointSlice written by hand", () => {
  it("routes to the slice's address, and the controller leaves the slice alone", () => {
    const h = setUp();
    expect(h.ok("kubectl apply -f manual.yaml")).toBe(
      "service/manual created\nendpointslice.discovery.k8s.io/manual-1 created\n",
    );
    expect(h.ok("kubectl exec client -- curl -s manual/hostname")).toBe("srv");
    // Later syncs (other Services, more pods, time) do not remove it.
    h.ok("kubectl create deployment web --image=nginx:1.27 --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("sleep 60");
    expect(h.ok("kubectl get endpointslices manual-1 --no-headers")).toMatch(
      /^manual-1\s+IPv4\s+9376\s+10\.244\.1\.3\s/,
    );
    expect(h.ok("kubectl describe svc manual")).toContain("Endpoints:                10.244.1.3:9376\n");
    expect(h.fails("kubectl get endpoints manual")).toBe(
      'Error from server (NotFound): endpoints "manual" not found\n',
    );
    expect(h.ok("kubectl apply -f manual.yaml")).toBe(
      "service/manual unchanged\nendpointslice.discovery.k8s.io/manual-1 unchanged\n",
    );
    h.ok("kubectl delete svc manual");
    expect(h.ok("kubectl get endpointslices manual-1 -o name")).toBe("endpointslice.discovery.k8s.io/manual-1\n");
  });

  it("can be deleted, and then the Service has no endpoints; a controller's slice deleted is written again", () => {
    const h = setUp();
    h.ok("kubectl apply -f manual.yaml");
    expect(h.ok("kubectl delete endpointslice manual-1")).toBe('endpointslice.discovery.k8s.io "manual-1" deleted\n');
    expect(h.ok("kubectl describe svc manual")).toContain("Endpoints:                <none>\n");
    h.ok("kubectl create deployment web --image=nginx:1.27");
    h.ok("kubectl expose deployment web --port=80");
    const before = h.cluster.store.slicesFor("default", "web").map((s) => s.metadata.name);
    h.ok("kubectl delete endpointslice -l kubernetes.io/service-name=web");
    h.ok("kubectl get endpointslices"); // the controller has run again by the next command
    const after = h.cluster.store.slicesFor("default", "web");
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0].metadata.name);
    expect(after[0].endpoints).toHaveLength(1);
  });

  it("is checked as ValidateEndpointSlice checks it", () => {
    const h = setUp("10.244.1.300");
    expect(h.fails("kubectl apply -f manual.yaml")).toContain(
      'The EndpointSlice "manual-1" is invalid: endpoints[0].addresses[0]: Invalid value: "10.244.1.300": must be a valid IPv4 address',
    );
  });
});

describe("a hand-written EndpointSlice and its namespace", () => {
  it("goes when the namespace is deleted, as the namespace controller deletes all its content", () => {
    const h = harness(
      {},
      {
        "slice.yaml": files()
          ["manual.yaml"].split("---\n")[1]
          .replace("  name: manual-1\n", "  name: manual-1\n  namespace: lab\n"),
      },
    );
    h.ok("kubectl create namespace lab");
    h.ok("kubectl apply -f slice.yaml");
    expect(h.ok("kubectl get endpointslices -n lab --no-headers")).toMatch(/^manual-1\s/);
    h.ok("kubectl delete namespace lab");
    h.ok("sleep 30");
    expect(h.cluster.store.list("EndpointSlice", "lab")).toEqual([]);
  });
});
