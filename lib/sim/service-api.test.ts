import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";
import { serviceYaml } from "./test-support/manifests";

const withPort = (extra = "") => `  selector: { app: web }\n  ports:\n    - port: 80\n${extra}`;

describe("ClusterIP allocation (Service ClusterIP allocation docs, KEP-3070)", () => {
  it("gives a new Service a random address from the upper band of 10.96.0.0/12, never 10.96.0.1", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    const ip = h.ok("kubectl get svc web -o jsonpath={.spec.clusterIP}");
    expect(ip).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(ip).not.toBe("10.96.0.1");
    const [, , third] = ip.split(".").map(Number);
    expect(ip.startsWith("10.96.0.") && third === 0).toBe(false); // the first 256 addresses are the static band
  });

  it("honours a requested ClusterIP in the range", () => {
    const h = harness({}, { "svc.yaml": serviceYaml("fixed", withPort("  clusterIP: 10.96.0.50\n")) });
    expect(h.ok("kubectl apply -f svc.yaml")).toBe("service/fixed created\n");
    expect(h.ok("kubectl get svc fixed -o jsonpath={.spec.clusterIPs[0]}")).toBe("10.96.0.50");
  });

  it("rejects a requested ClusterIP that is already allocated (10.96.0.1 belongs to the kubernetes Service)", () => {
    const h = harness({}, { "svc.yaml": serviceYaml("web", withPort("  clusterIP: 10.96.0.1\n")) });
    expect(h.fails("kubectl apply -f svc.yaml")).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated\n',
    );
    expect(h.fails("kubectl get svc web")).toContain("NotFound");
  });

  it("rejects a requested ClusterIP outside the service CIDR", () => {
    const h = harness({}, { "svc.yaml": serviceYaml("web", withPort("  clusterIP: 10.200.0.5\n")) });
    expect(h.fails("kubectl apply -f svc.yaml")).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.5"}: failed to allocate IP 10.200.0.5: the provided IP (10.200.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
    );
  });

  it("keeps clusterIP immutable: applying another address fails and changes nothing", () => {
    const files = {
      "a.yaml": serviceYaml("web", withPort("  clusterIP: 10.96.0.50\n")),
      "b.yaml": serviceYaml("web", withPort("  clusterIP: 10.96.0.60\n")),
      "c.yaml": serviceYaml("web", `  selector: { app: web }\n  ports:\n    - port: 8080\n`),
    };
    const h = harness({}, files);
    h.ok("kubectl apply -f a.yaml");
    const out = h.fails("kubectl apply -f b.yaml");
    expect(out).toContain('spec.clusterIPs[0]: Invalid value: []string{"10.96.0.60"}: may not change once set');
    expect(out).toContain('spec.clusterIP: Invalid value: "10.96.0.60": field is immutable');
    expect(h.ok("kubectl get svc web -o jsonpath={.spec.clusterIP}")).toBe("10.96.0.50");
    // Leaving clusterIP out keeps the allocated one.
    expect(h.ok("kubectl apply -f c.yaml")).toBe("service/web configured\n");
    expect(h.ok("kubectl get svc web -o jsonpath={.spec.clusterIP}:{.spec.ports[0].port}")).toBe("10.96.0.50:8080");
  });

  it("frees the address when the Service is deleted", () => {
    const h = harness({}, { "svc.yaml": serviceYaml("web", withPort("  clusterIP: 10.96.0.50\n")) });
    h.ok("kubectl apply -f svc.yaml");
    h.ok("kubectl delete svc web");
    expect(h.ok("kubectl apply -f svc.yaml")).toBe("service/web created\n");
  });
});

