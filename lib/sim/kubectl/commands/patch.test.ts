import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl pkg/cmd/patch/patch.go (Kubernetes v1.31): "patched" or "patched (no change)" after
// comparing the object before and after; strategic merge by default, --type merge|json.

function cluster() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx --replicas=2");
  h.ok("kubectl expose deployment web --port=80");
  return h;
}

describe("kubectl patch", () => {
  it("a strategic merge patch changes a Service's type; the same patch again is no change", () => {
    const h = cluster();
    expect(h.ok(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toBe("service/web patched\n");
    expect(h.cluster.store.get("Service", "default", "web")!.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(h.ok(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toBe("service/web patched (no change)\n");
  });

  it("strategic: Service ports merge by port number (the nodePort stays); merge: the list is replaced", () => {
    const h = cluster();
    h.ok(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`);
    const nodePort = h.cluster.store.get("Service", "default", "web")!.spec.ports[0].nodePort;
    h.ok(`kubectl patch svc web -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`);
    expect(h.cluster.store.get("Service", "default", "web")!.spec.ports).toEqual([
      { protocol: "TCP", port: 80, targetPort: 8080, nodePort },
    ]);
    h.ok(`kubectl patch svc web --type=merge -p '{"spec":{"ports":[{"port":81}]}}'`);
    expect(h.cluster.store.get("Service", "default", "web")!.spec.ports.map((p) => [p.port, p.targetPort])).toEqual([
      [81, 81],
    ]);
  });

  it("a JSON patch scales a Deployment; the controllers act on it", () => {
    const h = cluster();
    expect(h.ok(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`)).toBe(
      "deployment.apps/web patched\n",
    );
    expect(h.podsNamed("web-")).toHaveLength(3);
  });

  it("takes YAML as well as JSON, and TYPE/NAME", () => {
    const h = cluster();
    h.ok("kubectl patch deployment/web -p 'spec: {replicas: 1}'");
    expect(h.podsNamed("web-")).toHaveLength(1);
  });

  it("relabelling a pod through a patch takes it out of its Service", () => {
    const h = cluster();
    const pod = h.podsNamed("web-")[0];
    h.ok(`kubectl patch pod ${pod.metadata.name} -p '{"metadata":{"labels":{"app":"debug"}}}'`);
    const slice = { endpoints: h.cluster.store.slicesFor("default", "web").flatMap((s) => s.endpoints) };
    expect(slice.endpoints.map((e) => e.targetRef?.name)).not.toContain(pod.metadata.name);
  });

  it("a failed JSON patch test changes nothing and answers as kubectl does for the API server's 422", () => {
    const h = cluster();
    expect(
      h.fails(
        `kubectl patch deploy web --type=json -p '[{"op":"test","path":"/spec/replicas","value":5},{"op":"replace","path":"/spec/replicas","value":9}]'`,
      ),
    ).toBe("The request is invalid: the server rejected our request due to an error in our request\n");
    expect(h.cluster.store.get("Deployment", "default", "web")!.spec.replicas).toBe(2);
  });

  it("answers kubectl's own errors", () => {
    const h = cluster();
    expect(h.fails("kubectl patch deploy web")).toBe(
      "error: must specify --patch or --patch-file containing the contents of the patch\n",
    );
    expect(h.fails(`kubectl patch deploy web --type=xml -p '{}'`)).toBe(
      'error: --type must be one of [json merge strategic], not "xml"\n',
    );
    expect(h.fails(`kubectl patch deploy web --type=json -p '{"op":"test"}'`)).toBe(
      "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n",
    );
    expect(h.fails(`kubectl patch svc nope -p '{}'`)).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  it("the API server's validation still applies: a ClusterIP cannot change", () => {
    const h = cluster();
    expect(h.fails(`kubectl patch svc web -p '{"spec":{"clusterIP":"10.96.5.5"}}'`)).toContain("field is immutable");
  });
});

// Typed without quotes, a JSON patch reaches kubectl as the shell leaves it: bash removes the double
// quotes and, with no unquoted comma inside, performs no brace expansion, so kubectl gets
// {spec:{replicas:3}}; go-yaml reads `spec:` as one plain scalar (a ':' not followed by a blank does not
// end it in a flow collection) and then finds a mapping where ',' or '}' must come (go-yaml-flow.ts).
describe("kubectl patch with a patch the shell has unquoted", () => {
  it("fails as kubectl does on {spec:{replicas:3}} and changes nothing", () => {
    const h = cluster();
    const result = h.run('kubectl patch deploy web -p {"spec":{"replicas":3}}');
    expect(result.exitCode).toBe(1);
    expect(result.output).toBe(
      `error: unable to parse "{spec:{replicas:3}}": yaml: did not find expected ',' or '}'\n`,
    );
    expect(h.cluster.store.get("Deployment", "default", "web")!.spec.replicas).toBe(2);
    // Quoted, the same patch works.
    expect(h.ok(`kubectl patch deploy web -p '{"spec":{"replicas":3}}'`)).toBe("deployment.apps/web patched\n");
  });

  it("quotes the patch as %q does and reports an unclosed one at the stream end", () => {
    const h = cluster();
    expect(h.fails(`kubectl patch deploy web -p '{"spec":{"replicas":3}'`)).toBe(
      `error: unable to parse "{\\"spec\\":{\\"replicas\\":3}": yaml: line 1: did not find expected ',' or '}'\n`,
    );
  });

  it("names the JSON type the server could not decode into a patch map", () => {
    const h = cluster();
    expect(h.fails("kubectl patch deploy web -p hello")).toBe(
      "Error from server (BadRequest): json: cannot unmarshal string into Go value of type map[string]interface {}\n",
    );
  });
});
