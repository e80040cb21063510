/**
 * A Deployment whose pods are ready while /tmp/ready exists: an exec readiness probe that reads
 * the file, which the container creates when it starts (unless `startReady` is false).
 */
export function readinessDeployment(app: string, replicas: number, startReady = true): string {
  const start = startReady ? "touch /tmp/ready && " : "";
  return `apiVersion: apps/v1
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
          image: nginx
          command: ["sh", "-c", "${start}nginx -g 'daemon off;'"]
          readinessProbe:
            exec:
              command: ["cat", "/tmp/ready"]
`;
}

/** A headless Service for `app` that publishes its pods whether or not they are ready. */
export function publishNotReadyService(name: string, app: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
    app: ${app}
  ports:
    - port: 80
`;
}
