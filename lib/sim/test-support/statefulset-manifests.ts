/**
 * The nginx StatefulSet of the Kubernetes StatefulSet docs ("web", governed by the headless Service
 * "nginx"), with a readiness probe on /tmp/ready when `probe` is set, so a test can hold a pod
 * not ready (`rm /tmp/ready`) and see OrderedReady wait.
 */
const PROBE = `          command: [sh, -c, "touch /tmp/ready && exec nginx -g 'daemon off;'"]
          readinessProbe:
            exec: { command: [cat, /tmp/ready] }
`;

export function webStatefulSetYaml(options: { replicas?: number; policy?: string; probe?: boolean } = {}): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector: { app: nginx }
  ports:
    - { name: web, port: 80 }
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${options.replicas ?? 3}
${options.policy ? `  podManagementPolicy: ${options.policy}\n` : ""}  selector:
    matchLabels: { app: nginx }
  template:
    metadata:
      labels: { app: nginx }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - { name: web, containerPort: 80 }
${options.probe ? PROBE : ""}`;
}
