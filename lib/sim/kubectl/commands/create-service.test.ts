import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl pkg/cmd/create/create_service.go (Kubernetes v1.31): ServiceOptions.Validate,
// createService (ports named after their --tcp text, label and selector app=NAME), parsePorts.

const service = (h: ReturnType<typeof harness>, name: string) => h.cluster.store.get("Service", "default", name)!;

describe("kubectl create service", () => {
  it("clusterip: one port per --tcp, named port-targetPort, selector and label app=NAME", () => {
    const h = harness();
    expect(h.ok("kubectl create service clusterip web --tcp=80:8080 --tcp=443:https")).toBe("service/web created\n");
    const svc = service(h, "web");
    expect(svc.metadata.labels).toEqual({ app: "web" });
    expect(svc.spec.selector).toEqual({ app: "web" });
    expect(svc.spec.type).toBe("ClusterIP");
    expect(svc.spec.ports).toEqual([
      { name: "80-8080", protocol: "TCP", port: 80, targetPort: 8080 },
      { name: "443-https", protocol: "TCP", port: 443, targetPort: "https" },
    ]);
  });

  it("a bare port targets itself; --tcp takes a comma-separated list too", () => {
    const h = harness();
    h.ok("kubectl create service clusterip api --tcp=80,9090:9091");
    expect(service(h, "api").spec.ports.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ["80", 80, 80],
      ["9090-9091", 9090, 9091],
    ]);
  });

  it("clusterip --clusterip=None makes a headless Service, which needs no ports", () => {
    const h = harness();
    h.ok("kubectl create service clusterip db --clusterip=None");
    expect(service(h, "db").spec.clusterIP).toBe("None");
    expect(service(h, "db").spec.ports).toEqual([]);
  });

  it("nodeport: --node-port is set on every port; without it the API server allocates one", () => {
    const h = harness();
    h.ok("kubectl create service nodeport fixed --tcp=80:8080 --node-port=30080");
    h.ok("kubectl create service nodeport auto --tcp=80");
    expect(service(h, "fixed").spec.ports[0].nodePort).toBe(30080);
    const allocated = service(h, "auto").spec.ports[0].nodePort!;
    expect(allocated).toBeGreaterThanOrEqual(30000);
    expect(allocated).toBeLessThanOrEqual(32767);
  });

  it("loadbalancer and externalname", () => {
    const h = harness();
    h.ok("kubectl create service loadbalancer lb --tcp=80:8080");
    h.ok("kubectl create service externalname ext --external-name example.com");
    expect(service(h, "lb").spec.type).toBe("LoadBalancer");
    expect(service(h, "ext").spec).toMatchObject({ type: "ExternalName", externalName: "example.com", ports: [] });
    expect(h.ok("kubectl get svc ext --no-headers")).toMatch(/^ext\s+ExternalName\s+<none>\s+example\.com\s+<none>/);
  });

  it("refuses what ServiceOptions.Validate refuses, with its messages", () => {
    const h = harness();
    expect(h.fails("kubectl create service clusterip a")).toBe(
      "error: at least one tcp port specifier must be provided\n",
    );
    expect(h.fails("kubectl create service loadbalancer a --tcp=80 --clusterip=None")).toMatch(
      /^error: unknown flag: --clusterip/,
    );
    expect(h.fails("kubectl create service externalname a")).toBe('error: required flag(s) "external-name" not set\n');
    expect(h.fails("kubectl create service externalname a --external-name Not_A_Name")).toBe(
      "error: invalid service external name Not_A_Name\n",
    );
    expect(h.fails("kubectl create service clusterip a --tcp=x")).toBe(
      'error: strconv.ParseUint: parsing "x": invalid syntax\n',
    );
    expect(h.fails("kubectl create service clusterip a --tcp=80:web--api")).toBe(
      "error: must not contain consecutive hyphens\n",
    );
  });

  it("wraps the API server's refusal: failed to create TYPE service", () => {
    const h = harness();
    h.ok("kubectl create service clusterip web --tcp=80");
    expect(h.fails("kubectl create service nodeport web --tcp=80")).toBe(
      'error: failed to create NodePort service: services "web" already exists\n',
    );
  });

  it("help and completion know the nested sub-verbs", () => {
    const h = harness();
    expect(h.ok("kubectl create service --help")).toContain("clusterip");
    expect(h.ok("kubectl create service nodeport --help")).toContain(
      "kubectl create service nodeport NAME [--tcp=port:targetPort]",
    );
  });
});