describe("NodePort Services", () => {
  it("allocates a node port in 30000-32767 and shows it in PORT(S)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80 --type=NodePort");
    const port = Number(h.ok("kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}"));
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(h.ok("kubectl get svc web")).toMatch(new RegExp(`web\\s+NodePort\\s+10\\.\\S+\\s+<none>\\s+80:${port}/TCP`));
  });

  it("rejects a node port outside the range with the API server's message", () => {
    const h = harness(
      {},
      {
        "np.yaml": serviceYaml(
          "web",
          `  type: NodePort\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 8080\n`,
        ),
      },
    );
    expect(h.fails("kubectl apply -f np.yaml")).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it("rejects a node port another Service holds, and leaves the ClusterIP unallocated", () => {
    const np = (name: string) =>
      serviceYaml(
        name,
        `  type: NodePort\n  clusterIP: 10.96.0.77\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 30080\n`,
      );
    const h = harness({}, { "a.yaml": np("a"), "b.yaml": np("b").replace("10.96.0.77", "10.96.0.78") });
    h.ok("kubectl apply -f a.yaml");
    expect(h.fails("kubectl apply -f b.yaml")).toBe(
      'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
    // b's requested ClusterIP was released when its creation failed.
    expect(h.cluster.clusterIPs.allocate("10.96.0.78")).toBeNull();
  });

  it("forbids nodePort on a ClusterIP Service", () => {
    const h = harness(
      {},
      { "s.yaml": serviceYaml("web", `  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 30080\n`) },
    );
    expect(h.fails("kubectl apply -f s.yaml")).toContain(
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it("releases node ports when the type goes back to ClusterIP", () => {
    const files = {
      "np.yaml": serviceYaml(
        "web",
        `  type: NodePort\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 30080\n`,
      ),
      "cip.yaml": serviceYaml("web", withPort()),
      "other.yaml": serviceYaml(
        "other",
        `  type: NodePort\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 30080\n`,
      ),
    };
    const h = harness({}, files);
    h.ok("kubectl apply -f np.yaml");
    h.ok("kubectl apply -f cip.yaml");
    expect(h.ok("kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}")).toBe("");
    expect(h.ok("kubectl apply -f other.yaml")).toBe("service/other created\n");
  });
});

describe("LoadBalancer, headless and ExternalName Services", () => {
  it("leaves a LoadBalancer's external IP pending without a load-balancer model", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80 --type=LoadBalancer");
    expect(h.ok("kubectl get svc web")).toMatch(/web\s+LoadBalancer\s+\S+\s+<pending>\s+80:3\d{4}\/TCP/);
  });

  it("assigns an external IP from the pool when a load-balancer model is enabled", () => {
    const h = harness({ loadBalancerPool: "172.18.255.200/29" });
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80 --type=LoadBalancer");
    expect(h.ok("kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}")).toBe("172.18.255.201");
    expect(h.ok("curl -s 172.18.255.201")).toContain("<title>Welcome to nginx!</title>");
  });

  it("gives a headless Service no ClusterIP", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80 --cluster-ip=None --name=web-headless");
    expect(h.ok("kubectl get svc web-headless")).toMatch(/web-headless\s+ClusterIP\s+None\s+<none>\s+80\/TCP/);
  });

  it("rejects a headless NodePort Service", () => {
    const h = harness(
      {},
      {
        "s.yaml": serviceYaml(
          "web",
          `  type: NodePort\n  clusterIP: None\n  selector: { app: web }\n  ports:\n    - port: 80\n`,
        ),
      },
    );
    expect(h.fails("kubectl apply -f s.yaml")).toContain(
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    );
  });

  it("gives an ExternalName Service no ClusterIP and shows the name as its external IP", () => {
    const h = harness({}, { "s.yaml": serviceYaml("db", `  type: ExternalName\n  externalName: db.example.com\n`) });
    h.ok("kubectl apply -f s.yaml");
    expect(h.ok("kubectl get svc db")).toMatch(/db\s+ExternalName\s+<none>\s+db\.example\.com\s+<none>/);
  });

  it("defaults sessionAffinity to None, and ClientIP's timeout to 10800 seconds", () => {
    const h = harness({}, { "s.yaml": serviceYaml("web", withPort("  sessionAffinity: ClientIP\n")) });
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80 --name=plain");
    expect(h.ok("kubectl get svc plain -o jsonpath={.spec.sessionAffinity}")).toBe("None");
    h.ok("kubectl apply -f s.yaml");
    expect(h.ok("kubectl get svc web -o jsonpath={.spec.sessionAffinityConfig.clientIP.timeoutSeconds}")).toBe("10800");
  });

  it("validates names and ports", () => {
    const h = harness(
      {},
      {
        "s.yaml": serviceYaml("Web_1", `  selector: { app: web }\n  ports:\n    - port: 70000\n`),
        "num.yaml": serviceYaml("1web", withPort()),
      },
    );
    const out = h.fails("kubectl apply -f s.yaml");
    expect(out).toContain(
      'The Service "Web_1" is invalid:\n* metadata.name: Invalid value: "Web_1": a DNS-1035 label must consist of lower case alphanumeric characters',
    );
    expect(out).toContain("* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive");
    // Service names are DNS-1035 labels: they must start with a letter, unlike pod names.
    expect(h.fails("kubectl apply -f num.yaml")).toContain("start with an alphabetic character");
  });

  it("refuses a second Service with the same name", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    expect(h.fails("kubectl expose deployment web --port=80")).toBe(
      'Error from server (AlreadyExists): services "web" already exists\n',
    );
  });
});

// ValidateService (pkg/apis/core/validation/validation.go), with its messages as kubectl prints them.
describe("fields the API server rejects", () => {
  const rejects = (spec: string) =>
    harness({}, { "svc.yaml": serviceYaml("web", spec) }).fails("kubectl apply -f svc.yaml");
  const port = "  selector: { app: web }\n  ports:\n    - port: 80\n";

  it("sessionAffinityConfig.clientIP.timeoutSeconds must be 1..86400", () => {
    for (const timeout of [0, 86401])
      expect(
        rejects(
          `${port}  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${timeout}\n`,
        ),
      ).toBe(
        `The Service "web" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: ${timeout}: must be greater than 0 and less than 86400\n`,
      );
    const h = harness(
      {},
      {
        "svc.yaml": serviceYaml(
          "web",
          `${port}  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 86400\n`,
        ),
      },
    );
    expect(h.ok("kubectl apply -f svc.yaml")).toBe("service/web created\n");
  });

  it("sessionAffinityConfig is forbidden with sessionAffinity None", () => {
    expect(rejects(`${port}  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 60\n`)).toBe(
      'The Service "web" is invalid: spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None\n',
    );
  });

  it("externalTrafficPolicy only on externally-accessible Services; healthCheckNodePort only on LoadBalancer + Local", () => {
    expect(rejects(`${port}  externalTrafficPolicy: Local\n`)).toBe(
      'The Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n',
    );
    expect(rejects(`${port}  type: NodePort\n  healthCheckNodePort: 31000\n`)).toBe(
      "The Service \"web\" is invalid: spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n",
    );
    expect(rejects(`${port}  internalTrafficPolicy: Nearby\n`)).toBe(
      'The Service "web" is invalid: spec.internalTrafficPolicy: Unsupported value: "Nearby": supported values: "Cluster", "Local"\n',
    );
  });

  it("an update that turns a NodePort into a ClusterIP drops the carried-over externalTrafficPolicy (dropTypeDependentFields)", () => {
    const h = harness(
      {},
      {
        "np.yaml": serviceYaml("web", `  type: NodePort\n  externalTrafficPolicy: Local\n${port}`),
        "cip.yaml": serviceYaml("web", `  type: ClusterIP\n  externalTrafficPolicy: Local\n${port}`),
      },
    );
    h.ok("kubectl apply -f np.yaml");
    expect(h.ok("kubectl apply -f cip.yaml")).toBe("service/web configured\n");
    expect(h.ok("kubectl get svc web -o jsonpath={.spec.externalTrafficPolicy}")).toBe("");
  });
});
