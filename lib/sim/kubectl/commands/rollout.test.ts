import { describe, expect, it } from "vitest";
import { statefulSetExampleYaml } from "../../statefulset-example";
import { harness } from "../../test-support/harness";

// kubectl pkg/polymorphichelpers history.go and rollback.go, pkg/cmd/rollout (Kubernetes v1.31);
// the deployment controller's revision annotation (deployment_util.go SetNewReplicaSetAnnotations).

const revision = (h: ReturnType<typeof harness>) =>
  h.cluster.store.get("Deployment", "default", "web")!.metadata.annotations?.["deployment.kubernetes.io/revision"];

function twoRevisions() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx:1.25 --replicas=2");
  h.ok("kubectl set image deploy/web nginx=nginx:1.27");
  return h;
}

describe("kubectl rollout", () => {
  it("history lists one revision per ReplicaSet, kept after the rollout", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout history deployment/web")).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(revision(h)).toBe("2");
  });

  it("undo goes back to the previous template, which becomes the newest revision", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout undo deployment/web")).toBe("deployment.apps/web rolled back\n");
    expect(h.podsNamed("web-").map((p) => p.spec.containers[0].image)).toEqual(["nginx:1.25", "nginx:1.25"]);
    expect(revision(h)).toBe("3");
    expect(h.ok("kubectl rollout history deploy/web")).toContain(
      "REVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n",
    );
  });

  it("undo --to-revision picks a revision; the current one is skipped; a missing one is an error", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout undo deploy/web --to-revision=2")).toBe(
      "deployment.apps/web skipped rollback (current template already matches revision 2)\n",
    );
    expect(h.fails("kubectl rollout undo deploy/web --to-revision=7")).toBe(
      "error: unable to find specified revision 7 in history\n",
    );
    expect(h.ok("kubectl rollout undo deploy/web --to-revision=1")).toBe("deployment.apps/web rolled back\n");
  });

  it("history --revision shows that revision's pod template; undo with one revision has nothing to go back to", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout history deploy/web --revision=1")).toContain("Image:\tnginx:1.25");
    expect(h.fails("kubectl rollout history deploy/web --revision=5")).toBe(
      "error: unable to find the specified revision\n",
    );
    const single = harness();
    single.ok("kubectl create deployment web --image=nginx");
    expect(single.fails("kubectl rollout undo deploy/web")).toBe(
      'error: no rollout history found for deployment "web"\n',
    );
  });

  it("status reports a finished rollout", () => {
    const h = twoRevisions();
    expect(h.ok("kubectl rollout status deploy/web")).toBe('deployment "web" successfully rolled out\n');
  });
});

// pkg/cmd/rollout/rollout_status.go: --watch (true) and --timeout (0: no limit) over
// watchtools.UntilWithSync, whose deadline error is "timed out waiting for the condition";
// polymorphichelpers/rollout_status.go words each state and fails on ProgressDeadlineExceeded.
const probed = (port: number, delay = 0) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          readinessProbe:
            httpGet: { path: /, port: ${port} }
            initialDelaySeconds: ${delay}
