import type { Cluster } from "../../sim/cluster";
import { matchesSelector } from "../../sim/labels";
import { probe } from "../../sim/network";
import { resolveHost } from "../../sim/shell/http-client";
import type { Check } from "./types";

export interface CheckResult {
  check: Check;
  passed: boolean;
  /** What the learner sees: the goal, and where the cluster stands now. */
  message: string;
}

const readyEndpoints = (cluster: Cluster, name: string) =>
  cluster.store
    .slicesFor("default", name)
    .flatMap((s) => s.endpoints)
    .filter((e) => e.conditions.ready).length;

const CONNECTION_OUTCOME = {
  answered: "answered",
  refused: "refused at once",
  timeout: "timed out",
  closed: "closed with no reply",
  unresolved: "with the name unresolved",
} as const;

/** Evaluates a task's checks against the simulator's state, without changing it (no clock, no traffic log). */
export function evaluateCheck(cluster: Cluster, check: Check): CheckResult {
  const svc = "service" in check && check.service ? cluster.store.get("Service", "default", check.service) : undefined;
  const missing = (what: string): CheckResult => ({ check, passed: false, message: `${what} does not exist yet.` });
  switch (check.kind) {
    case "ready-endpoints": {
      if (!svc) return missing(`Service ${check.service}`);
      const n = readyEndpoints(cluster, check.service);
      return {
        check,
        passed: n === check.equals,
        message: `Service ${check.service} should have ${check.equals} ready endpoint${check.equals === 1 ? "" : "s"}; it has ${n}.`,
      };
    }
    case "service-type":
      if (!svc) return missing(`Service ${check.service}`);
      return {
        check,
        passed: svc.spec.type === check.equals,
        message: `Service ${check.service} should be of type ${check.equals}; it is ${svc.spec.type}.`,
      };
    case "headless":
      if (!svc) return missing(`Service ${check.service}`);
      return {
        check,
        passed: svc.spec.clusterIP === "None",
        message: `Service ${check.service} should be headless (clusterIP: None); its clusterIP is ${svc.spec.clusterIP ?? "unset"}.`,
      };
    case "session-affinity":
      if (!svc) return missing(`Service ${check.service}`);
      return {
        check,
        passed: svc.spec.sessionAffinity === check.equals,
        message: `Service ${check.service} should have sessionAffinity ${check.equals}; it has ${svc.spec.sessionAffinity}.`,
      };
    case "reachable-from-outside": {
      const exposed = cluster.store
        .list("Service", "default")
        .filter(
          (s) =>
            (check.service === undefined || s.metadata.name === check.service) &&
            (s.spec.type === "NodePort" || s.spec.type === "LoadBalancer") &&
            matchesSelector({ app: check.app }, s.spec.selector),
        );
      const workers = cluster.nodes().filter((n) => n.metadata.name !== "control-plane");
      for (const s of exposed) {
        const port = s.spec.ports[0]?.nodePort;
        if (port && workers.every((n) => probe(cluster, { kind: "outside" }, cluster.nodeIP(n), port).ok)) {
          return {
            check,
            passed: true,
            message: `${check.app} answers from outside the cluster on every worker at port ${port} (Service ${s.metadata.name}).`,
          };
        }
      }
      return {
        check,
        passed: false,
        message: exposed.length
          ? `A Service of type ${exposed[0].spec.type} selects app=${check.app}, but a request from outside does not reach a ready pod yet.`
          : check.service
            ? `Service ${check.service} is not a NodePort or LoadBalancer Service selecting app=${check.app} yet.`
            : `No NodePort or LoadBalancer Service selects app=${check.app} yet.`,
      };
    }
    case "node-schedulable": {
      const node = cluster.store.get("Node", undefined, check.node);
      if (!node) return missing(`Node ${check.node}`);
      return {
        check,
        passed: !node.spec.unschedulable,
        message: `Node ${check.node} should accept new pods; it is ${node.spec.unschedulable ? "cordoned (SchedulingDisabled)" : "schedulable"}.`,
      };
    }
    case "connects": {
      const pod = cluster.store.get("Pod", check.namespace, check.from);
      if (!pod) return missing(`Pod ${check.from}${check.namespace === "default" ? "" : ` in ${check.namespace}`}`);
      const target = `${check.to}:${check.port}`;
      const client = { kind: "pod" as const, pod };
      // Resolution and a probe leave no trace (no clock, no random draw), like every check.
      const resolved = resolveHost(cluster, client, check.to);
      const result = resolved.ok ? probe(cluster, client, resolved.ip, check.port) : null;
      const outcome = !result ? "unresolved" : result.ok ? "answered" : result.error;
      return {
        check,
        passed: outcome === check.outcome,
        message: `A connection from ${check.from} to ${target} should end ${CONNECTION_OUTCOME[check.outcome]}; now it ends ${CONNECTION_OUTCOME[outcome]}.`,
      };
    }
    case "replicas": {
      const d = cluster.store.get("Deployment", "default", check.deployment);
      if (!d) return missing(`Deployment ${check.deployment}`);
      return {
        check,
        passed: d.spec.replicas === check.equals,
        message: `Deployment ${check.deployment} should have ${check.equals} replicas; it has ${d.spec.replicas}.`,
      };
    }
  }
}
