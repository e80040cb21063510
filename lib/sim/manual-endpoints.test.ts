import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// The older recipe for a Service without a selector (kubernetes.io/docs/concepts/services-networking/service/
// #services-without-selectors): a v1 Endpoints written by hand, named like the Service. The EndpointSlice
// mirroring controller (pkg/controller/endpointslicemirroring) copies it into EndpointSlices labelled
// endpointslice.kubernetes.io/managed-by: endpointslicemirroring-controller.k8s.io, which kube-proxy reads.

const service = (selector = "") => `apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
${selector}  ports:
    - port: 80
      targetPort: 9376
`;

const endpoints = (opts: { addresses?: string; notReady?: string; labels?: string } = {}) => `apiVersion: v1
kind: Endpoints
metadata:
  name: manual
${opts.labels ?? ""}subsets:
  - addresses:
      - ip: ${opts.addresses ?? "10.244.1.3"}
${opts.notReady ? `    notReadyAddresses:\n      - ip: ${opts.notReady}\n` : ""}    ports:
      - port: 9376
`;

function setUp(files: Record<string, string>) {
  const h = harness({}, files);
  h.ok("kubectl run srv --image=registry.k8s.io/e2e-test-images/agnhost:2.52 -- netexec --http-port=9376");
  h.ok("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  expect(h.podsNamed("srv")[0].status.podIP).toBe("10.244.1.3");
  return h;
}

const mirrored = (h: ReturnType<typeof harness>) =>
  h.cluster.store
    .slicesFor("default", "manual")
    .filter(
      (s) =>
        s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === "endpointslicemirroring-controller.k8s.io",
    );

describe("a Service without a selector and an Endpoints object written by hand", () => {
  it("is mirrored into an EndpointSlice, and traffic reaches the address", () => {
    const h = setUp({
      "svc.yaml": service(),
      "ep.yaml": endpoints({ notReady: "10.244.2.9", labels: "  labels:\n    team: a\n" }),
    });
    expect(h.ok("kubectl apply -f svc.yaml -f ep.yaml")).toBe("service/manual created\nendpoints/manual created\n");
    const slices = mirrored(h);
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice.metadata.name).toMatch(/^manual-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).toEqual({
      team: "a",
      "kubernetes.io/service-name": "manual",
      "endpointslice.kubernetes.io/managed-by": "endpointslicemirroring-controller.k8s.io",
    });
    const ep = h.cluster.store.get("Endpoints", "default", "manual")!;
    expect(slice.metadata.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "Endpoints", name: "manual", uid: ep.metadata.uid, controller: true },
    ]);
    expect(slice.ports).toEqual([{ name: "", port: 9376, protocol: "TCP" }]);
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([
      ["10.244.1.3", true],
      ["10.244.2.9", false],
    ]);
    expect(h.ok("kubectl exec client -- curl -s manual/hostname")).toBe("srv");
    expect(h.ok("kubectl exec client -- wget -qO- http://manual/hostname")).toBe("srv");
    expect(h.ok("kubectl get endpoints manual --no-headers")).toMatch(/^manual\s+10\.244\.1\.3:9376\s/);
    expect(h.ok("kubectl describe endpoints manual")).toContain("NotReadyAddresses:  10.244.2.9\n");
    expect(h.ok("kubectl apply -f ep.yaml")).toBe("endpoints/manual unchanged\n");
    // A mirrored slice changed by hand is put back.
    slice.endpoints = [];
    h.cluster.save(slice);
    h.ok("kubectl get svc");
    expect(mirrored(h)[0].endpoints).toHaveLength(2);
  });

  it("follows changes, and deleting the Endpoints deletes its mirrored slices", () => {
    const files = { "svc.yaml": service(), "ep.yaml": endpoints({ addresses: "10.244.1.4" }) };
    const h = setUp(files);
    h.ok("kubectl apply -f svc.yaml -f ep.yaml");
    expect(mirrored(h)[0].endpoints.map((e) => e.addresses[0])).toEqual(["10.244.1.4"]);
    files["ep.yaml"] = endpoints();
    expect(h.ok("kubectl apply -f ep.yaml")).toBe("endpoints/manual configured\n");
    expect(mirrored(h)[0].endpoints.map((e) => e.addresses[0])).toEqual(["10.244.1.3"]);
    expect(h.ok("kubectl delete endpoints manual")).toBe('endpoints "manual" deleted\n');
    expect(mirrored(h)).toHaveLength(0);
    expect(h.ok("kubectl describe svc manual")).toContain("Endpoints:                <none>\n");
    expect(h.fails("kubectl get endpoints manual")).toBe(
      'Error from server (NotFound): endpoints "manual" not found\n',
    );
  });

  it("is not mirrored when labelled skip-mirror, nor before its Service exists", () => {
    const h = setUp({
      "svc.yaml": service(),
      "ep.yaml": endpoints({ labels: '  labels:\n    endpointslice.kubernetes.io/skip-mirror: "true"\n' }),
      "plain.yaml": endpoints(),
    });
    h.ok("kubectl apply -f ep.yaml");
    h.ok("kubectl apply -f svc.yaml");
    expect(mirrored(h)).toHaveLength(0);
    expect(h.ok("kubectl get endpoints manual --no-headers")).toMatch(/^manual\s+10\.244\.1\.3:9376\s/);
    // Dropping the label: now it is mirrored.
    h.ok("kubectl apply -f plain.yaml");
    expect(mirrored(h)).toHaveLength(1);
    h.ok("kubectl delete svc manual");
    expect(mirrored(h)).toHaveLength(0);
    // The Endpoints controller deletes the Endpoints of a Service that is gone.
    expect(h.fails("kubectl get endpoints manual")).toBe(
      'Error from server (NotFound): endpoints "manual" not found\n',
    );
  });

  it("is left to the Endpoints controller when the Service has a selector", () => {
    const h = setUp({
      "svc.yaml": service("  selector:\n    run: nothing-here\n"),
      "ep.yaml": endpoints(),
    });
    h.ok("kubectl apply -f svc.yaml -f ep.yaml");
    expect(mirrored(h)).toHaveLength(0);
    // The controller's Endpoints, from the Service's (empty) selection, not the hand-written one.
    expect(h.ok("kubectl get endpoints manual --no-headers")).toMatch(/^manual\s+<none>\s/);
  });

  it("is checked as ValidateEndpoints checks it", () => {
    const h = setUp({
      "lo.yaml": endpoints({ addresses: "127.0.0.1" }),
      "ll.yaml": endpoints({ addresses: "169.254.1.1" }),
    });
    expect(h.fails("kubectl apply -f lo.yaml")).toContain(
      'The Endpoints "manual" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
    expect(h.fails("kubectl create -f ll.yaml")).toContain(
      'subsets[0].addresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    );
  });
});
