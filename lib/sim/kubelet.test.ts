import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

const probed = (probe = "") => `apiVersion: v1
kind: Pod
metadata:
  name: probed
  labels: { app: probed }
spec:
  containers:
    - name: app
      image: nginx:1.27
      command: ["sh", "-c", "touch /tmp/ready && nginx -g 'daemon off;'"]
      readinessProbe:
        exec:
          command: ["cat", "/tmp/ready"]
${probe}`;

const readyColumn = (h: ReturnType<typeof harness>, name: string) =>
  h.ok(`kubectl get pod ${name} --no-headers`).trim().split(/\s+/).slice(1, 3).join(" ");

describe("readiness probes on the prober's schedule (pkg/kubelet/prober, defaults of SetDefaults_Probe)", () => {
  it("marks the pod unready only after failureThreshold (3) failures a periodSeconds (10) apart, keeping its IP", () => {
    const h = harness({}, { "probed.yaml": probed() });
    h.ok("kubectl apply -f probed.yaml");
    // initialDelaySeconds 0: the first probe runs as the container starts, and one success is enough.
    expect(readyColumn(h, "probed")).toBe("1/1 Running");
    const ip = h.podsNamed("probed")[0].status.podIP;
    h.ok("kubectl exec probed -- rm /tmp/ready");
    h.ok("sleep 15"); // one or two failed probes: still ready
    expect(readyColumn(h, "probed")).toBe("1/1 Running");
    h.ok("sleep 15"); // the third failure in a row
    expect(readyColumn(h, "probed")).toBe("0/1 Running");
    expect(h.podsNamed("probed")[0].status.podIP).toBe(ip);
    h.ok("kubectl exec probed -- touch /tmp/ready");
    h.ok("sleep 10"); // the next probe passes: successThreshold 1
    expect(readyColumn(h, "probed")).toBe("1/1 Running");
  });

  it("waits initialDelaySeconds before the first probe and then needs successThreshold successes", () => {
    const timing = "        initialDelaySeconds: 5\n        periodSeconds: 2\n        successThreshold: 2\n";
    const h = harness({}, { "probed.yaml": probed(timing) });
    h.ok("kubectl apply -f probed.yaml");
    const started = Date.parse(h.podsNamed("probed")[0].status.containerStatuses[0].state.running!.startedAt);
    const ready = () => h.cluster.isPodReady(h.podsNamed("probed")[0]);
    h.ok("sleep 5"); // 6 s after the start: one success (at 5 s)
    expect(ready()).toBe(false);
    h.ok("sleep 0"); // 7 s: the second success
    expect(ready()).toBe(true);
    const condition = h.podsNamed("probed")[0].status.conditions.find((c) => c.type === "Ready")!;
    expect(Date.parse(condition.lastTransitionTime) - started).toBe(7000);
  });

  it("is ready as soon as it runs without a readiness probe", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx:1.27");
    expect(readyColumn(h, "app")).toBe("1/1 Running");
  });
});

describe("start-up: images and ContainerCreating (image_manager.go, printPod)", () => {
  it("under Always (the default for an untagged image) pulls first: Pending, ContainerCreating, 0/1 until it starts", () => {
    const h = harness();
    h.ok("kubectl run web --image=nginx");
    const pod = h.podsNamed("web")[0];
    expect(pod.spec.containers[0].imagePullPolicy ?? "Always").toBe("Always");
    expect(pod.status.phase).toBe("Pending");
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: "ContainerCreating" } });
    expect(readyColumn(h, "web")).toBe("0/1 ContainerCreating"); // a second later nginx is still being pulled
    h.ok("kubectl get pods");
    expect(readyColumn(h, "web")).toBe("1/1 Running");
    const kubelet = h.events().filter((e) => e.source.component === "kubelet");
    expect(kubelet.map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Pulling: Pulling image "nginx"',
      expect.stringMatching(
        /^Pulled: Successfully pulled image "nginx" in 1\.\d+s \(1\.\d+s including waiting\)\. Image size: \d+ bytes\.$/,
      ),
      "Created: Created container web",
      "Started: Started container web",
    ]);
  });

  it("under IfNotPresent (a tagged image) with the image on the node starts at once: already present on machine", () => {
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
    expect(h.podsNamed("app")[0].status.phase).toBe("Running");
  });

  it("honours an explicit imagePullPolicy: IfNotPresent on :latest starts at once", () => {
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n      imagePullPolicy: IfNotPresent\n";
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl apply -f pod.yaml");
    expect(h.podsNamed("app")[0].status.phase).toBe("Running");
  });

  it("refuses exec into a pod still in ContainerCreating, and kubectl wait for Ready waits out the pull", () => {
    const h = harness();
    h.ok("kubectl run web --image=nginx");
    h.fails("kubectl exec web -- hostname");
    expect(h.ok("kubectl wait --for=condition=Ready pod/web")).toBe("pod/web condition met\n");
    expect(h.ok("kubectl exec web -- hostname")).toBe("web\n");
  });
});

