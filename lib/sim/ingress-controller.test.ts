import { describe, expect, it } from "vitest";
import { hostMatches, pathMatches, routeRequest } from "./ingress-controller";
import { harness } from "./test-support/harness";
import type { Ingress } from "./types";

const DEFAULT_CLASS = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: k8s.io/ingress-nginx
`;
const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
const ALLOW_INGRESS_NGINX = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: from-ingress-nginx
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
`;
const ECHO = "registry.k8s.io/e2e-test-images/echoserver:2.5";

function ingressWith(paths: { path: string; pathType: "Exact" | "Prefix"; service: string }[], host?: string): Ingress {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "i", namespace: "default", uid: "u", creationTimestamp: "", resourceVersion: "" },
    spec: {
      ingressClassName: "nginx",
      rules: [
        {
          ...(host ? { host } : {}),
          http: {
            paths: paths.map((p) => ({
              path: p.path,
              pathType: p.pathType,
              backend: { service: { name: p.service, port: { number: 80 } } },
            })),
          },
        },
      ],
    },
    status: { loadBalancer: {} },
  };
}

// Kubernetes docs, "Ingress", Examples table (concepts/services-networking/ingress): each row checked.
describe("path matching (Kubernetes docs, Ingress: Path types and the Examples table)", () => {
  const cases: [string, "Exact" | "Prefix", string, boolean][] = [
    ["/", "Prefix", "/anything", true],
    ["/foo", "Exact", "/foo", true],
    ["/foo", "Exact", "/bar", false],
    ["/foo", "Exact", "/foo/", false],
    ["/foo/", "Exact", "/foo", false],
    ["/foo", "Prefix", "/foo", true],
    ["/foo", "Prefix", "/foo/", true],
    ["/foo/", "Prefix", "/foo", true],
    ["/foo/", "Prefix", "/foo/", true],
    ["/aaa/bb", "Prefix", "/aaa/bbb", false],
    ["/aaa/bbb", "Prefix", "/aaa/bbb", true],
    ["/aaa/bbb/", "Prefix", "/aaa/bbb", true],
    ["/aaa/bbb", "Prefix", "/aaa/bbb/", true],
    ["/aaa/bbb", "Prefix", "/aaa/bbb/ccc", true],
    ["/aaa/bbb", "Prefix", "/aaa/bbbxyz", false],
    ["/foo", "Prefix", "/foobar", false],
  ];
  for (const [path, pathType, request, matches] of cases)
    it(`${pathType} ${path} ${matches ? "matches" : "does not match"} ${request}`, () => {
      expect(pathMatches({ path, pathType }, request)).toBe(matches);
    });

  it("the longest matching path wins: /, /aaa, /aaa/bbb Prefix for /aaa/bbb/ccc picks /aaa/bbb (docs table)", () => {
    const ing = ingressWith([
      { path: "/", pathType: "Prefix", service: "root" },
      { path: "/aaa", pathType: "Prefix", service: "a" },
      { path: "/aaa/bbb", pathType: "Prefix", service: "b" },
    ]);
    expect(routeRequest([ing], "x", "/aaa/bbb/ccc")?.backend.service?.name).toBe("b");
    expect(routeRequest([ing], "x", "/aaa/ccc")?.backend.service?.name).toBe("a");
  });

  it("an Exact path beats a Prefix path of the same length (docs: Multiple matches)", () => {
    const ing = ingressWith([
      { path: "/foo", pathType: "Prefix", service: "prefix" },
      { path: "/foo", pathType: "Exact", service: "exact" },
    ]);
    expect(routeRequest([ing], "x", "/foo")?.backend.service?.name).toBe("exact");
    expect(routeRequest([ing], "x", "/foo/bar")?.backend.service?.name).toBe("prefix");
  });
});

