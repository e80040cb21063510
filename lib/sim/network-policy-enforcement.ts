// The network plugin's policy check on the simulated cluster: who the two ends of a connection are,
// then the rules of ./network-policy. Traffic paths (network.ts, dns.ts, the shell's HTTP client) call
// `policyDrop` once they know the address and port a packet reaches after kube-proxy's DNAT.
import type { Cluster } from "./cluster";
import { describeVerdict, evaluateConnection, type PolicyEndpoint, type PolicyPod } from "./network-policy";
import type { Pod, Protocol } from "./types";

const policyPod = (pod: Pod): PolicyPod => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace!,
  labels: pod.metadata.labels ?? {},
  ports: pod.spec.containers.flatMap((c) => c.ports ?? []),
  nodeIP: pod.status.hostIP ?? "",
});

function endpoint(cluster: Cluster, ip: string, pod?: Pod): PolicyEndpoint {
  // Pods on the pod network by address (hostNetwork pods share their node's and are left out).
  const known = pod ?? cluster.store.podWithIP(ip);
  return known && !known.spec.hostNetwork ? { ip, pod: policyPod(known) } : { ip };
}

/**
 * Why the network plugin drops a new connection from `sourceIP` to `destinationIP`:`port`, or null
 * when policy lets it through. `destinationPod` is the backend kube-proxy chose, when there is one.
 */
export function policyDrop(
  cluster: Cluster,
  sourceIP: string,
  destinationIP: string,
  port: number,
  protocol: Protocol,
  destinationPod?: Pod,
): string | null {
  const policies = cluster.store.list("NetworkPolicy");
  if (policies.length === 0) return null;
  const verdict = evaluateConnection(
    { policies, namespaceLabels: (ns) => cluster.store.get("Namespace", undefined, ns)?.metadata.labels },
    {
      source: endpoint(cluster, sourceIP),
      destination: endpoint(cluster, destinationIP, destinationPod),
      port,
      protocol,
    },
  );
  return verdict.allowed ? null : describeVerdict(verdict);
}

/**
 * A pod's DNS query to cluster DNS: UDP to port 53 of the kube-dns endpoints (after DNAT). kube-proxy
 * picks one endpoint per query; the CoreDNS replicas carry the same labels, so a policy treats them
 * alike. Should a policy tell them apart (an ipBlock naming one pod), the simulator counts the query
 * as dropped rather than let chance decide.
 */
export function dnsQueryDrop(cluster: Cluster, pod: Pod): string | null {
  if (cluster.store.list("NetworkPolicy").length === 0) return null;
  for (const e of cluster.store.slicesFor("kube-system", "kube-dns").flatMap((slice) => slice.endpoints)) {
    if (!e.conditions.ready) continue;
    const target = e.targetRef ? cluster.store.get("Pod", e.targetRef.namespace, e.targetRef.name) : undefined;
    const drop = policyDrop(cluster, pod.status.podIP ?? "", e.addresses[0], 53, "UDP", target);
    if (drop) return drop;
  }
  return null;
}
