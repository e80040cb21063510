import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("the default cluster (like kubeadm)", () => {
  it("has a control-plane node and two workers, each with a /24 from 10.244.0.0/16", () => {
    const h = harness();
    const nodes = h.cluster.nodes().map((n) => [n.metadata.name, n.spec.podCIDR]);
    expect(nodes).toEqual([
      ["control-plane", "10.244.0.0/24"],
      ["worker-1", "10.244.1.0/24"],
      ["worker-2", "10.244.2.0/24"],
    ]);
  });
  it("takes the pod network from options, e.g. 192.168.0.0/16", () => {
    const h = harness({ podCIDR: "192.168.0.0/16", workers: 3 });
    expect(h.cluster.nodes().map((n) => n.spec.podCIDR)).toEqual([
      "192.168.0.0/24",
      "192.168.1.0/24",
      "192.168.2.0/24",
      "192.168.3.0/24",
    ]);
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    for (const ip of h.ipsOf("web-")) expect(ip).toMatch(/^192\.168\.[1-3]\.\d+$/);
  });
  it("gives the kubernetes Service 10.96.0.1 and kube-dns 10.96.0.10", () => {
    const h = harness();
    expect(h.ok("kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}")).toBe("10.96.0.1");
    expect(h.ok("kubectl get svc kube-dns -n kube-system -o jsonpath={.spec.clusterIP}")).toBe("10.96.0.10");
  });
  it("keeps application pods off the control-plane node (its NoSchedule taint)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=6");
    expect(h.podsNamed("web-").every((p) => p.spec.nodeName !== "control-plane")).toBe(true);
  });
});

describe("pod IPs: container restart versus pod recreation", () => {
  it("keeps the pod and its IP when the container restarts, counting the restart", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const before = h.podsNamed("app")[0];
    const ip = before.status.podIP;
    // The container's main process dies, so the exec session ends as killed (128 + SIGKILL).
    expect(h.run("kubectl exec app -- kill 1")).toEqual({
      output: "command terminated with exit code 137\n",
      exitCode: 137,
    });
    const after = h.podsNamed("app")[0];
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.status.podIP).toBe(ip);
    expect(after.status.containerStatuses[0].restartCount).toBe(1);
    expect(h.ok("kubectl get pod app")).toMatch(/app\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
  });

  it("replaces a deleted Deployment pod with a new pod, new name and new IP", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    const [victim] = h.podsNamed("web-");
    const oldIPs = h.ipsOf("web-");
    h.ok(`kubectl delete pod ${victim.metadata.name}`);
    const now = h.podsNamed("web-");
    expect(now).toHaveLength(3);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    const fresh = now.find((p) => !oldIPs.includes(p.status.podIP!));
    expect(fresh, "the replacement has an address no earlier pod had").toBeDefined();
  });

  it("does not bring back a bare pod that was deleted", () => {
    const h = harness();
    h.ok("kubectl run lonely --image=nginx");
    h.ok("kubectl delete pod lonely");
    expect(h.fails("kubectl get pod lonely")).toBe('Error from server (NotFound): pods "lonely" not found\n');
  });
});