describe("host matching (Kubernetes docs, Ingress: Hostname wildcards)", () => {
  it("*.foo.com matches one label: bar.foo.com, not baz.bar.foo.com nor foo.com", () => {
    expect(hostMatches("*.foo.com", "bar.foo.com")).toBe(true);
    expect(hostMatches("*.foo.com", "baz.bar.foo.com")).toBe(false);
    expect(hostMatches("*.foo.com", "foo.com")).toBe(false);
    expect(hostMatches("foo.bar.com", "foo.bar.com")).toBe(true);
  });

  it("an exact host is preferred to a wildcard, and the Host header's port is ignored", () => {
    const exact = ingressWith([{ path: "/", pathType: "Prefix", service: "exact" }], "bar.foo.com");
    const wild = ingressWith([{ path: "/", pathType: "Prefix", service: "wild" }], "*.foo.com");
    expect(routeRequest([wild, exact], "bar.foo.com:80", "/")?.backend.service?.name).toBe("exact");
    expect(routeRequest([wild, exact], "baz.foo.com", "/")?.backend.service?.name).toBe("wild");
    expect(routeRequest([wild, exact], "other.com", "/")).toBeNull();
  });
});

/** A cluster with ingress-nginx installed, two echoserver pods behind Service web and an Ingress for web.example.com. */
function withController(files: Record<string, string> = {}) {
  const h = harness({ loadBalancerPool: "172.18.255.200/29" }, files);
  h.ok("kubectl apply -f ingress-nginx.yaml");
  h.ok(`kubectl create deployment web --image=${ECHO} --replicas=2`);
  h.ok("kubectl expose deployment web --port=80 --target-port=8080");
  const lb = h.cluster.store.get("Service", "ingress-nginx", "ingress-nginx-controller")!.status.loadBalancer
    .ingress![0].ip;
  const controller = h.podsNamed("ingress-nginx-controller", "ingress-nginx")[0];
  return { h, lb, controller };
}

