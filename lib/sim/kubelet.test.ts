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

describe("the kubelet's events (Kubernetes v1.31 wording)", () => {
  it("reports Pulled, Created and Started for each container, against spec.containers{NAME}, from kubelet on its node", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx:1.27");
    const node = h.podsNamed("app")[0].spec.nodeName;
    const kubelet = h.events().filter((e) => e.source.component === "kubelet");
    expect(kubelet.map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Pulled: Container image "nginx:1.27" already present on machine',
      "Created: Created container app",
      "Started: Started container app",
    ]);
    for (const e of kubelet) {
      expect(e.involvedObject.fieldPath).toBe("spec.containers{app}");
      expect(e.source.host).toBe(node);
    }
  });

  it('reports Killing, "Stopping container NAME", once when a pod is deleted', () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.ok("kubectl delete pod app");
    expect(h.eventsAbout("app").filter((e) => e.includes("Killing"))).toEqual([
      "Pod/app Killing: Stopping container app",
    ]);
  });

  it("counts a restarted container's Pulled, Created and Started on the first ones (kill 1 twice: x3)", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.run("kubectl exec app -- kill 1");
    h.run("kubectl exec app -- kill 1");
    const counts = h
      .events()
      .filter((e) => e.source.component === "kubelet")
      .map((e) => [e.reason, e.count]);
    expect(counts).toEqual([
      ["Pulled", 3],
      ["Created", 3],
      ["Started", 3],
    ]);
  });

  it("reports NodeNotSchedulable and NodeSchedulable when its node is cordoned and uncordoned (recordNodeSchedulableEvent)", () => {
    const h = harness();
    h.ok("kubectl cordon worker-1");
    h.ok("kubectl cordon worker-1"); // already cordoned: nothing changes, nothing is reported
    h.ok("kubectl uncordon worker-1");
    expect(h.eventsAbout("worker-1")).toEqual([
      "Node/worker-1 NodeNotSchedulable: Node worker-1 status is now: NodeNotSchedulable",
      "Node/worker-1 NodeSchedulable: Node worker-1 status is now: NodeSchedulable",
    ]);
    // The kubelet's node reference uses the node's name as its uid.
    expect(h.events()[0].involvedObject).toEqual({ apiVersion: "", kind: "Node", name: "worker-1", uid: "worker-1" });
  });
});
