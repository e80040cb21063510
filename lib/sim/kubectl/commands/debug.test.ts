import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// Rules from kubectl's pkg/cmd/debug (Kubernetes v1.31): debug.go generateNodeDebugPod and Validate,
// profiles.go (legacy, netadmin, sysadmin for a node), attach.go's "If you don't see a command prompt".

function cluster(seed = 1) {
  const h = harness({ seed });
  h.ok("kubectl create deployment web --image=nginx --replicas=2");
  h.ok("kubectl expose deployment web --port=80");
  return h;
}

const debuggerPods = (h: ReturnType<typeof harness>) => h.podsNamed("node-debugger-");

describe("kubectl debug node/NAME", () => {
  it("prints kubectl's line, creates node-debugger-NODE-xxxxx in the node's network with the node's / at /host", () => {
    const h = cluster();
    const out = h.ok("kubectl debug node/worker-1 -it --image=busybox");
    const [pod] = debuggerPods(h);
    expect(pod.metadata.name).toMatch(/^node-debugger-worker-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(out).toBe(
      `Creating debugging pod ${pod.metadata.name} with container debugger on node worker-1.\nIf you don't see a command prompt, try pressing enter.\n`,
    );
    expect(pod.spec).toMatchObject({
      nodeName: "worker-1",
      restartPolicy: "Never",
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      tolerations: [{ operator: "Exists" }],
      volumes: [{ name: "host-root", hostPath: { path: "/" } }],
    });
    expect(pod.spec.containers[0]).toMatchObject({
      name: "debugger",
      image: "busybox",
      stdin: true,
      tty: true,
      volumeMounts: [{ name: "host-root", mountPath: "/host" }],
    });
    expect(pod.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kubectl-debug" });
    // hostNetwork: the pod's IP is the node's.
    const node = h.cluster.store.get("Node", undefined, "worker-1")!;
    expect(pod.status.podIP).toBe(h.cluster.nodeIP(node));
  });

  it("names the pod from the cluster's seeded generator: the same seed gives the same suffix", () => {
    const name = (seed: number) => {
      const h = cluster(seed);
      h.ok("kubectl debug node/worker-2 --image=busybox");
      return debuggerPods(h)[0].metadata.name;
    };
    expect(name(7)).toBe(name(7));
    expect(name(7)).not.toBe(name(8));
  });

  it("opens a shell in the pod: the prompt changes, lines run there until exit, and the pod then completes", () => {
    const h = cluster();
    expect(h.prompt()).toBe("$ ");
    h.ok("kubectl debug node/worker-1 -it --image=busybox");
    expect(h.prompt()).toBe("/ # ");
    expect(h.ok("hostname")).toBe("worker-1\n");
    // busybox has no kubectl, curl or iptables-save: the shell says so.
    expect(h.run("kubectl get pods")).toEqual({ output: "sh: kubectl: not found\n", exitCode: 127 });
    expect(h.run("iptables-save")).toEqual({ output: "sh: iptables-save: not found\n", exitCode: 127 });
    expect(h.ok("exit")).toBe("");
    expect(h.prompt()).toBe("$ ");
    const [pod] = debuggerPods(h);
    expect(pod.status.phase).toBe("Succeeded");
    expect(h.ok(`kubectl get pod ${pod.metadata.name} --no-headers`)).toMatch(/0\/1\s+Completed/);
  });

  it("chroot /host gives the node's own tools and shell; exit leaves the chroot first", () => {
    const h = cluster();
    h.ok("kubectl debug node/worker-1 -it --image=busybox --profile=sysadmin");
    h.ok("chroot /host");
    expect(h.prompt()).toBe("# ");
    expect(h.ok("iptables-save -t nat")).toContain("*nat\n");
    expect(h.run("wget -qO- http://web")).toEqual({ output: "sh: 1: wget: not found\n", exitCode: 127 });
    h.ok("exit");
    expect(h.prompt()).toBe("/ # ");
    h.ok("exit");
    expect(h.prompt()).toBe("$ ");
  });

  it("reading iptables needs NET_ADMIN: denied under the default legacy profile, allowed with netadmin or sysadmin", () => {
    const h = cluster();
    h.ok("kubectl debug node/worker-1 -it --image=busybox");
    h.ok("chroot /host");
    expect(h.run("iptables-save")).toEqual({
      output:
        "iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n",
      exitCode: 1,
    });
    h.ok("exit");
    h.ok("exit");
    // netadmin mounts no /host; an image that carries the tools reads the node's rules directly.
    h.ok("kubectl debug node/worker-1 -it --image=nicolaka/netshoot --profile=netadmin");
    expect(h.run("chroot /host")).toEqual({
      output: "chroot: can't change root directory to '/host': No such file or directory\n",
      exitCode: 1,
    });
    expect(h.ok("iptables-save -t nat")).toContain("-A KUBE-SERVICES");
  });

  it("with -- COMMAND the container runs it, kubectl prints its output, and the pod completes", () => {
    const h = cluster();
    const out = h.ok("kubectl debug node/worker-2 -it --image=busybox --profile=sysadmin -- chroot /host ip route");
    expect(out).toMatch(
      /^Creating debugging pod node-debugger-worker-2-\w{5} with container debugger on node worker-2\.\n/,
    );
    expect(out).toContain("default via 172.18.0.1 dev eth0\n");
    expect(h.prompt()).toBe("$ ");
    expect(debuggerPods(h)[0].status.phase).toBe("Succeeded");
  });

  it("answers mistakes as kubectl does", () => {
    const h = cluster();
    expect(h.fails("kubectl debug node/worker-1 -it")).toBe(
      "error: you must specify --image when not using --copy-to.\n",
    );
    expect(h.fails("kubectl debug --image=busybox")).toBe("error: NAME or filename is required for debug\n");
    expect(h.fails("kubectl debug node/worker-1 -t --image=busybox")).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\n",
    );
    expect(h.fails("kubectl debug node/nope -it --image=busybox")).toBe(
      'Error from server (NotFound): nodes "nope" not found\n',
    );
    expect(h.fails("kubectl debug node/worker-1 --image=busybox --profile=root")).toBe(
      "error: unknown profile: root\n",
    );
    expect(debuggerPods(h)).toEqual([]);
  });

  it("kubectl exec -it POD -- sh opens the same kind of shell; exit leaves the pod running", () => {
    const h = cluster();
    const [web] = h.podsNamed("web-");
    h.ok(`kubectl exec -it ${web.metadata.name} -- sh`);
    expect(h.prompt()).toBe("# ");
    expect(h.ok("hostname")).toBe(`${web.metadata.name}\n`);
    h.ok("exit");
    expect(h.prompt()).toBe("$ ");
    expect(h.cluster.store.get("Pod", "default", web.metadata.name)?.status.phase).toBe("Running");
  });

  it("sleep in the shell takes its time on the cluster's clock", () => {
    const h = cluster();
    h.ok("kubectl debug node/worker-1 -it --image=busybox");
    const before = h.cluster.now();
    h.ok("sleep 30");
    // 30 s of sleep plus the second every line at the prompt takes.
    expect(h.cluster.now() - before).toBe(31_000);
  });
});

// kubectl debug POD (debug.go debugByEphemeralContainer, computeDebugContainerName; attach.go
// reattachMessage, v1.31) and the API server's ValidatePodEphemeralContainersUpdate: the ephemeral
// container joins the pod's network namespace, is never restarted and cannot be removed.
describe("kubectl debug POD (ephemeral containers)", () => {
  const webPod = (h: ReturnType<typeof harness>) => h.podsNamed("web")[0];

  it("adds debugger-xxxxx to the running pod with kubectl's lines and attaches a shell that shares its network", () => {
    const h = cluster();
    const pod = webPod(h);
    const out = h.ok(`kubectl debug ${pod.metadata.name} -it --image=busybox --target=nginx`);
    const [ephemeral] = webPod(h).spec.ephemeralContainers ?? [];
    expect(ephemeral).toMatchObject({ image: "busybox", stdin: true, tty: true, targetContainerName: "nginx" });
    expect(ephemeral.name).toMatch(/^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(out).toBe(
      `Targeting container "nginx". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\nDefaulting debug container name to ${ephemeral.name}.\nIf you don't see a command prompt, try pressing enter.\n`,
    );
    expect(h.prompt()).toBe("/ # ");
    // localhost is the pod: nginx in the other container answers.
    expect(h.ok("wget -qO- localhost:80")).toContain("Welcome to nginx!");
    expect(h.ok("hostname").trim()).toBe(pod.metadata.name);
    const exit = h.ok("exit");
    expect(exit).toBe(
      `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${pod.metadata.name} -c ${ephemeral.name} -i -t' if it is still running\n`,
    );
    expect(h.prompt()).toBe("$ ");
    const after = webPod(h);
    expect(after.status.phase).toBe("Running"); // the pod runs on
    expect(after.status.containerStatuses[0].restartCount).toBe(0);
    expect(after.status.ephemeralContainerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 0 });
    // The READY column counts the pod's containers only; describe lists the ephemeral one apart.
    expect(h.ok(`kubectl get pod ${pod.metadata.name} --no-headers`)).toMatch(/\s1\/1\s+Running\s/);
    const described = h.ok(`kubectl describe pod ${pod.metadata.name}`);
    expect(described).toMatch(
      new RegExp(
        `Ephemeral Containers:\\n  ${ephemeral.name}:\\n    Image:\\s+busybox\\n[\\s\\S]*?State:\\s+Terminated`,
      ),
    );
    // Not restarted: exec into it is refused once its process has ended.
    expect(h.fails(`kubectl exec ${pod.metadata.name} -c ${ephemeral.name} -- ls`)).toBe(
      `error: unable to upgrade connection: container not found ("${ephemeral.name}")\n`,
    );
  });

  it("runs a command in the pod's network and prints its output when attached; -c names it; names are unique", () => {
    const h = cluster();
    const name = webPod(h).metadata.name;
    const out = h.ok(`kubectl debug ${name} -i --image=busybox -c probe -- wget -qO- localhost`);
    expect(out).toContain("Welcome to nginx!");
    expect(out).not.toContain("Defaulting debug container name");
    expect(h.ok(`kubectl logs ${name} -c probe`)).toContain("Welcome to nginx!");
    // Without -c, logs defaults to the first container and names the others (podcmd.AllContainerNames).
    expect(h.run(`kubectl logs ${name}`).output).toMatch(
      /^Defaulted container "nginx" out of: nginx, probe \(ephem\)\n/,
    );
    expect(h.fails(`kubectl debug ${name} -i --image=busybox -c probe -- true`)).toBe(
      `The Pod "${name}" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "probe"\n`,
    );
    expect(h.fails(`kubectl debug ${name} -it --image=busybox --target=nope`)).toContain(
      `spec.ephemeralContainers[1].targetContainerName: Not found: "nope"`,
    );
    // Detached (no -i) it is created and left to run; kubectl prints only the name it chose.
    const detached = h.ok(`kubectl debug ${name} --image=busybox -- sleep 3600`);
    expect(detached).toMatch(/^Defaulting debug container name to debugger-\w{5}\.\n$/);
    expect(webPod(h).spec.ephemeralContainers).toHaveLength(2);
  });

  it("cannot be removed by an update of the pod", () => {
    const h = cluster();
    const name = webPod(h).metadata.name;
    h.ok(`kubectl debug ${name} --image=busybox -c dbg -- sleep 3600`);
    // ValidatePodUpdate compares spec.ephemeralContainers too: only the subresource may add to them.
    expect(
      h.fails(`kubectl patch pod ${name} --type=json -p '[{"op":"remove","path":"/spec/ephemeralContainers/0"}]'`),
    ).toContain("spec: Forbidden: pod updates may not change fields");
    expect(webPod(h).spec.ephemeralContainers?.map((c) => c.name)).toEqual(["dbg"]);
  });
});
