import { describe, expect, it } from "vitest";
import { backOffAfterFailure, failedPullMilliseconds, failingPullPhaseAt } from "./image-pull";
import { podStatusText } from "./kubectl/printers";
import { parseReference, plausibleTag, pullError } from "./registry";
import { harness } from "./test-support/harness";

// An image the registry does not have: pkg/kubelet/images/image_manager.go EnsureImageExists and
// types.go (ErrImagePull, ErrImagePullBackOff), kuberuntime_container.go startContainer ("Error: %v"),
// the image back-off flowcontrol.NewBackOff(10s, 300s) keyed by pod UID and image (Kubernetes v1.31);
// the runtime's errors are containerd 1.7's.

const NOT_FOUND =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
const ACCESS_DENIED =
  'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

const statusColumn = (h: ReturnType<typeof harness>, pod: string) =>
  h.ok(`kubectl get pod ${pod} --no-headers`).trim().split(/\s+/).slice(1, 3).join(" ");

describe("the simulated registry", () => {
  it("has the catalogue's repositories with real-looking tags, and nothing else on Docker Hub", () => {
    for (const image of [
      "nginx",
      "nginx:1.27",
      "nginx:1.27.3",
      "nginx:1.27-alpine",
      "nginx:stable-alpine",
      "nginx:1.27.3-alpine3.20-perl",
      "busybox:1.36.1-musl",
      "curlimages/curl",
      "docker.io/library/busybox:latest",
      "registry.k8s.io/e2e-test-images/agnhost:2.52",
      "registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3",
      "registry.k8s.io/etcd:3.5.15-0",
      "nginx@sha256:0123",
      "ghcr.io/example/api:1.0",
    ])
      expect(pullError(image), image).toBeNull();
    expect(pullError("nginx:doesnotexist")).toBe(NOT_FOUND);
    expect(pullError("ngnix")).toBe(ACCESS_DENIED);
    expect(pullError("registry.k8s.io/e2e-test-images/agnhost:latest-ish")).toContain("code = NotFound");
    expect(plausibleTag("1.27-hotfix")).toBe(false);
    expect(parseReference("curlimages/curl").normalized).toBe("docker.io/curlimages/curl:latest");
  });

  it("backs off 10 s, 20 s, 40 s … after each failed pull, capped at 5 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(backOffAfterFailure)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    const fail = failedPullMilliseconds("nginx:doesnotexist");
    const pulls = [0, 1, 2, 3].map((k) => failingPullPhaseAt("nginx:doesnotexist", 0, 3 * k));
    expect(pulls).toEqual([0, fail + 10_000, 2 * fail + 30_000, 3 * fail + 70_000]);
  });
});

