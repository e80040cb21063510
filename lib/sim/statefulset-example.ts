/**
 * Manifests for the StatefulSet example of the Kubernetes docs (a StatefulSet "web" of nginx pods,
 * governed by the headless Service "nginx"), for tests and quiz scenarios. With `probe`, the
 * container touches /tmp/ready at start and is ready while that file exists, so `rm /tmp/ready`
 * holds a pod not ready (and OrderedReady waits for it).
 */
export interface StatefulSetExample {
  name?: string;
  serviceName?: string;
  replicas?: number;
  policy?: string;
  probe?: boolean;
  /** Leave out the governing Service. */
  withoutService?: boolean;
}

const PROBE = `          command: [sh, -c, "touch /tmp/ready && exec nginx -g 'daemon off;'"]
          readinessProbe:
            exec: { command: [cat, /tmp/ready] }
`;

export function statefulSetExampleYaml(options: StatefulSetExample = {}): string {
  const name = options.name ?? "web";
  const serviceName = options.serviceName ?? "nginx";
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${serviceName}
spec:
  clusterIP: None
  selector: { app: ${serviceName} }
  ports:
    - { name: web, port: 80 }
---
`;
  return `${options.withoutService ? "" : service}apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${serviceName}
  replicas: ${options.replicas ?? 3}
${options.policy ? `  podManagementPolicy: ${options.policy}\n` : ""}  selector:
    matchLabels: { app: ${serviceName} }
  template:
    metadata:
      labels: { app: ${serviceName} }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - { name: web, containerPort: 80 }
${options.probe ? PROBE : ""}`;
}