describe("graceful termination (kuberuntime_container.go killContainer)", () => {
  const started = (image: string, command = "") => {
    const h = harness();
    h.ok(`kubectl run app --image=${image}${command ? ` -- ${command}` : ""}`);
    h.ok("kubectl wait --for=condition=Ready pod/app");
    return h;
  };
  const gone = (h: ReturnType<typeof harness>) => h.cluster.store.get("Pod", "default", "app") === undefined;

  it("nginx exits on its stop signal: the pod is gone a second after the delete", () => {
    const h = started("nginx");
    const before = h.cluster.now();
    expect(h.ok("kubectl delete pod app")).toBe('pod "app" deleted\n');
    expect(gone(h)).toBe(true);
    // One second to type the command, one for the kubelet to see nginx exit and delete the pod.
    expect(h.cluster.now() - before).toBe(2000);
  });

  it("busybox sleep as PID 1 ignores SIGTERM: Terminating for the whole 30 s grace period, then SIGKILL", () => {
    const h = started("busybox", "sleep 3600");
    h.ok("kubectl delete pod app --wait=false");
    const pod = h.cluster.store.get("Pod", "default", "app")!;
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(Date.parse(pod.metadata.deletionTimestamp!) - h.cluster.now()).toBe(30_000);
    expect(h.ok("kubectl get pod app --no-headers")).toMatch(/^app\s+1\/1\s+Terminating\s/);
    h.ok("sleep 25");
    expect(h.ok("kubectl get pod app --no-headers")).toMatch(/^app\s+1\/1\s+Terminating\s/);
    h.ok("sleep 5");
    expect(gone(h)).toBe(true);
    expect(h.eventsAbout("app").filter((e) => e.includes("Killing"))).toEqual([
      "Pod/app Killing: Stopping container app",
    ]);
  });

  it("a shell that traps TERM exits at once; terminationGracePeriodSeconds bounds one that does not", () => {
    const trap = started("busybox", "sh -c 'trap \"exit 0\" TERM; while true; do sleep 1; done'");
    trap.ok("kubectl delete pod app --wait=false");
    trap.ok("kubectl get pods");
    expect(gone(trap)).toBe(true);
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  terminationGracePeriodSeconds: 5\n  containers:\n    - name: app\n      image: busybox:1.36\n      command: [sleep, '3600']\n";
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl apply -f pod.yaml");
    h.ok("kubectl delete pod app --wait=false");
    h.ok("sleep 3");
    expect(gone(h)).toBe(false);
    h.ok("sleep 2");
    expect(gone(h)).toBe(true);
  });

  it("--grace-period=N and --now (1 s, the runtime still waits its minimum 2 s) shorten the wait", () => {
    const h = started("busybox", "sleep 3600");
    const before = h.cluster.now();
    h.ok("kubectl delete pod app --grace-period=5");
    expect(gone(h)).toBe(true);
    expect(h.cluster.now() - before).toBe(7000); // typing, 5 s until SIGKILL, the kubelet's second
    const now = started("busybox", "sleep 3600");
    const t = now.cluster.now();
    now.ok("kubectl delete pod app --now");
    expect(now.cluster.now() - t).toBe(4000); // typing, max(1, 2) s until SIGKILL, the kubelet's second
    expect(now.fails("kubectl delete pod x --now --grace-period=3")).toBe(
      "error: --now and --grace-period cannot be specified together\n",
    );
  });

  it("--force --grace-period=0 removes the object at once, with kubectl's warning and 'force deleted'", () => {
    const h = started("busybox", "sleep 3600");
    const before = h.cluster.now();
    expect(h.ok("kubectl delete pod app --force --grace-period=0")).toBe(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n" +
        'pod "app" force deleted\n',
    );
    expect(gone(h)).toBe(true);
    expect(h.cluster.now() - before).toBe(1000);
  });

  it("--grace-period=0 without --force means 1 (delete.go): still a graceful delete", () => {
    const h = started("busybox", "sleep 3600");
    expect(h.ok("kubectl delete pod app --grace-period=0 --wait=false")).toBe('pod "app" deleted\n');
    expect(h.cluster.store.get("Pod", "default", "app")!.metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it("a preStop sleep runs before the signal, within the grace period", () => {
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          exec: { command: [sh, -c, 'sleep 8'] }\n";
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl apply -f pod.yaml");
    const before = h.cluster.now();
    h.ok("kubectl delete pod app");
    expect(h.cluster.now() - before).toBe(10_000); // typing, the 8 s hook, nginx exits, the kubelet's second
  });

  it("a container that exited reads Completed in its status while the pod object waits to go", () => {
    const h = started("nginx");
    h.ok("kubectl delete pod app --wait=false");
    const status = h.cluster.store.get("Pod", "default", "app")!.status.containerStatuses[0];
    expect(status.state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(h.cluster.isPodReady(h.cluster.store.get("Pod", "default", "app")!)).toBe(false);
  });
});

describe("the kubelet's events (Kubernetes v1.31 wording)", () => {
  it('reports Killing, "Stopping container NAME", once when a pod is deleted', () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx:1.27");
    h.ok("kubectl delete pod app");
    expect(h.eventsAbout("app").filter((e) => e.includes("Killing"))).toEqual([
      "Pod/app Killing: Stopping container app",
    ]);
  });

  it("counts a restarted container's Pulled, Created and Started on the first ones (kill 1 twice: x3)", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx:1.27");
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
