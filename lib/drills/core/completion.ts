import type { Cluster } from "../../sim/cluster";
import { KUBECTL_COMMANDS } from "../../sim/kubectl";

const PROGRAMS = ["kubectl", "curl", "wget", "nslookup", "cat", "echo", "sleep"];
const TYPES: Record<string, "Pod" | "Service" | "Deployment" | "Node" | "Namespace" | "ReplicaSet" | "EndpointSlice"> =
  {
    pod: "Pod",
    pods: "Pod",
    po: "Pod",
    service: "Service",
    services: "Service",
    svc: "Service",
    deployment: "Deployment",
    deployments: "Deployment",
    deploy: "Deployment",
    node: "Node",
    nodes: "Node",
    no: "Node",
    namespace: "Namespace",
    namespaces: "Namespace",
    ns: "Namespace",
    replicaset: "ReplicaSet",
    replicasets: "ReplicaSet",
    rs: "ReplicaSet",
    endpointslice: "EndpointSlice",
    endpointslices: "EndpointSlice",
  };
const RESOURCE_WORDS = [
  "pods",
  "services",
  "deployments",
  "nodes",
  "endpointslices",
  "endpoints",
  "replicasets",
  "namespaces",
  "all",
];

function names(cluster: Cluster, kind: (typeof TYPES)[string]): string[] {
  const namespaced = kind !== "Node" && kind !== "Namespace";
  return cluster.store
    .list(kind, namespaced ? "default" : undefined)
    .filter((o) => !o.metadata.deletionTimestamp)
    .map((o) => o.metadata.name)
    .sort();
}

/** Words that could come next at the cursor, for Tab completion in the drill terminal. */
export function completionCandidates(
  cluster: Cluster,
  files: string[],
  line: string,
): { prefix: string; candidates: string[] } {
  const words = line.split(/\s+/);
  const prefix = words[words.length - 1];
  const before = words.slice(0, -1).filter(Boolean);
  let pool: string[];
  if (before.length === 0) pool = PROGRAMS;
  else if (before[0] !== "kubectl" && before[0] !== "k") pool = before[0] === "cat" ? files : [];
  else if (before.length === 1) pool = [...KUBECTL_COMMANDS];
  else {
    const previous = before[before.length - 1];
    const command = before[1];
    if (previous === "-f" || previous === "--filename") pool = files;
    else if (previous === "-n" || previous === "--namespace") pool = names(cluster, "Namespace");
    else if (TYPES[previous]) pool = names(cluster, TYPES[previous]);
    else if (command === "exec" && before.length === 2) pool = names(cluster, "Pod");
    else if (["cordon", "uncordon", "drain"].includes(command) && before.length === 2) pool = names(cluster, "Node");
    else if (["get", "describe", "delete", "label", "scale", "expose"].includes(command) && before.length === 2)
      pool = RESOURCE_WORDS;
    else if (command === "rollout" && before.length === 2) pool = ["restart", "status"];
    else pool = [];
  }
  const candidates = [...new Set(pool.filter((w) => w.startsWith(prefix)))].sort();
  return { prefix, candidates };
}

/** The longest start shared by all candidates. */
export function commonPrefix(words: string[]): string {
  if (words.length === 0) return "";
  let out = words[0];
  for (const w of words) while (!w.startsWith(out)) out = out.slice(0, -1);
  return out;
}
