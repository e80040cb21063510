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

describe("kubectl get events", () => {
  it("prints the API server's event columns with the object as lowercase kind/name, in the API server's order (by name)", () => {
    const h = harness();
    h.ok("kubectl run zeta --image=nginx");
    h.ok("kubectl run alpha --image=nginx");
    const lines = h.ok("kubectl get events").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    // Not sorted by time (kubernetes/kubernetes#29838): alpha's events come first, although zeta started first.
    expect(lines.slice(1).map((l) => l.split(/\s+/)[3])).toEqual([
      ...Array(4).fill("pod/alpha"),
      ...Array(4).fill("pod/zeta"),
    ]);
    expect(h.ok("kubectl get ev -o name").split("\n")[0]).toMatch(/^event\/alpha\.[0-9a-f]{16}$/);
  });

  it("lists every namespace with -A and finds one event by name", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    expect(h.ok("kubectl get events -A")).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
    const name = h.ok("kubectl get events -o name").split("\n")[0].replace("event/", "");
    expect(h.ok(`kubectl get event ${name} -o jsonpath={.reason}`)).toBe("Scheduled");
    expect(h.fails("kubectl get event nope")).toBe('Error from server (NotFound): events "nope" not found\n');
  });
});
