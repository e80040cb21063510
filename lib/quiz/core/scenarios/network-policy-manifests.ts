// Manifests the NetworkPolicy scenarios show the learner and apply.

export const CLIENT_IMAGE = "curlimages/curl";
export const DNS_CLIENT_IMAGE = "registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3";

/** A NetworkPolicy manifest; `spec` is YAML indented by two spaces under `spec:`. */
export const policyYaml = (name: string, spec: string, namespace?: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ""}spec:
${spec}`;

export const denyIngress = (namespace?: string) =>
  policyYaml("default-deny-ingress", "  podSelector: {}\n  policyTypes:\n  - Ingress\n", namespace);

export const DENY_EGRESS = policyYaml("default-deny-egress", "  podSelector: {}\n  policyTypes:\n  - Egress\n");

export const ALLOW_DNS = policyYaml(
  "allow-dns",
  `  podSelector: {}
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
`,
);

/** A Deployment whose pods listen on 8080 (port name http) behind a Service on port 80. */
export const appOnTargetPort = (app: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: ${app}
        image: registry.k8s.io/e2e-test-images/agnhost:2.52
        args: ["netexec", "--http-port=8080"]
        ports:
        - name: http
          containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app: ${app}
  ports:
  - port: 80
    targetPort: 8080
`;
