import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// Rules from kubectl's pkg/cmd/run/run.go (Kubernetes v1.31): Run, handleAttachPod, getRestartPolicy.

function clusterWithWeb() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx --replicas=2");
  h.ok("kubectl expose deployment web --port=80");
  return h;
}

const statusOf = (h: ReturnType<typeof harness>, name: string) =>
  h.ok(`kubectl get pod ${name} --no-headers`).trim().split(/\s+/).slice(1, 3);

describe("kubectl run, attached and one-shot", () => {
  it("--rm -it --restart=Never prints the command's output, then kubectl's delete line, and leaves no pod", () => {
    const h = clusterWithWeb();
    const result = h.run("kubectl run tmp --rm -it --image=busybox --restart=Never -- wget -qO- http://web");
    expect(result.exitCode).toBe(0);
    // nginx's default page, then kubectl's line.
    expect(result.output).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\npod "tmp" deleted\n$/);
    const [deleted, end] = result.output.split("\n").slice(-2);
    // delete.go PrintObj in v1.31: `pod "NAME" deleted` (no namespace suffix yet in that version).
    expect(deleted).toBe('pod "tmp" deleted');
    expect(end).toBe("");
    expect(h.cluster.store.get("Pod", "default", "tmp")).toBeUndefined();
  });

  it("does not print `pod/NAME created` when attached, and does without -i", () => {
    const h = clusterWithWeb();
    expect(h.ok("kubectl run a -i --image=busybox --restart=Never -- echo hello")).toBe("hello\n");
    expect(h.ok("kubectl run b --image=busybox --restart=Never -- echo hello")).toBe("pod/b created\n");
  });

  it("a Never pod whose command exits 0 ends Completed (phase Succeeded), one that fails ends Error (Failed)", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run good --image=busybox --restart=Never -- wget -qO- http://web");
    h.ok("kubectl run bad --image=busybox --restart=Never -- wget -qO- http://no-such-service");
    expect(statusOf(h, "good")).toEqual(["0/1", "Completed"]);
    expect(statusOf(h, "bad")).toEqual(["0/1", "Error"]);
    expect(h.cluster.store.get("Pod", "default", "good")?.status.phase).toBe("Succeeded");
    const bad = h.cluster.store.get("Pod", "default", "bad")!;
    expect(bad.status.phase).toBe("Failed");
    expect(bad.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  it("a finished pod is no endpoint of a Service that selects it", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run job --image=busybox --restart=Never --labels=app=web -- echo done");
    const endpoints = () => h.cluster.store.slicesFor("default", "web").flatMap((s) => s.endpoints);
    const pod = h.cluster.store.get("Pod", "default", "job")!;
    // While busybox is pulled the pod is Pending with an IP: an endpoint, not ready (ShouldPodBeInEndpoints).
    expect(pod.status.phase).toBe("Pending");
    expect(endpoints().find((e) => e.addresses[0] === pod.status.podIP)?.conditions.ready).toBe(false);
    h.ok("sleep 2");
    expect(h.cluster.store.get("Pod", "default", "job")?.status.phase).toBe("Succeeded");
    expect(endpoints().flatMap((e) => e.addresses)).not.toContain(pod.status.podIP);
  });

  it("attached to a Never pod that fails, kubectl deletes it (--rm), reports the termination and exits with the container's code", () => {
    const h = clusterWithWeb();
    const result = h.run("kubectl run tmp --rm -ti --image=busybox --restart=Never -- wget -qO- http://nope");
    expect(result.output).toBe("wget: bad address 'nope'\npod \"tmp\" deleted\npod default/tmp terminated (Error)\n");
    expect(result.exitCode).toBe(1);
  });

  it("a pod whose process keeps running (sleep) stays Running under restartPolicy Never", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run sleeper --image=busybox --restart=Never -- sleep 3600");
    expect(statusOf(h, "sleeper")).toEqual(["1/1", "Running"]);
  });

  it("-i without --restart defaults the restart policy to OnFailure; otherwise Always", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run i -i --image=busybox -- echo hi");
    h.ok("kubectl run plain --image=busybox -- sleep 3600");
    expect(h.cluster.store.get("Pod", "default", "i")?.spec.restartPolicy).toBe("OnFailure");
    expect(h.cluster.store.get("Pod", "default", "plain")?.spec.restartPolicy).toBe("Always");
  });

  it("answers kubectl's usage errors: --rm without attaching, -t without -i, a bad restart policy, no image", () => {
    const h = clusterWithWeb();
    const help = "See 'kubectl run -h' for help and examples\n";
    expect(h.fails("kubectl run x --rm --image=busybox")).toBe(
      `error: --rm should only be used for attached containers\n${help}`,
    );
    expect(h.fails("kubectl run x -t --image=busybox")).toBe(
      `error: -i/--stdin is required for containers with -t/--tty=true\n${help}`,
    );
    expect(h.fails("kubectl run x --restart=Sometimes --image=busybox")).toBe(
      `error: invalid restart policy: Sometimes\n${help}`,
    );
    expect(h.fails("kubectl run x")).toBe("error: --image is required\n");
  });
});

describe("kubectl run -it with a shell", () => {
  // attach.go: with a TTY kubectl prints "If you don't see a command prompt..."; the session ends at exit.
  it("holds the terminal in the pod's shell until exit; with --rm kubectl then deletes the pod", () => {
    const h = clusterWithWeb();
    expect(h.ok("kubectl run tmp --rm -it --image=busybox --restart=Never -- sh")).toBe(
      "If you don't see a command prompt, try pressing enter.\n",
    );
    expect(h.prompt()).toBe("/ # ");
    expect(h.ok("wget -qO- http://web")).toMatch(/^<!DOCTYPE html>/);
    expect(h.ok("exit")).toBe('pod "tmp" deleted\n');
    expect(h.prompt()).toBe("$ ");
    expect(h.cluster.store.get("Pod", "default", "tmp")).toBeUndefined();
  });

  it("without a command the client image's shell is the main process; a failing exit reports the Never pod's Error", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run tmp -it --image=busybox --restart=Never");
    const result = h.run("exit 3");
    expect(result).toEqual({ output: "pod default/tmp terminated (Error)\n", exitCode: 3 });
    expect(statusOf(h, "tmp")).toEqual(["0/1", "Error"]);
  });

  it("restartPolicy Always restarts the shell and tells how to attach again", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run tmp -it --image=busybox --restart=Always");
    expect(h.ok("exit")).toBe(
      "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n",
    );
    expect(h.cluster.store.get("Pod", "default", "tmp")?.status.containerStatuses[0].restartCount).toBe(1);
  });
});
