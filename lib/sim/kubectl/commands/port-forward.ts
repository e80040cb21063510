import type { Cluster } from "../../cluster";
import { KubeError } from "../../errors";
import { activeForwards, openPortForward } from "../../port-forward";
import type { Pod, Service } from "../../types";
import { durationFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { byActivity, podsSelected, selectorOf } from "../pod-choice";
import { getObject, parseTargets } from "../resources";

// kubectl port-forward (staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go, the port
// lookups of kubectl pkg/util/service_port.go and pod_port.go, and client-go tools/portforward).
// kubectl keeps running until interrupted; the simulated prompt runs one command at a time, so the
// forward is recorded in the cluster model (Cluster.portForwards) and stays in place, as if kubectl
// ran in another terminal, until its pod goes away. `curl localhost:PORT` at the prompt then reaches
// that pod through the tunnel (lib/sim/port-forward.ts): no Service, kube-proxy or load balancing
// is involved, even for `svc/NAME`.

const FLAGS: readonly FlagSpec[] = [
  { name: "address", takesValue: true, values: { kind: "words", words: ["localhost", "0.0.0.0"] } },
  { name: "pod-running-timeout", takesValue: true },
];

export const portForwardCommand: KubectlCommand = {
  name: "port-forward",
  summary: "Forward one or more local ports to a pod",
  group: "Troubleshooting and Debugging Commands",
  usage: "port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N] [flags]",
  flags: FLAGS,
  args: [{ kind: "objects", resource: "Pod" }, { kind: "none" }],
  run: kubectlPortForward,
};

function podFor(
  cluster: Cluster,
  target: string,
  namespace: string,
  waitMs: number,
): { pod: Pod; service: Service | null } {
  const [{ type, name }] = parseTargets(target.includes("/") ? [target] : ["pod", target]);
  const object = getObject(cluster, type, namespace, name);
  if (object.kind === "Pod") return { pod: object, service: null };
  // polymorphichelpers attachablePodForObject: SelectorsForObject, then GetFirstPod.
  const found = selectorOf(object);
  if ("reason" in found) throw new KubeError(`error: cannot attach to *v1.${object.kind}: ${found.reason}`);
  const pods = podsSelected(cluster, namespace, found.selector, byActivity);
  // GetFirstPod watches for a matching pod for --pod-running-timeout (1m) before it gives up.
  if (!pods[0]) {
    cluster.advance(Math.max(0, waitMs) / 1000);
    throw new KubeError("error: timed out waiting for the condition");
  }
  return { pod: pods[0], service: object.kind === "Service" ? object : null };
}

/** Pod port for a port spec's remote part, for a Service (translateServicePortToTargetPort) or a pod (convertPodNamedPortToNumber). */
function podPortFor(pod: Pod, service: Service | null, remote: string): { podPort: number; servicePort?: number } {
  const byName = (name: string) => {
    for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
    throw new KubeError(`error: Pod '${pod.metadata.name}' does not have a named port '${name}'`);
  };
  const numeric = /^\d+$/.test(remote);
  if (!service) return { podPort: numeric ? Number(remote) : byName(remote) };
  let port: number;
  if (numeric) port = Number(remote);
  else {
    const named = service.spec.ports.find((p) => p.name === remote);
    if (!named) throw new KubeError(`error: Service '${service.metadata.name}' does not have a named port '${remote}'`);
    port = named.port;
  }
  const spec = service.spec.ports.find((p) => p.port === port);
  if (!spec) throw new KubeError(`error: Service ${service.metadata.name} does not have a service port ${port}`);
  // A headless Service's targetPort is ignored: the Service port is the pod port.
  if (service.spec.clusterIP === "None") return { podPort: port, servicePort: port };
  const target = spec.targetPort;
  if (typeof target === "number" || /^\d+$/.test(String(target)))
    return { podPort: Number(target) || port, servicePort: port };
  return { podPort: byName(String(target)), servicePort: port };
}

function kubectlPortForward(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "port-forward");
  const namespace = namespaceOf(ctx, args);
  const [target, ...specs] = args.positional;
  if (!target || specs.length === 0)
    throw new KubeError(
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples",
    );
  const cluster = ctx.cluster;
  const waitMs = durationFlag(args, "pod-running-timeout") ?? 60_000;
  const { pod, service } = podFor(cluster, target, namespace, waitMs);

  const ports = specs.map((spec) => {
    const parts = spec.split(":");
    const [localText, remote] = parts.length === 2 ? parts : [parts[0], parts[0]];
    const { podPort, servicePort } = podPortFor(pod, service, remote);
    // For a named Service port given alone ("svc/web http"), the local port is the Service port's number.
    const local = localText === remote && !/^\d+$/.test(remote) ? String(servicePort ?? podPort) : localText;
    return { local, podPort };
  });
  if (pod.status.phase !== "Running")
    throw new KubeError(`error: unable to forward port because pod is not running. Current status=${pod.status.phase}`);

  const addressFlag = flag(args, "address") ?? "localhost";
  const addresses = addressFlag
    .split(",")
    .flatMap((a) => (a.trim() === "localhost" ? ["127.0.0.1", "::1"] : [a.trim()]));
  const inUse = new Set(activeForwards(cluster).map((f) => f.localPort));
  let out = "";
  const wanted: { localPort: number; podPort: number }[] = [];
  for (const { local, podPort } of ports) {
    if (local !== "" && !/^\d+$/.test(local))
      throw new KubeError(
        `error: Error parsing local port '${local}': strconv.ParseUint: parsing "${local}": invalid syntax`,
      );
    // ":80" lets the system choose a free local port (Linux's ephemeral range, 32768-60999).
    let localPort = local === "" ? 32768 + cluster.rng.int(60999 - 32768 + 1) : Number(local);
    while (local === "" && inUse.has(localPort)) localPort++;
    wanted.push({ localPort, podPort });
  }
  // client-go ForwardPorts: each port that cannot be listened on is reported and skipped; it fails
  // only when no port could be listened on at all. (kubectl logs the report through klog.)
  let listening = 0;
  for (const { localPort, podPort } of wanted) {
    if (inUse.has(localPort)) {
      const failures = addresses
        .map((a) => {
          const family = a.includes(":") ? "tcp6" : "tcp4";
          const host = a.includes(":") ? `[${a}]` : a;
          return `unable to create listener: Error listen ${family} ${host}:${localPort}: bind: address already in use`;
        })
        .join(" ");
      out += `Unable to listen on port ${localPort}: Listeners failed to create with the following errors: [${failures}]\n`;
      continue;
    }
    inUse.add(localPort);
    listening++;
    openPortForward(cluster, {
      localPort,
      addresses,
      namespace,
      podName: pod.metadata.name,
      podUID: pod.metadata.uid,
      podPort,
    });
    for (const a of addresses) out += `Forwarding from ${a.includes(":") ? `[${a}]` : a}:${localPort} -> ${podPort}\n`;
  }
  if (listening === 0)
    throw new KubeError(
      `${out}error: unable to listen on any of the requested ports: [${wanted.map((w) => `{${w.localPort} ${w.podPort}}`).join(" ")}]`,
    );
  return out;
}
