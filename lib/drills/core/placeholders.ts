import type { Cluster } from "../../sim/cluster";
import type { Pod } from "../../sim/types";
import { DrillError } from "./types";

const appPods = (cluster: Cluster, app: string): Pod[] =>
  cluster
    .pods("default")
    .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp && p.status.podIP)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

function nthPod(cluster: Cluster, app: string, n: string): Pod {
  const pod = appPods(cluster, app)[Number(n)];
  if (!pod) throw new DrillError(`no running pod number ${n} with app=${app}`);
  return pod;
}

function idleWorker(cluster: Cluster, app: string) {
  const busy = new Set(appPods(cluster, app).map((p) => p.spec.nodeName));
  const node = cluster
    .nodes()
    .find(
      (n) =>
        !n.metadata.labels?.["node-role.kubernetes.io/control-plane"] &&
        n.metadata.name !== "control-plane" &&
        !busy.has(n.metadata.name),
    );
  if (!node) throw new DrillError(`every worker runs a pod with app=${app}`);
  return node;
}

const service = (cluster: Cluster, name: string) => {
  const s = cluster.store.get("Service", "default", name);
  if (!s) throw new DrillError(`no Service ${name}`);
  return s;
};

/**
 * Fills {{...}} placeholders from the cluster as it is now: {{clusterIP:svc}}, {{nodePort:svc}},
 * {{pod:app:n}}, {{podIP:app:n}}, {{podNode:app:n}}, {{podNodeIP:app:n}} (the n-th running pod with label app, by name),
 * {{podOn:app:node}}, {{podIPOn:app:node}}, {{nodeIP:node}}, {{idleWorker:app}} and {{idleWorkerIP:app}} (a worker running none of app's pods).
 */
export function resolvePlaceholders(cluster: Cluster, text: string): string {
  return text.replace(/\{\{\s*([a-zA-Z]+)((?::[\w.-]+)*)\s*\}\}/g, (_, name: string, rest: string) => {
    const args = rest.split(":").slice(1);
    switch (name) {
      case "clusterIP":
        return service(cluster, args[0]).spec.clusterIP ?? "";
      case "nodePort":
        return String(service(cluster, args[0]).spec.ports[0]?.nodePort ?? "");
      case "pod":
        return nthPod(cluster, args[0], args[1] ?? "0").metadata.name;
      case "podIP":
        return nthPod(cluster, args[0], args[1] ?? "0").status.podIP!;
      case "podNode":
        return nthPod(cluster, args[0], args[1] ?? "0").spec.nodeName!;
      case "podNodeIP":
        return nthPod(cluster, args[0], args[1] ?? "0").status.hostIP!;
      case "nodeIP": {
        const node = cluster.store.get("Node", undefined, args[0]);
        if (!node) throw new DrillError(`no node ${args[0]}`);
        return cluster.nodeIP(node);
      }
      case "podOn":
      case "podIPOn": {
        const pod = appPods(cluster, args[0]).find((p) => p.spec.nodeName === args[1]);
        if (!pod) throw new DrillError(`no running pod with app=${args[0]} on ${args[1]}`);
        return name === "podOn" ? pod.metadata.name : pod.status.podIP!;
      }
      case "idleWorker":
        return idleWorker(cluster, args[0]).metadata.name;
      case "idleWorkerIP":
        return cluster.nodeIP(idleWorker(cluster, args[0]));
      default:
        throw new DrillError(`unknown placeholder {{${name}${rest}}}`);
    }
  });
}
