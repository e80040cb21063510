import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("readiness", () => {
  const probed = `apiVersion: v1
kind: Pod
metadata:
  name: probed
  labels: { app: probed }
spec:
  containers:
    - name: app
      image: nginx
      command: ["sh", "-c", "touch /tmp/ready && nginx -g 'daemon off;'"]
      readinessProbe:
        exec:
          command: ["cat", "/tmp/ready"]
`;
  it("follows an exec probe: removing the file makes the pod unready, keeping its IP", () => {
    const h = harness({}, { "probed.yaml": probed });
    h.ok("kubectl apply -f probed.yaml");
    expect(h.ok("kubectl get pod probed")).toMatch(/probed\s+1\/1\s+Running/);
    const ip = h.podsNamed("probed")[0].status.podIP;
    h.ok("kubectl exec probed -- rm /tmp/ready");
    h.ok("kubectl get pods"); // time passes: the kubelet probes again
    expect(h.ok("kubectl get pod probed")).toMatch(/probed\s+0\/1\s+Running/);
    expect(h.podsNamed("probed")[0].status.podIP).toBe(ip);
    h.ok("kubectl exec probed -- touch /tmp/ready");
    h.ok("kubectl get pods");
    expect(h.ok("kubectl get pod probed")).toMatch(/probed\s+1\/1\s+Running/);
  });
});
