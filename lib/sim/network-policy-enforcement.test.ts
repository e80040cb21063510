import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// End to end through kubectl and the pod shell: NetworkPolicy (networking.k8s.io/v1) enforced as a
// policy-enforcing network plugin does (kubernetes.io/docs/concepts/services-networking/network-policies/).

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: web
        image: registry.k8s.io/e2e-test-images/agnhost:2.52
        args: ["netexec", "--http-port=8080"]
        ports:
        - { name: http, containerPort: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - { port: 80, targetPort: 8080 }
`;

const policyYaml = (name: string, spec: string, namespace = "default") => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec}`;

const FILES = {
  "app.yaml": APP,
  "deny-in.yaml": policyYaml("deny-in", "  podSelector: {}\n"),
  "allow-80.yaml": policyYaml(
    "allow-80",
    "  podSelector:\n    matchLabels: { app: web }\n  ingress:\n  - ports:\n    - port: 80\n",
  ),
  "allow-8080.yaml": policyYaml(
    "allow-8080",
    "  podSelector:\n    matchLabels: { app: web }\n  ingress:\n  - ports:\n    - port: 8080\n",
  ),
  "allow-http.yaml": policyYaml(
    "allow-http",
    "  podSelector:\n    matchLabels: { app: web }\n  ingress:\n  - ports:\n    - port: http\n",
  ),
  "deny-out.yaml": policyYaml("deny-out", "  podSelector: {}\n  policyTypes: [Egress]\n"),
  "allow-dns.yaml": policyYaml(
    "allow-dns",
    `  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector:
        matchLabels: { kubernetes.io/metadata.name: kube-system }
      podSelector:
        matchLabels: { k8s-app: kube-dns }
    ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
`,
  ),
  "allow-web-out.yaml": policyYaml(
    "allow-web-out",
    "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector:\n        matchLabels: { app: web }\n",
  ),
  "allow-internet.yaml": policyYaml(
    "allow-internet",
    "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except: [10.0.0.0/8]\n",
  ),
};

function cluster() {
  const h = harness({}, FILES);
  h.ok("kubectl apply -f app.yaml");
  h.ok("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  return h;
}

describe("NetworkPolicy on the traffic path", () => {
  it("allows everything before any policy exists", () => {
    const h = cluster();
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });

  it("a default-deny ingress policy makes curl time out (the SYN is dropped, not refused)", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-in.yaml");
    const out = h.fails("kubectl exec client -- curl -sS --max-time 5 web");
    expect(out).toBe("curl: (28) Connection timed out after 5000 milliseconds\ncommand terminated with exit code 28\n");
    expect(h.fails(`kubectl exec client -- wget -qO- ${h.ipsOf("web-")[0]}:8080`)).toMatch(/Connection timed out/);
  });

  it("selects the backend pod's port after DNAT: allowing the Service port 80 is not enough", () => {
    const h = cluster();
    h.ok("kubectl apply -f allow-80.yaml");
    expect(h.fails("kubectl exec client -- curl -sS -m 3 web")).toMatch(/^curl: \(28\)/);
    h.ok("kubectl apply -f allow-8080.yaml");
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });

  it("resolves a named port on the pod (containerPort http is 8080)", () => {
    const h = cluster();
    h.ok("kubectl apply -f allow-http.yaml");
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });

  it("egress isolation without a DNS rule: nslookup times out, and curl cannot resolve the name", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-out.yaml");
    expect(h.fails("kubectl exec client -- nslookup web")).toBe(
      ";; connection timed out; no servers could be reached\n\ncommand terminated with exit code 1\n",
    );
    expect(h.fails("kubectl exec client -- curl -sS web")).toMatch(/^curl: \(6\) Could not resolve host: web\n/);
  });

  it("allowing DNS egress to kube-dns brings names back; the connection then needs its own egress rule", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-out.yaml -f allow-dns.yaml");
    expect(h.ok("kubectl exec client -- nslookup web")).toContain("Name:\tweb.default.svc.cluster.local");
    expect(h.fails("kubectl exec client -- curl -sS -m 2 web")).toMatch(/^curl: \(28\)/);
    h.ok("kubectl apply -f allow-web-out.yaml");
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });

  it("egress to the internet passes the egress rules: an ipBlock of 0.0.0.0/0 lets it out", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-out.yaml -f allow-dns.yaml");
    expect(h.fails("kubectl exec client -- curl -sS -m 2 example.com")).toMatch(/^curl: \(28\)/);
    h.ok("kubectl apply -f allow-internet.yaml");
    expect(h.ok("kubectl exec client -- curl -sS example.com")).toContain("A page from outside the cluster.");
  });

  it("deleting the policy restores default allow", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-in.yaml");
    expect(h.ok("kubectl delete netpol deny-in")).toBe('networkpolicy.networking.k8s.io "deny-in" deleted\n');
    expect(h.ok("kubectl exec client -- curl -sS web/hostname")).toMatch(/^web-/);
  });
});

describe("kubectl and NetworkPolicy objects", () => {
  it("apply reports created, unchanged and configured with the API group", () => {
    const h = cluster();
    expect(h.ok("kubectl apply -f deny-in.yaml")).toBe("networkpolicy.networking.k8s.io/deny-in created\n");
    expect(h.ok("kubectl apply -f deny-in.yaml")).toBe("networkpolicy.networking.k8s.io/deny-in unchanged\n");
  });

  it("stores the API server's defaults: policyTypes [Ingress] (plus Egress with egress rules), protocol TCP", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-in.yaml -f allow-web-out.yaml -f allow-80.yaml");
    expect(h.ok("kubectl get netpol deny-in -o jsonpath={.spec.policyTypes}")).toBe('["Ingress"]');
    expect(h.ok("kubectl get netpol allow-80 -o jsonpath={.spec.ingress[0].ports[0].protocol}")).toBe("TCP");
  });

  it("get lists NAME, POD-SELECTOR and AGE", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-in.yaml -f allow-80.yaml");
    expect(h.ok("kubectl get networkpolicies")).toBe(
      "NAME       POD-SELECTOR   AGE\nallow-80   app=web        1s\ndeny-in    <none>         1s\n",
    );
  });

  it("describe prints the spec as kubectl's describer does", () => {
    const h = cluster();
    h.ok("kubectl apply -f deny-out.yaml -f allow-dns.yaml");
    expect(h.ok("kubectl describe netpol allow-dns")).toBe(
      [
        "Name:         allow-dns",
        "Namespace:    default",
        "Created on:   2026-01-15 09:00:03 +0000 UTC",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Spec:",
        "  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)",
        "  Allowing ingress traffic:",
        "    <none> (Selected pods are isolated for ingress connectivity)",
        "  Allowing egress traffic:",
        "    To Port: 53/UDP",
        "    To Port: 53/TCP",
        "    To:",
        "      NamespaceSelector: kubernetes.io/metadata.name=kube-system",
        "      PodSelector: k8s-app=kube-dns",
        "  Policy Types: Egress",
        "",
      ].join("\n"),
    );
  });

  it("refuses invalid peers and ports with the API server's messages", () => {
    const h = harness(
      {},
      {
        "bad.yaml": policyYaml(
          "bad",
          "  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: { cidr: 10.0.0.0/8 }\n      podSelector: {}\n    ports:\n    - { port: http, endPort: 90 }\n",
        ),
      },
    );
    expect(h.fails("kubectl apply -f bad.yaml")).toBe(
      'The NetworkPolicy "bad" is invalid:\n* spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric\n* spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer\n',
    );
  });
});
