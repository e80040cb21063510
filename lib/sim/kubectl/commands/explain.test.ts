import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";
import { TYPE_DOCS } from "../explain-fields";

// Layout: kubectl's OpenAPI v3 plaintext template (staging/src/k8s.io/kubectl/pkg/explain/v2/
// templates/plaintext.tmpl), checked against a recorded `kubectl explain services.spec` session.
// Facts: the doc comments of staging/src/k8s.io/api/core/v1/types.go (ServiceSpec, ServicePort).

describe("kubectl explain", () => {
  it("a resource prints KIND, VERSION, DESCRIPTION and its FIELDS as name<TAB><type>", () => {
    const out = harness().ok("kubectl explain svc");
    expect(out).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}A Service /);
    expect(out).toContain("\nFIELDS:\n  apiVersion\t<string>\n");
    expect(out).toContain("\n  spec\t<ServiceSpec>\n    ");
    expect(out).toContain("\n  status\t<ServiceStatus>\n");
  });

  it("a named API group is printed as GROUP above KIND", () => {
    expect(harness().ok("kubectl explain deployment.spec.replicas")).toMatch(
      /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n {4}How many pods/,
    );
    expect(harness().ok("kubectl explain endpointslice")).toMatch(
      /^GROUP: {6}discovery\.k8s\.io\nKIND: {7}EndpointSlice\n/,
    );
  });

  it("a field prints FIELD with its type, the ENUM values, then the field's and its type's descriptions", () => {
    const h = harness();
    expect(h.ok("kubectl explain service.spec.type")).toMatch(
      /^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n/,
    );
    const ports = h.ok("kubectl explain service.spec.ports");
    expect(ports).toMatch(
      /FIELD: ports <\[\]ServicePort>\n\n\nDESCRIPTION:\n {4}The ports the Service exposes[^\n]*\n[^\n]*\n {4}One port of a Service\.\n {4}\nFIELDS:\n/,
    );
    // Required fields are marked; a field with a closed set shows a short enum line; targetPort is an IntOrString.
    expect(ports).toContain("\n  port\t<integer> -required-\n");
    expect(ports).toContain("\n  protocol\t<string>\n  enum: SCTP, TCP, UDP\n");
    expect(ports).toContain("\n  targetPort\t<IntOrString>\n");
  });

  it("explains Ingress down to pathType and its enum (api/networking/v1/types.go, PathType)", () => {
    const out = harness().ok("kubectl explain ingress.spec.rules.http.paths.pathType");
    expect(out).toMatch(/^GROUP:\s+networking\.k8s\.io\nKIND:\s+Ingress\nVERSION:\s+v1\n/);
    expect(out).toContain("FIELD: pathType <string>");
    expect(out).toMatch(/Exact[\s\S]*ImplementationSpecific[\s\S]*Prefix/);
  });

  it("explains the Service fields a Services course uses", () => {
    const h = harness();
    for (const [path, type] of [
      ["service.spec.selector", "map[string]string"],
      ["service.spec.clusterIP", "string"],
      ["service.spec.sessionAffinity", "string"],
      ["service.spec.internalTrafficPolicy", "string"],
      ["service.spec.externalTrafficPolicy", "string"],
      ["pod.spec.containers.ports", "[]ContainerPort"],
      ["endpointslice.endpoints", "[]Endpoint"],
    ])
      expect(h.ok(`kubectl explain ${path}`)).toContain(`FIELD: ${path.split(".").at(-1)} <${type}>\n`);
    // types.go: an undeclared container port is still reachable.
    expect(h.ok("kubectl explain pod.spec.containers.ports")).toContain("does NOT stop it from being");
  });

  it("wraps descriptions at 76 columns after a 4-space indent", () => {
    const lines = harness().ok("kubectl explain service.spec").split("\n");
    expect(Math.max(...lines.map((l) => l.replace("\t", " ").length))).toBeLessThanOrEqual(80);
  });

  it("--recursive lists the fields of nested types without descriptions", () => {
    expect(harness().ok("kubectl explain endpointslice.endpoints --recursive")).toContain(
      "\n  conditions\t<EndpointConditions>\n    ready\t<boolean>\n    serving\t<boolean>\n    terminating\t<boolean>\n",
    );
  });

  it('an unknown field is `field "X" does not exist`, naming the last element of the path (plaintext.tmpl)', () => {
    const h = harness();
    expect(h.fails("kubectl explain service.spec.foo")).toBe('error: field "foo" does not exist\n');
    expect(h.fails("kubectl explain service.spec.foo.bar")).toBe('error: field "bar" does not exist\n');
    expect(h.fails("kubectl explain service.spec.type.x")).toBe('error: field "x" does not exist\n');
    expect(h.fails("kubectl explain widgets")).toBe('error: the server doesn\'t have a resource type "widgets"\n');
  });

  it("every documented field has a description, and every ref names a documented type", () => {
    for (const [name, type] of Object.entries(TYPE_DOCS)) {
      expect(type.description, name).not.toBe("");
      for (const [field, doc] of Object.entries(type.fields)) {
        expect(doc.description, `${name}.${field}`).not.toBe("");
        if (doc.ref) expect(TYPE_DOCS[doc.ref], `${name}.${field} -> ${doc.ref}`).toBeDefined();
      }
    }
  });
});