describe("a container whose image cannot be pulled", () => {
  it("waits in ErrImagePull, then ImagePullBackOff, with the kubelet's events; the pod stays Pending", () => {
    const h = harness();
    h.ok("kubectl run x --image=nginx:doesnotexist");
    const pod = () => h.cluster.store.get("Pod", "default", "x")!;
    expect(pod().status.phase).toBe("Pending");
    const waiting = () => pod().status.containerStatuses[0].state.waiting;
    // The resolve fails within half a second of the pull.
    for (let i = 0; i < 10 && waiting()?.reason === "ContainerCreating"; i++) h.cluster.advance(0.1);
    expect(waiting()).toEqual({ reason: "ErrImagePull", message: NOT_FOUND });
    expect(podStatusText(pod())).toBe("ErrImagePull");
    h.cluster.advance(1);
    expect(pod().status.containerStatuses[0].state.waiting).toEqual({
      reason: "ImagePullBackOff",
      message: 'Back-off pulling image "nginx:doesnotexist"',
    });
    expect(statusColumn(h, "x")).toBe("0/1 ImagePullBackOff");
    expect(h.eventsAbout("x").slice(1)).toEqual([
      'Pod/x Pulling: Pulling image "nginx:doesnotexist"',
      `Pod/x Failed: Failed to pull image "nginx:doesnotexist": ${NOT_FOUND}`,
      "Pod/x Failed: Error: ErrImagePull",
      'Pod/x BackOff: Back-off pulling image "nginx:doesnotexist"',
      "Pod/x Failed: Error: ImagePullBackOff",
    ]);
    expect(h.events().find((e) => e.reason === "BackOff")?.type).toBe("Normal");
    // Ten minutes on: pulls at about 0, 10, 30, 70, 150, 310 s, and it still has not started.
    h.cluster.advance(600);
    const pulling = h.events().find((e) => e.reason === "Pulling");
    expect(pulling?.count).toBe(6);
    expect(pod().status.phase).toBe("Pending");
  });

  it("kubectl run of a misspelt repository is refused by Docker Hub, and logs say why nothing runs", () => {
    const h = harness();
    h.ok("kubectl run x --image=ngnix");
    h.cluster.advance(2);
    expect(h.eventsAbout("x")).toContain(`Pod/x Failed: Failed to pull image "ngnix": ${ACCESS_DENIED}`);
    expect(statusColumn(h, "x")).toBe("0/1 ImagePullBackOff");
    expect(h.fails("kubectl logs x")).toBe(
      'Error from server (BadRequest): container "x" in pod "x" is waiting to start: trying and failing to pull image\n',
    );
    expect(h.ok("kubectl describe pod x")).toMatch(/Status:\s+Pending\n[\s\S]*Reason:\s+ImagePullBackOff\n/);
  });

  it("an attached kubectl run gives up after --pod-running-timeout (1m), --rm deleting the pod first", () => {
    const h = harness();
    expect(h.fails("kubectl run t --rm -it --restart=Never --image=curlimages/curll -- curl -s http://web")).toBe(
      'pod "t" deleted\nerror: timed out waiting for the condition\n',
    );
    expect(h.events().some((e) => e.reason === "BackOff")).toBe(true);
  });

  it("starts once set image names an image the registry has", () => {
    const h = harness();
    h.ok("kubectl run x --image=ngnix");
    h.cluster.advance(5);
    h.ok("kubectl set image pod/x x=nginx:1.27");
    h.cluster.advance(1);
    const pod = h.cluster.store.get("Pod", "default", "x")!;
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.containerStatuses[0].state.running).toBeDefined();
    expect(statusColumn(h, "x")).toBe("1/1 Running");
  });

  it("under imagePullPolicy Never is ErrImageNeverPull, without asking the registry", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
    - name: x
      image: nginx:doesnotexist
      imagePullPolicy: Never
`;
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl apply -f pod.yaml");
    h.cluster.advance(30);
    expect(statusColumn(h, "x")).toBe("0/1 ErrImageNeverPull");
    expect(h.eventsAbout("x").slice(1)).toEqual([
      'Pod/x ErrImageNeverPull: Container image "nginx:doesnotexist" is not present with pull policy of Never',
      "Pod/x Failed: Error: ErrImageNeverPull",
    ]);
  });
});

describe("a rolling update to an image that does not exist", () => {
  it("stalls with the old pods serving, hits the progress deadline, and rollout undo recovers", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.27 --replicas=3");
    h.cluster.advance(5);
    h.ok("kubectl set image deployment/web nginx=nginx:doesnotexist");
    h.cluster.advance(30);
    const pods = h.podsNamed("web-");
    const stuck = pods.filter((p) => p.spec.containers[0].image === "nginx:doesnotexist");
    const old = pods.filter((p) => p.spec.containers[0].image === "nginx:1.27");
    // maxUnavailable 25% of 3 rounds down to 0: all three old pods stay; maxSurge rounds up to 1 new pod.
    expect(old.map((p) => p.status.phase)).toEqual(["Running", "Running", "Running"]);
    expect(stuck).toHaveLength(1);
    expect(stuck[0].status.containerStatuses[0].state.waiting?.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    expect(h.fails("kubectl rollout status deployment/web")).toContain(
      'error: deployment "web" exceeded its progress deadline',
    );
    h.ok("kubectl rollout undo deployment/web");
    h.cluster.advance(60);
    const after = h.podsNamed("web-");
    expect(after.map((p) => p.spec.containers[0].image)).toEqual(["nginx:1.27", "nginx:1.27", "nginx:1.27"]);
    expect(after.every((p) => p.status.phase === "Running")).toBe(true);
    expect(h.ok("kubectl rollout status deployment/web")).toContain('deployment "web" successfully rolled out');
  });
});