describe("Deployments and ReplicaSets", () => {
  it("names pods <deployment>-<pod-template-hash>-<5 chars> and labels them with the hash", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const rs = h.cluster.store.list("ReplicaSet", "default").find((r) => r.metadata.name.startsWith("web-"))!;
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    for (const pod of h.podsNamed("web-")) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(pod.metadata.labels).toMatchObject({ app: "web", "pod-template-hash": hash });
    }
  });

  it("scales up and down", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    expect(h.ok("kubectl scale deployment web --replicas=5")).toBe("deployment.apps/web scaled\n");
    expect(h.podsNamed("web-")).toHaveLength(5);
    h.ok("kubectl scale deployment/web --replicas=1");
    expect(h.podsNamed("web-")).toHaveLength(1);
    expect(h.ok("kubectl get deployment web")).toMatch(/web\s+1\/1\s+1\s+1/);
  });

  it("replaces every pod on rollout restart (a new ReplicaSet), with new IPs", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    const before = h.podsNamed("web-").map((p) => p.metadata.name);
    const oldIPs = h.ipsOf("web-");
    expect(h.ok("kubectl rollout restart deployment web")).toBe("deployment.apps/web restarted\n");
    const after = h.podsNamed("web-");
    expect(after).toHaveLength(3);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(after.every((p) => !oldIPs.includes(p.status.podIP!))).toBe(true);
    expect(
      h.cluster.store
        .list("ReplicaSet", "default")
        .filter((r) => r.metadata.name.startsWith("web-"))
        .map((r) => r.spec.replicas)
        .sort(),
    ).toEqual([0, 3]);
  });
});

describe("cordon and drain", () => {
  it("stops scheduling onto a cordoned node but leaves its pods running", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    expect(h.ok("kubectl cordon worker-2")).toBe("node/worker-2 cordoned\n");
    expect(h.ok("kubectl get nodes")).toMatch(/worker-2\s+Ready,SchedulingDisabled/);
    const onWorker2 = h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-2").length;
    expect(onWorker2).toBeGreaterThan(0);
    h.ok("kubectl scale deployment web --replicas=6");
    expect(h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-2")).toHaveLength(onWorker2);
    expect(h.ok("kubectl uncordon worker-2")).toBe("node/worker-2 uncordoned\n");
  });

  it("refuses to drain a node with DaemonSet pods unless told to ignore them (kubectl's message)", () => {
    const h = harness();
    const out = h.fails("kubectl drain worker-1");
    expect(out).toContain(
      "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-",
    );
    expect(out).toContain('error: unable to drain node "worker-1"');
  });

  it("refuses to drain a bare pod without --force", () => {
    const h = harness();
    h.ok("kubectl run lonely --image=nginx");
    const node = h.podsNamed("lonely")[0].spec.nodeName!;
    expect(h.fails(`kubectl drain ${node} --ignore-daemonsets`)).toContain(
      "cannot delete Pods that declare no controller (use --force to override): default/lonely",
    );
  });

  it("evicts pods, which come back on other nodes with new IPs, while the ClusterIP stays", () => {
    const h = harness({ workers: 3 });
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok("kubectl expose deployment web --port=80");
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    const onWorker1 = h.podsNamed("web-").filter((p) => p.spec.nodeName === "worker-1");
    expect(onWorker1.length).toBeGreaterThan(0);
    const oldIPs = h.ipsOf("web-");
    const out = h.ok("kubectl drain worker-1 --ignore-daemonsets");
    expect(out).toMatch(
      /^node\/worker-1 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\w+\n/,
    );
    expect(out).toContain(`evicting pod default/${onWorker1[0].metadata.name}`);
    expect(out.trim().endsWith("node/worker-1 drained")).toBe(true);
    const after = h.podsNamed("web-");
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.spec.nodeName !== "worker-1")).toBe(true);
    const moved = after.filter((p) => !oldIPs.includes(p.status.podIP!));
    expect(moved).toHaveLength(onWorker1.length);
    expect(h.cluster.store.get("Service", "default", "web")!.spec.clusterIP).toBe(clusterIP);
    const endpoints = h.cluster.store
      .sliceFor("default", "web")!
      .endpoints.map((e) => e.addresses[0])
      .sort();
    expect(endpoints).toEqual(h.ipsOf("web-"));
  });

  it("leaves pods Pending when no node can take them", () => {
    const h = harness({ workers: 1 });
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl drain worker-1 --ignore-daemonsets");
    const pods = h.podsNamed("web-");
    expect(pods.every((p) => p.status.phase === "Pending" && !p.status.podIP)).toBe(true);
    expect(h.ok("kubectl get pods")).toMatch(/Pending/);
  });
});

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