`;

describe("kubectl rollout status --timeout and --watch", () => {
  it("gives up after --timeout of simulated time with the watch's error, and the clock has moved that far", () => {
    const h = harness({}, { "web.yaml": probed(80, 30) });
    h.ok("kubectl apply -f web.yaml");
    const start = h.cluster.now();
    const result = h.run("kubectl rollout status deploy/web --timeout=5s");
    expect(result.exitCode).toBe(1);
    expect(result.output).toBe(
      'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\nerror: timed out waiting for the condition\n',
    );
    expect(h.cluster.now() - start).toBe(5000 + 1000); // and the second every command takes
    // Without a timeout (0 means none) it watches until the probes pass, 30 s after the start.
    expect(h.ok("kubectl rollout status deploy/web --timeout=0")).toBe(
      'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\ndeployment "web" successfully rolled out\n',
    );
  });

  it("--watch=false (or -w=false) prints the state once and succeeds", () => {
    const h = harness({}, { "web.yaml": probed(80, 30) });
    h.ok("kubectl apply -f web.yaml");
    const start = h.cluster.now();
    const once = 'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n';
    expect(h.ok("kubectl rollout status deploy/web --watch=false")).toBe(once);
    expect(h.ok("kubectl rollout status deploy/web -w=false")).toBe(once);
    expect(h.cluster.now() - start).toBeLessThan(5000);
  });

  it("a rollout that never progresses ends the watch with the progress deadline (600 s) error", () => {
    const h = harness({}, { "web.yaml": probed(81) }); // nothing listens on 81: never ready
    h.ok("kubectl apply -f web.yaml");
    const result = h.run("kubectl rollout status deploy/web");
    expect(result.exitCode).toBe(1);
    expect(result.output).toBe(
      'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\nerror: deployment "web" exceeded its progress deadline\n',
    );
    // Past the deadline the viewer fails at once, before printing a state.
    expect(h.fails("kubectl rollout status deploy/web --timeout=1m")).toBe(
      'error: deployment "web" exceeded its progress deadline\n',
    );
  });

  it("refuses a --timeout that is not a Go duration, with pflag's error", () => {
    const h = twoRevisions();
    expect(h.fails("kubectl rollout status deploy/web --timeout=10")).toBe(
      'error: invalid argument "10" for "--timeout" flag: time: missing unit in duration "10"\nSee \'kubectl rollout status --help\' for usage.\n',
    );
    expect(h.fails("kubectl rollout status deploy/web -w=maybe")).toBe(
      'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl rollout status --help\' for usage.\n',
    );
  });

  it("has status viewers for StatefulSets and DaemonSets only besides Deployments", () => {
    const h = harness({}, { "web.yaml": statefulSetExampleYaml({ replicas: 2, probe: true }) });
    h.ok("kubectl apply -f web.yaml");
    // SetDefaults_StatefulSet gives RollingUpdate a partition of 0: the partitioned viewer's last line.
    expect(h.ok("kubectl rollout status sts/web")).toBe(
      "partitioned roll out complete: 2 new pods have been updated...\n",
    );
    h.ok("kubectl exec web-1 -- rm /tmp/ready");
    h.ok("sleep 30"); // three failed probes
    expect(h.fails("kubectl rollout status sts/web --timeout=3s")).toBe(
      "Waiting for 1 pods to be ready...\nerror: timed out waiting for the condition\n",
    );
    // Without a timeout kubectl would wait for ever; the simulator stops after an hour and says so.
    const start = h.cluster.now();
    expect(h.fails("kubectl rollout status sts/web")).toBe(
      "Waiting for 1 pods to be ready...\nerror: the simulator stopped watching after 1h of simulated time (kubectl would go on)\n",
    );
    expect(h.cluster.now() - start).toBe(3_600_000 + 1000);
    expect(h.ok("kubectl rollout status ds/kube-proxy -n kube-system")).toBe(
      'daemon set "kube-proxy" successfully rolled out\n',
    );
    h.ok("kubectl run p --image=nginx:1.27");
    expect(h.fails("kubectl rollout status pod/p")).toBe("error: no status viewer has been implemented for Pod\n");
    expect(h.fails("kubectl rollout status pod/nope")).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe("kubectl rollout status on a slow rollout", () => {
  it("counts the deadline from the last progress, not from the start of the rollout", () => {
    // maxSurge 1, maxUnavailable 0: each new pod must become ready (after 400 s) before the next.
    const slow = probed(80, 400).replace(
      "  template:",
      "  strategy:\n    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }\n  template:",
    );
    const h = harness({}, { "web.yaml": slow });
    h.ok("kubectl apply -f web.yaml");
    h.ok("sleep 500"); // the first two pods became ready at 400 s
    h.ok("kubectl set image deploy/web nginx=nginx:1.25");
    h.ok("sleep 700"); // the first new pod was ready at 400 s (progress 300 s ago), the rollout began 700 s ago
    expect(h.ok("kubectl rollout status deploy/web")).toContain('deployment "web" successfully rolled out');
  });
});
