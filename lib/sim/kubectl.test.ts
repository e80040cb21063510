import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

const script = [
  "kubectl create deployment web --image=nginx --replicas=3",
  "kubectl expose deployment web --port=80 --type=NodePort",
  "kubectl run client --image=busybox -- sleep 3600",
  "kubectl get pods -o wide",
  "kubectl get svc",
  "kubectl exec client -- curl -s web",
  "kubectl exec client -- curl -s web",
  "kubectl delete pod -l app=web",
  "kubectl get pods -o wide",
  "kubectl describe svc web",
];

describe("determinism", () => {
  it("prints exactly the same output for the same seed", () => {
    const run = (seed: number) => {
      const h = harness({ seed });
      return script.map((line) => h.run(line).output).join("");
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });
});

describe("kubectl output formats", () => {
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

  it("-o jsonpath supports fields, indexes, wildcards and range", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const names = h.podsNamed("web-").map((p) => p.metadata.name);
    expect(h.ok("kubectl get pods -o jsonpath={.items[*].metadata.name}").split(" ").sort()).toEqual(names);
    expect(h.ok(`kubectl get pod ${names[0]} -o jsonpath={.spec.containers[0].image}`)).toBe("nginx");
    const table = h.ok(
      `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`,
    );
    expect(
      table
        .trim()
        .split("\n")
        .map((l) => l.split("\t")[0])
        .sort(),
    ).toEqual(names);
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

  it("describes a Service with its endpoints", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80 --target-port=80");
    const out = h.ok("kubectl describe service web");
    const endpoints = h.ipsOf("web-").map((ip) => `${ip}:80`);
    expect(out).toMatch(/Endpoints:\s+(\S+)/);
    expect(
      out
        .match(/Endpoints:\s+(\S+)/)![1]
        .split(",")
        .sort(),
    ).toEqual(endpoints.sort());
  });

  it("lists across namespaces with -A and in one namespace with -n", () => {
    const h = harness();
    expect(h.ok("kubectl get pods -n kube-system")).toMatch(/coredns-\w+-\w+\s+1\/1\s+Running/);
    expect(h.ok("kubectl get pods -A")).toMatch(/^NAMESPACE\s+NAME/);
    expect(h.ok("kubectl get pods")).toBe("No resources found in default namespace.\n");
    expect(h.ok("kubectl get pods -n nope")).toBe("No resources found in nope namespace.\n");
  });
});

describe("errors look like kubectl's and never crash", () => {
  const cases: [string, string][] = [
    ["kubectl foo", 'error: unknown command "foo" for "kubectl"'],
    ["kubectl get pods --bogus", "error: unknown flag: --bogus"],
    ["kubectl get widgets", 'error: the server doesn\'t have a resource type "widgets"'],
    ["kubectl get pod nope", 'Error from server (NotFound): pods "nope" not found'],
    ["kubectl get pods -o bogus", 'error: unable to match a printer suitable for the output format "bogus"'],
    ["kubectl scale deployment web", 'error: required flag(s) "replicas" not set'],
    ["kubectl exec nope -- env", 'Error from server (NotFound): pods "nope" not found'],
    ["kubectl run x -n nope --image=nginx", 'Error from server (NotFound): namespaces "nope" not found'],
    [
      "kubectl delete namespace default",
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    ],
    ["hello", "bash: hello: command not found"],
  ];
  for (const [line, message] of cases) {
    it(`${line} → ${message}`, () => {
      const h = harness();
      expect(h.fails(line)).toContain(message);
    });
  }

  it("survives arbitrary input without throwing", () => {
    const h = harness();
    const junk = [
      "",
      "   ",
      "kubectl",
      "kubectl get",
      "kubectl exec x",
      "kubectl exec client --",
      "curl",
      "nslookup",
      "kubectl apply -f",
      "kubectl get pods -o jsonpath={.items[",
      "'unterminated",
      "kubectl label pod",
      "kubectl expose",
      "kubectl drain",
      "kubectl rollout",
      "kubectl create deployment",
    ];
    for (const line of junk) expect(() => h.run(line)).not.toThrow();
  });
});

describe("the shell", () => {
  it("ignores comments and blank lines, and echoes", () => {
    const h = harness();
    expect(h.run("# a comment")).toEqual({ output: "", exitCode: 0 });
    expect(h.ok("echo hello world")).toBe("hello world\n");
  });

  it("advances the clock one second per command, so AGE grows", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.ok("sleep 120");
    expect(h.ok("kubectl get pod app")).toMatch(/\s2m\d*s?\n/);
  });

  it("accepts k as an alias for kubectl", () => {
    const h = harness();
    expect(h.ok("k get nodes")).toMatch(/^NAME\s+STATUS/);
  });

  it("labels pods, which moves them in and out of a Service", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    const [pod] = h.podsNamed("web-");
    expect(h.ok(`kubectl label pod ${pod.metadata.name} app=debug --overwrite`)).toBe(
      `pod/${pod.metadata.name} labeled\n`,
    );
    // The ReplicaSet no longer owns a matching pod, so it makes a new one; the Service drops the relabelled pod.
    const endpoints = h.cluster.store.sliceFor("default", "web")!.endpoints.map((e) => e.addresses[0]);
    expect(endpoints).not.toContain(pod.status.podIP);
    expect(h.podsNamed("web-")).toHaveLength(3);
  });
});
