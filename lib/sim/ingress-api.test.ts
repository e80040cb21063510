import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// The API server's validation of networking.k8s.io/v1 Ingress, read in
// pkg/apis/networking/validation/validation.go (validateIngressRules, validateHTTPIngressPath).
const ingress = (path: string, host = "web.example.com") => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
    - host: ${JSON.stringify(host)}
      http:
        paths:
${path}`;

const PATH_WITHOUT_TYPE = `          - path: /
            backend:
              service:
                name: web
                port:
                  number: 80
`;
const RELATIVE_PATH = `          - path: shop
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;
const GOOD_PATH = `          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

function applied(text: string) {
  return harness({}, { "ing.yaml": text }).run("kubectl apply -f ing.yaml");
}

describe("Ingress validation (pkg/apis/networking/validation/validation.go)", () => {
  it("pathType is required: validateHTTPIngressPath", () => {
    expect(applied(ingress(PATH_WITHOUT_TYPE)).output).toBe(
      'The Ingress "web" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n',
    );
  });

  it("an Exact or Prefix path must begin with '/': must be an absolute path", () => {
    expect(applied(ingress(RELATIVE_PATH)).output).toBe(
      'The Ingress "web" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "shop": must be an absolute path\n',
    );
  });

  it("a host may not be an IP address: validateIngressRules", () => {
    expect(applied(ingress(GOOD_PATH, "10.0.0.1")).output).toBe(
      'The Ingress "web" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address\n',
    );
  });

  it("a wildcard host is '*.' and a DNS subdomain (IsWildcardDNS1123Subdomain)", () => {
    expect(applied(ingress(GOOD_PATH, "foo.*.com")).output).toMatch(
      /spec\.rules\[0\]\.host: Invalid value: "foo\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/,
    );
  });

  it("a valid Ingress is created, then unchanged on a second apply", () => {
    const h = harness({}, { "ing.yaml": ingress(GOOD_PATH) });
    expect(h.ok("kubectl apply -f ing.yaml")).toBe("ingress.networking.k8s.io/web created\n");
    expect(h.ok("kubectl apply -f ing.yaml")).toBe("ingress.networking.k8s.io/web unchanged\n");
    expect(h.ok("kubectl delete ingress web")).toBe('ingress.networking.k8s.io "web" deleted\n');
  });
});
