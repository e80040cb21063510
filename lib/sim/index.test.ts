import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

const script = [
  "kubectl create deployment web --image=nginx --replicas=3",
  "kubectl expose deployment web --port=80 --type=NodePort",
  "kubectl run client --image=busybox -- sleep 3600",
  "kubectl get pods -o wide",
  "kubectl get svc",
  "kubectl exec client -- curl -s web",
  "kubectl exec client -- curl -s web",
  "kubectl delete pod -l app=web",
  "kubectl get pods -o wide",
  "kubectl describe svc web",
];

describe("determinism", () => {
  it("prints exactly the same output for the same seed", () => {
    const run = (seed: number) => {
      const h = harness({ seed });
      return script.map((line) => h.run(line).output).join("");
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });
});
