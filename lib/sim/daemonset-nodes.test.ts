import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// pkg/controller/daemon: NodeShouldRunDaemonPod (nodeSelector, NoSchedule/NoExecute taints against the
// template's tolerations plus AddOrUpdateDaemonPodTolerations'), printers.go printDaemonSet.

const daemonSet = (extra = "") => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
${extra}      containers:
        - name: agent
          image: nginx:1.27
`;

const nodesOf = (h: ReturnType<typeof harness>) =>
  h
    .podsNamed("agent-")
    .map((p) => p.spec.nodeName)
    .sort();

describe("DaemonSets from a manifest", () => {
  it("run one pod per node whose taints they tolerate: not on the tainted control-plane node by default", () => {
    const h = harness({}, { "ds.yaml": daemonSet() });
    expect(h.ok("kubectl apply -f ds.yaml")).toBe("daemonset.apps/agent created\n");
    expect(nodesOf(h)).toEqual(["worker-1", "worker-2"]);
    expect(h.ok("kubectl get ds agent")).toBe(
      "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n" +
        "agent   2         2         2       2            2           <none>          1s\n",
    );
    // The controller's own tolerations are on every pod it makes.
    expect(h.podsNamed("agent-")[0].spec.tolerations).toContainEqual({
      key: "node.kubernetes.io/unschedulable",
      operator: "Exists",
      effect: "NoSchedule",
    });
    expect(h.ok("kubectl rollout status ds/agent")).toBe('daemon set "agent" successfully rolled out\n');
    expect(h.ok("kubectl apply -f ds.yaml")).toBe("daemonset.apps/agent unchanged\n");
  });

  it("include the control-plane node when they tolerate its NoSchedule taint", () => {
    const toleration =
      "      tolerations:\n        - { key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }\n";
    const h = harness({}, { "ds.yaml": daemonSet(toleration) });
    h.ok("kubectl apply -f ds.yaml");
    expect(nodesOf(h)).toEqual(["control-plane", "worker-1", "worker-2"]);
  });

  it("keep to the nodes their nodeSelector matches, and print it under NODE SELECTOR", () => {
    const h = harness({}, { "ds.yaml": daemonSet("      nodeSelector: { kubernetes.io/hostname: worker-2 }\n") });
    h.ok("kubectl apply -f ds.yaml");
    expect(nodesOf(h)).toEqual(["worker-2"]);
    expect(h.ok("kubectl get ds agent --no-headers")).toContain(" kubernetes.io/hostname=worker-2 ");
  });

  it("are validated as the API server validates them", () => {
    const bad = daemonSet().replace("labels: { app: agent }", "labels: { app: other }");
    const h = harness({}, { "bad.yaml": bad });
    expect(h.fails("kubectl apply -f bad.yaml")).toContain(
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
  });
});
