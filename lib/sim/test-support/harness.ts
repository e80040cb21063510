import { createCluster, type SimCluster } from "../index";
import type { ClusterOptions, KubeEvent, Pod } from "../types";

export interface Harness extends SimCluster {
  /** Runs a command that must succeed and returns its output. */
  ok(line: string): string;
  /** Runs a command that must fail and returns its output. */
  fails(line: string): string;
  /** Pods (not terminating) whose name starts with `prefix` in `namespace`, sorted by name. */
  podsNamed(prefix: string, namespace?: string): Pod[];
  /** The IPs of those pods, sorted. */
  ipsOf(prefix: string, namespace?: string): string[];
  /** The events about objects whose name starts with `prefix`, as "Kind/name Reason: message", oldest first. */
  eventsAbout(prefix: string, namespace?: string): string[];
  /** The live events of a namespace, in order of their last update. */
  events(namespace?: string): KubeEvent[];
}

/** A cluster for tests: seed 1 unless given, manifests served from `files`. */
export function harness(options: ClusterOptions = {}, files: Record<string, string> = {}): Harness {
  const sim = createCluster({ seed: 1, ...options }, (name) => files[name] ?? null);
  const ok = (line: string) => {
    const result = sim.run(line);
    if (result.exitCode !== 0) throw new Error(`expected success: ${line}\n${result.output}`);
    return result.output;
  };
  const fails = (line: string) => {
    const result = sim.run(line);
    if (result.exitCode === 0) throw new Error(`expected failure: ${line}\n${result.output}`);
    return result.output;
  };
  const podsNamed = (prefix: string, namespace = "default") =>
    sim.cluster
      .pods(namespace)
      .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const ipsOf = (prefix: string, namespace?: string) =>
    podsNamed(prefix, namespace)
      .map((p) => p.status.podIP ?? "")
      .sort();
  const events = (namespace = "default") => sim.cluster.events.list(namespace);
  const eventsAbout = (prefix: string, namespace?: string) =>
    events(namespace)
      .filter((e) => e.involvedObject.name.startsWith(prefix))
      .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason}: ${e.message}`);
  return { ...sim, ok, fails, podsNamed, ipsOf, events, eventsAbout };
}
