import { describe, expect, it } from "vitest";
import { createCluster } from "./index";

function webCluster() {
  const sim = createCluster({ seed: 5 });
  sim.run("kubectl create deployment web --image=nginx --replicas=2");
  sim.run("kubectl expose deployment web --port=80");
  sim.run("sleep 30"); // the pods start and turn ready: nothing is due after that
  return sim;
}

describe("reconciliation once the cluster has settled", () => {
  it("runs no controller for a command that changes nothing, and all of them after a write", () => {
    const sim = webCluster();
    const runs = sim.cluster.reconcileRuns;
    sim.run("kubectl get pods");
    sim.run("kubectl get endpointslices");
    sim.run("sleep 30");
    expect(sim.cluster.reconcileRuns).toBe(runs);
    sim.run("kubectl scale deployment web --replicas=3");
    expect(sim.cluster.reconcileRuns).toBeGreaterThan(runs);
    // The new pod's start is a timer: the clock alone brings it up.
    sim.run("sleep 10");
    expect(sim.run("kubectl get deployment web -o jsonpath={.status.readyReplicas}").output).toBe("3");
  });

  it("still wakes for time: a terminating pod goes once its shutdown is over, with only the clock moving", () => {
    const sim = webCluster();
    const pod = sim.cluster.pods("default")[0];
    sim.cluster.deletePod(pod, { wait: false });
    expect(sim.cluster.store.get("Pod", "default", pod.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    sim.run("sleep 60");
    expect(sim.run(`kubectl get pod ${pod.metadata.name}`).output).toBe(
      `Error from server (NotFound): pods "${pod.metadata.name}" not found\n`,
    );
  });

  it("sees a change inside a container that no object records: a readiness file touched by exec", () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: gated
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
`;
    const sim = createCluster({ seed: 5 }, (name) => (name === "gated.yaml" ? manifest : null));
    sim.run("kubectl apply -f gated.yaml");
    const ready = () => sim.run("kubectl get pod gated -o jsonpath={.status.containerStatuses[0].ready}").output;
    expect(ready()).toBe("false");
    sim.run("kubectl exec gated -- touch /tmp/ready");
    sim.run("sleep 10");
    expect(ready()).toBe("true");
  });
});
