import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl get output formats", () => {
  it("-o json prints an object with the Kubernetes API shape", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    const svc = JSON.parse(h.ok("kubectl get svc web -o json"));
    expect(svc).toMatchObject({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: { type: "ClusterIP", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] },
    });
    const list = JSON.parse(h.ok("kubectl get pods -o json"));
    expect(list).toMatchObject({ apiVersion: "v1", kind: "List" });
    expect(list.items[0]).toMatchObject({ kind: "Pod", status: { phase: "Running" } });
  });

  it("-o yaml round-trips through apply", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const yaml = h.ok("kubectl get pod app -o yaml");
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    const copy = harness({}, { "app.yaml": yaml.replace("name: app\n", "name: app2\n") });
    expect(copy.ok("kubectl apply -f app.yaml")).toBe("pod/app2 created\n");
  });

  it("-o wide adds IP and NODE columns; -o name prints type/name", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const pod = h.podsNamed("app")[0];
    expect(h.ok("kubectl get pods -o wide")).toMatch(
      new RegExp(
        `app\\s+1/1\\s+Running\\s+0\\s+\\d+s\\s+${pod.status.podIP!.replace(/\./g, "\\.")}\\s+${pod.spec.nodeName}`,
      ),
    );
    expect(h.ok("kubectl get pods -o name")).toBe("pod/app\n");
  });

  it("lists across namespaces with -A and in one namespace with -n", () => {
    const h = harness();
    expect(h.ok("kubectl get pods -n kube-system")).toMatch(/coredns-\w+-\w+\s+1\/1\s+Running/);
    expect(h.ok("kubectl get pods -A")).toMatch(/^NAMESPACE\s+NAME/);
    expect(h.ok("kubectl get pods")).toBe("No resources found in default namespace.\n");
    expect(h.ok("kubectl get pods -n nope")).toBe("No resources found in nope namespace.\n");
  });
});
