import { describe, expect, it } from "vitest";
import { harness } from "../../sim/test-support/harness";
import { checkSchema } from "./check-schema";
import { evaluateCheck } from "./checks";

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
spec:
  podSelector: {}
`;

describe("the connects check", () => {
  const connects = (outcome: string, to = "web") =>
    checkSchema.parse({ kind: "connects", from: "client", to, outcome });

  it("reads the outcome a new connection would have, as curl would show it", () => {
    const h = harness({}, { "deny.yaml": DENY });
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl run client --image=curlimages/curl -- sleep 3600");
    expect(evaluateCheck(h.cluster, connects("answered")).passed).toBe(true);
    expect(evaluateCheck(h.cluster, connects("unresolved", "nope")).passed).toBe(true);
    h.ok("kubectl apply -f deny.yaml");
    const blocked = evaluateCheck(h.cluster, connects("answered"));
    expect(blocked).toMatchObject({ passed: false });
    expect(blocked.message).toBe("A connection from client to web:80 should end answered; now it ends timed out.");
  });

  it("leaves no trace: the random generator and the clock are as they were", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl run client --image=curlimages/curl -- sleep 3600");
    const before = [h.cluster.rng.save(), h.cluster.now()];
    evaluateCheck(h.cluster, connects("answered"));
    expect([h.cluster.rng.save(), h.cluster.now()]).toEqual(before);
  });

  it("says when the client pod does not exist", () => {
    expect(evaluateCheck(harness().cluster, connects("answered")).message).toBe("Pod client does not exist yet.");
  });

  it("runs from a pod in another namespace when told so", () => {
    const h = harness();
    h.ok("kubectl create namespace tools");
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    h.ok("kubectl run client -n tools --image=curlimages/curl -- sleep 3600");
    const check = (to: string) =>
      checkSchema.parse({ kind: "connects", from: "client", namespace: "tools", to, outcome: "answered" });
    expect(evaluateCheck(h.cluster, check("web.default")).passed).toBe(true);
    // The search list starts with the pod's own namespace, where there is no Service web.
    expect(evaluateCheck(h.cluster, check("web")).message).toMatch(/now it ends with the name unresolved\.$/);
  });
});

describe("the reachable-from-outside check", () => {
  it("with a service named, is met only by that Service, not by another that selects the same pods", () => {
    const h = harness({});
    h.ok("kubectl create deployment web --image=nginx:1.27 --replicas=2");
    h.ok("kubectl expose deployment web --type=NodePort --port=80");
    h.ok("sleep 30");
    const any = checkSchema.parse({ kind: "reachable-from-outside", app: "web" });
    const named = checkSchema.parse({ kind: "reachable-from-outside", app: "web", service: "web-np" });
    expect(evaluateCheck(h.cluster, any).passed).toBe(true);
    expect(evaluateCheck(h.cluster, named)).toMatchObject({
      passed: false,
      message: "Service web-np is not a NodePort or LoadBalancer Service selecting app=web yet.",
    });
    h.ok("kubectl expose deployment web --type=NodePort --port=80 --name=web-np");
    expect(evaluateCheck(h.cluster, named).passed).toBe(true);
  });
});