describe("ingress-nginx in the simulator", () => {
  it("installs with one apply: IngressClass nginx, the controller Deployment and its LoadBalancer Service", () => {
    const { h } = withController();
    expect(h.ok("kubectl get ingressclass")).toMatch(/^nginx\s+k8s\.io\/ingress-nginx\s+<none>/m);
    expect(h.ok("kubectl get svc -n ingress-nginx")).toMatch(/ingress-nginx-controller\s+LoadBalancer/);
  });

  it("the controller publishes its Service's load balancer IP in the Ingress status (--publish-service)", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    const [header, row] = h.ok("kubectl get ingress").split("\n");
    expect(header).toBe("NAME   CLASS   HOSTS             ADDRESS          PORTS   AGE");
    expect(row).toMatch(
      new RegExp(`^web    nginx   web\\.example\\.com   ${lb.replace(/\./g, "\\.")}   80      \\d+s$`),
    );
  });

  it("without a load balancer implementation the Service stays <pending>, so ADDRESS stays empty (as on kind)", () => {
    const h = harness();
    h.ok("kubectl apply -f ingress-nginx.yaml");
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    expect(h.ok("kubectl get ingress web")).toMatch(/^web\s+nginx\s+web\.example\.com\s+80\s+\d+s$/m);
    expect(h.ok("kubectl get svc -n ingress-nginx")).toMatch(/LoadBalancer\s+\S+\s+<pending>/);
  });

  it("the controller records Sync 'Scheduled for sync' on an Ingress it takes in (store.go), shown by describe", () => {
    const { h } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    expect(h.eventsAbout("web")).toContain("Ingress/web Sync: Scheduled for sync");
    expect(h.ok("kubectl describe ingress web")).toMatch(
      /Events:\n {2}Type {4}Reason {2}Age {3}From {22}Message\n {2}-{4} {4}-{6} {2}-{4} {2}-{4} {22}-{7}\n {2}Normal {2}Sync {4}\d+s {4}nginx-ingress-controller {2}Scheduled for sync\n$/,
    );
  });

  it("an Ingress of another class, or without one, is not served and gets no address", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress other --class=traefik --rule=web.example.com/*=web:80");
    expect(h.ok("kubectl get ingress other")).toMatch(/other\s+traefik\s+web\.example\.com\s+80/);
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/`)).toContain("404 Not Found");
  });

  it("a request through the LoadBalancer IP reaches a backend pod: the controller's pod IP as client, X-Forwarded-For the original", () => {
    const { h, lb, controller } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    const body = h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/shop`);
    expect(body).toContain(`client_address=${controller.status.podIP}`);
    // The controller Service has externalTrafficPolicy Local (as in ingress-nginx's cloud manifest): no SNAT.
    expect(body).toContain(`x-forwarded-for=${h.cluster.outsideHostIP}`);
    expect(body).toContain("host=web.example.com");
    expect(body).toMatch(/Hostname: web-/);
  });

  it("the controller logs each proxied request in ingress-nginx's log-format-upstream", () => {
    const { h, lb, controller } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/shop`);
    const log = h.ok(`kubectl logs -n ingress-nginx ${controller.metadata.name}`);
    expect(log).toMatch(
      /^172\.18\.0\.1 - - \[[^\]]+\] "GET \/shop HTTP\/1\.1" 200 \d+ "-" "curl\/8\.11\.1" 83 0\.001 \[default-web-80\] \[\] 10\.244\.\d+\.\d+:8080 \d+ 0\.001 200 [0-9a-f]{32}\n$/,
    );
  });

  it("round-robins over the ready pod IPs from the EndpointSlices", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    const host = (b: string) => /Hostname: (\S+)/.exec(b)![1];
    const seen = new Set([1, 2, 3, 4].map(() => host(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/`))));
    expect([...seen].sort()).toEqual(h.podsNamed("web").map((p) => p.metadata.name));
  });

  it("is reached through the NodePort on the node running the controller, and from a pod via the ClusterIP", () => {
    const { h, controller } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    const svc = h.cluster.store.get("Service", "ingress-nginx", "ingress-nginx-controller")!;
    const node = h.cluster.store.get("Node", undefined, controller.spec.nodeName!)!;
    const nodePort = svc.spec.ports[0].nodePort;
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${h.cluster.nodeIP(node)}:${nodePort}/`)).toContain(
      "Hostname: web-",
    );
    const fromPod = h.ok(
      `kubectl run c --rm -i --restart=Never --image=curlimages/curl -- curl -s -H 'Host: web.example.com' http://${svc.spec.clusterIP}/`,
    );
    expect(fromPod).toContain("Hostname: web-");
  });

  it("no matching rule and no default backend: ingress-nginx's own 404 page", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/app=web:80");
    expect(h.run(`curl -s -H 'Host: web.example.com' http://${lb}/app/x`)).toEqual({
      output:
        "<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n",
      exitCode: 0,
    });
  });

  it("a defaultBackend catches what no rule matches", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress web --class=nginx --default-backend=web:80");
    expect(h.ok(`curl -s -H 'Host: anything.example.org' http://${lb}/x`)).toContain("Hostname: web-");
  });

  it("busybox wget --header sets the Host header too, from a pod through the controller's ClusterIP", () => {
    const { h } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    const out = h.ok(
      "kubectl run c --rm -i --restart=Never --image=busybox -- wget -qO- --header 'Host: web.example.com' http://ingress-nginx-controller.ingress-nginx",
    );
    expect(out).toContain("Hostname: web-");
  });

  it("NetworkPolicy applies to the controller's hop: the backend must admit the ingress-nginx namespace", () => {
    const { h, lb } = withController({ "deny.yaml": DENY_ALL, "allow.yaml": ALLOW_INGRESS_NGINX });
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    h.ok("kubectl apply -f deny.yaml");
    expect(h.run(`curl -sSf -H 'Host: web.example.com' http://${lb}/`).output).toBe(
      "curl: (22) The requested URL returned error: 504\n",
    );
    h.ok("kubectl apply -f allow.yaml");
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/`)).toContain("Hostname: web-");
  });

  it("a backend Service without ready endpoints answers 503", () => {
    const { h, lb } = withController();
    h.ok("kubectl scale deployment web --replicas=0");
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80");
    expect(h.run(`curl -sSf -H 'Host: web.example.com' http://${lb}/`)).toEqual({
      output: "curl: (22) The requested URL returned error: 503\n",
      exitCode: 22,
    });
  });

  it("a default IngressClass is written into an Ingress created without a class (DefaultIngressClass admission)", () => {
    const { h, lb } = withController({ "default.yaml": DEFAULT_CLASS });
    expect(h.ok("kubectl apply -f default.yaml")).toBe("ingressclass.networking.k8s.io/nginx configured\n");
    h.ok("kubectl create ingress web --rule=web.example.com/*=web:80");
    expect(h.ok("kubectl get ingress web")).toMatch(/web\s+nginx\s+web\.example\.com/);
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/`)).toContain("Hostname: web-");
  });
});

describe("removing ingress-nginx", () => {
  it("kubectl delete -f ingress-nginx.yaml deletes what the built-in file created", () => {
    const h = harness({ loadBalancerPool: "172.18.255.200/29" });
    h.ok("kubectl apply -f ingress-nginx.yaml");
    // The namespace goes first and takes its objects with it (the simulator deletes a namespace at once).
    expect(h.run("kubectl delete -f ingress-nginx.yaml").output).toContain(
      'ingressclass.networking.k8s.io "nginx" deleted',
    );
    expect(h.ok("kubectl get pods -n ingress-nginx")).toBe("No resources found in ingress-nginx namespace.\n");
    expect(h.ok("kubectl get ingressclass")).toBe("No resources found\n");
  });
});

// ingress-nginx docs (TLS/HTTPS, Annotations): a host in spec.tls is served over HTTPS and plain HTTP to it
// is redirected with 308 unless ssl-redirect is "false"; rewrite-target rewrites the whole URI with the
// path regex's capture groups; an ExternalName Service is proxied to its DNS name.
describe("ingress-nginx TLS, annotations and ExternalName backends", () => {
  it("redirects HTTP to HTTPS (308) for a TLS host; curl needs -k for its self-signed certificate", () => {
    const { h, lb } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80,tls=web-tls");
    const redirect = h.ok(`curl -s -I -H 'Host: web.example.com' http://${lb}/shop`);
    expect(redirect).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\n/);
    expect(redirect).toContain("Location: https://web.example.com/shop\r\n");
    // -s alone would hide curl's error message; -S shows it again.
    const untrusted = h.run(`curl -sS -H 'Host: web.example.com' https://${lb}/shop`);
    expect(untrusted.exitCode).toBe(60);
    expect(untrusted.output).toContain("curl: (60) SSL certificate problem: self-signed certificate");
    const body = h.ok(`curl -sk -H 'Host: web.example.com' https://${lb}/shop`);
    expect(body).toContain("x-forwarded-proto=https");
    expect(body).toContain("real path=/shop");
    // Plain HTTP on the TLS port is nginx's 400 page.
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}:443/`)).toContain(
      "The plain HTTP request was sent to HTTPS port",
    );
  });

  it("busybox wget does not follow the 308 (it follows only 300-303) and says the server returned an error", () => {
    const { h } = withController();
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80,tls=web-tls");
    const plain = h.run(
      "kubectl run w --rm -i --restart=Never --image=busybox -- wget -qO- --header 'Host: web.example.com' http://ingress-nginx-controller.ingress-nginx/",
    );
    expect(plain.output).toContain("wget: server returned error: HTTP/1.1 308 Permanent Redirect\n");
    expect(plain.output).not.toContain("Hostname: web-");
    // Straight to https, busybox's TLS client answers, with its note that it validates no certificate.
    const tls = h.run(
      "kubectl run w2 --rm -i --restart=Never --image=busybox -- wget -qO- --header 'Host: web.example.com' https://ingress-nginx-controller.ingress-nginx/",
    );
    expect(tls.output).toContain("wget: note: TLS certificate validation not implemented\n");
    expect(tls.output).toContain("Hostname: web-");
  });

  it('ssl-redirect: "false" serves HTTP for a TLS host; a host without TLS is not redirected', () => {
    const { h, lb } = withController();
    h.ok(
      "kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80,tls=web-tls --annotation=nginx.ingress.kubernetes.io/ssl-redirect=false",
    );
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/`)).toContain("Hostname: web-");
    h.ok("kubectl create ingress plain --class=nginx --rule=plain.example.com/*=web:80");
    expect(h.ok(`curl -s -H 'Host: plain.example.com' http://${lb}/`)).toContain("Hostname: web-");
  });

  it("rewrite-target replaces the whole URI, with capture groups of the regex path", () => {
    const { h, lb } = withController();
    h.ok(
      "kubectl create ingress web --class=nginx --rule=web.example.com/app*=web:80 --annotation=nginx.ingress.kubernetes.io/rewrite-target=/",
    );
    expect(h.ok(`curl -s -H 'Host: web.example.com' http://${lb}/app/x`)).toContain("real path=/\n");
  });

  it("an ExternalName backend is resolved by DNS and proxied to", () => {
    const { h, lb } = withController();
    h.ok("kubectl create service externalname ext --external-name example.com");
    h.ok("kubectl create ingress ext --class=nginx --rule=ext.example.com/*=ext:80");
    expect(h.ok(`curl -s -H 'Host: ext.example.com' http://${lb}/`)).toContain("A page from outside the cluster.");
  });
});
