import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl create ingress, as staging/src/k8s.io/kubectl/pkg/cmd/create/create_ingress.go builds the object.
describe("kubectl create ingress (create_ingress.go)", () => {
  it("a path ending in '*' is Prefix (the '*' dropped), any other Exact; rules of one host share one rule", () => {
    const h = harness();
    expect(
      h.ok("kubectl create ingress web --class=nginx --rule=foo.com/*=svc:8080 --rule=foo.com/admin=admin:http"),
    ).toBe("ingress.networking.k8s.io/web created\n");
    const ing = h.cluster.store.get("Ingress", "default", "web")!;
    expect(ing.spec).toEqual({
      ingressClassName: "nginx",
      rules: [
        {
          host: "foo.com",
          http: {
            paths: [
              { path: "/", pathType: "Prefix", backend: { service: { name: "svc", port: { number: 8080 } } } },
              { path: "/admin", pathType: "Exact", backend: { service: { name: "admin", port: { name: "http" } } } },
            ],
          },
        },
      ],
    });
  });

  it("get ingress: CLASS <none> without --class, HOSTS '*' without a host, PORTS 80, 443 with tls (printers.go printIngress)", () => {
    const h = harness();
    h.ok("kubectl create ingress catch-all --rule=/path=svc:80");
    h.ok("kubectl create ingress secure --class=nginx --rule=foo.com/=svc:443,tls=my-cert");
    expect(h.ok("kubectl get ing")).toMatch(
      /^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\ncatch-all\s+<none>\s+\*\s+80\s+\d+s\nsecure\s+nginx\s+foo\.com\s+80, 443\s+\d+s\n$/,
    );
  });

  it("rejects a rule that does not fit host/path=svcname:svcport (its ruleRegex)", () => {
    const h = harness();
    expect(h.fails("kubectl create ingress web --rule=foo.com=svc:80")).toBe(
      "error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n",
    );
  });

  it("needs a rule or a default backend", () => {
    expect(harness().fails("kubectl create ingress web")).toBe(
      "error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n",
    );
  });

  it("the API server's refusal is wrapped as 'failed to create ingress'", () => {
    expect(harness().fails("kubectl create ingress web --rule=1.2.3.4/=svc:80")).toBe(
      'error: failed to create ingress: Ingress.networking.k8s.io "web" is invalid: spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address\n',
    );
  });
});

// describe.go describeIngressV1 and describeBackendV1, written through Go's tabwriter.
describe("kubectl describe ingress (describe.go describeIngressV1)", () => {
  it("lists each host's paths with the backend's ready endpoints, and the error for a missing Service", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl create ingress web --class=nginx --rule=web.example.com/*=web:80 --rule=web.example.com/api=api:80");
    const [a, b] = h.ipsOf("web");
    const eps = h.cluster.store
      .slicesFor("default", "web")[0]
      .endpoints.map((e) => `${e.addresses[0]}:80`)
      .join(",");
    expect([a, b].every((ip) => eps.includes(ip))).toBe(true);
    expect(h.ok("kubectl describe ingress web")).toBe(
      [
        "Name:             web",
        "Labels:           <none>",
        "Namespace:        default",
        "Address:          ",
        "Ingress Class:    nginx",
        "Default backend:  <default>",
        "Rules:",
        "  Host             Path  Backends",
        "  ----             ----  --------",
        "  web.example.com  ",
        `                   /      web:80 (${eps})`,
        '                   /api   <error: services "api" not found>',
        "Annotations:       <none>",
        "Events:            <none>",
        "",
      ].join("\n"),
    );
  });
});
