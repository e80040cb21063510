import type { Cluster } from "./cluster";
import type { ConnectResult } from "./network";
import { podListensOn } from "./pod-runtime";
import type { Pod } from "./types";

/**
 * A `kubectl port-forward` in place on the learner's machine. It is a tunnel, not a Service: kubectl
 * listens on the local port and carries each connection over the API server to the kubelet of the
 * pod's node, which connects to the port inside the pod's network namespace. So there is no
 * kube-proxy, no ClusterIP and no load balancing on the way, a Service forward reaches the one pod
 * kubectl picked when it started, and the process in the pod sees the connection come from
 * localhost (127.0.0.1), not from the learner's address.
 */
export interface PortForward {
  /** The local port kubectl listens on (on 127.0.0.1 and [::1] unless --address says otherwise). */
  localPort: number;
  addresses: readonly string[];
  namespace: string;
  podName: string;
  podUID: string;
  /** The pod's port (a Service port already resolved to the container port). */
  podPort: number;
}

/** The pod a forward leads to, while it still exists (the same pod, not a replacement of the same name). */
function forwardedPod(cluster: Cluster, forward: PortForward): Pod | undefined {
  const pod = cluster.store.get("Pod", forward.namespace, forward.podName);
  return pod?.metadata.uid === forward.podUID ? pod : undefined;
}

/** Local ports kubectl holds open: a forward whose pod is gone has ended (kubectl exits with "lost connection to pod"). */
export function activeForwards(cluster: Cluster): PortForward[] {
  for (const [port, forward] of cluster.portForwards)
    if (!forwardedPod(cluster, forward)) {
      cluster.portForwards.delete(port);
      cluster.endedPortForwards.set(port, forward);
    }
  return [...cluster.portForwards.values()];
}

export function openPortForward(cluster: Cluster, forward: PortForward): void {
  cluster.endedPortForwards.delete(forward.localPort);
  cluster.portForwards.set(forward.localPort, forward);
}

/**
 * A connection from the learner's machine to its own loopback address on `port`: through a forward
 * if one listens there, straight into the pod (no Service rules apply), else refused.
 */
export function forwardedConnection(cluster: Cluster, ip: string, port: number): ConnectResult | null {
  const forward = activeForwards(cluster).find((f) => f.localPort === port);
  if (!forward) {
    const ended = cluster.endedPortForwards.get(port);
    if (!ended) return null;
    return {
      ok: false,
      error: "refused",
      reason: `the port-forward to pod/${ended.podName} ended when the pod went away (kubectl: "error: lost connection to pod"); nothing listens on port ${port} any more`,
      via: null,
    };
  }
  if (!forward.addresses.includes(ip) && !forward.addresses.includes("0.0.0.0")) return null;
  const pod = forwardedPod(cluster, forward)!;
  if (!podListensOn(pod, forward.podPort))
    // kubectl accepts the local connection, then the kubelet's connect inside the pod is refused, and
    // kubectl closes the local connection without a byte (portforward.go handleConnection logs "an
    // error occurred forwarding"): the client reads end of file, curl's "(52) Empty reply from server".
    return {
      ok: false,
      error: "closed",
      reason: `kubectl accepted the connection, but nothing in pod ${pod.metadata.name} listens on port ${forward.podPort} (an error occurred forwarding ${port} -> ${forward.podPort})`,
      via: null,
    };
  return { ok: true, pod, ip: "127.0.0.1", port: forward.podPort, via: null, clientIP: "127.0.0.1" };
}
