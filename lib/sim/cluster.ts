import { ClusterIPAllocator, NodePortAllocator, type PodIPAM } from "./allocators";
import { bootstrapCluster } from "./bootstrap";
import { reconcile } from "./controllers";
import { alreadyExists, notFound } from "./errors";
import { EventLog } from "./events";
import { type Cidr, formatIPv4, parseCidr } from "./ip";
import { type PodLifecycle, removePod, reportContainerStarts } from "./kubelet";
import { randomSuffix } from "./names";
import { admitToNamespace } from "./namespace-lifecycle";
import { initialFiles } from "./pod-runtime";
import type { PortForward } from "./port-forward";
import { addNamespaceQuota, admitCreate } from "./quota";
import { Rng } from "./rng";
import { createService } from "./service-api";
import { type StartEnvironment, startEnvironment } from "./service-env";
import { ObjectStore } from "./store";
import { gracePeriodOf } from "./termination";
import { Timers } from "./timers";
import type { ClusterOptions, KubeObject, NodeObject, ObjectMeta, Pod, PodSpec, PodTemplate, Service } from "./types";
import { WorkQueues } from "./work-queues";

export type ResolvedOptions = Required<Omit<ClusterOptions, "loadBalancerPool" | "namespaceQuota" | "nodeResolvConf">> &
  Pick<ClusterOptions, "loadBalancerPool" | "namespaceQuota" | "nodeResolvConf">;

const EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);

export const DEFAULT_OPTIONS: ResolvedOptions = {
  seed: 1,
  workers: 2,
  podCIDR: "10.244.0.0/16",
  podIPStart: "fresh",
  serviceCIDR: "10.96.0.0/12",
  nodeCIDR: "172.18.0.0/16",
  clusterDomain: "cluster.local",
  nodePortRange: [30000, 32767],
  proxyMode: "iptables",
  kubernetesVersion: "v1.31.4",
  externalDNS: { "example.com": "93.184.215.14", "kubernetes.io": "147.75.40.148" },
  // KubeletConfiguration.maxPods default (pkg/kubelet/apis/config/v1beta1/defaults.go).
  maxPods: 110,
};

/** Per-pod state that is not part of the API object: what the containers see. */
export interface PodRuntime {
  env: StartEnvironment;
  files: Set<string>;
  /** What each container wrote to stdout, by container name (kubectl logs): command output, nginx's access log. */
  logs?: Record<string, string>;
}

export type ReconcileMode = "incremental" | "full" | "check";
/** The mode new clusters start in; tests set "check" (setDefaultReconcileMode). */
const defaultMode: { mode: ReconcileMode } = { mode: "incremental" };
export function setDefaultReconcileMode(mode: ReconcileMode): void {
  defaultMode.mode = mode;
}

export class Cluster {
  readonly store = new ObjectStore();
  /** What changed since the controllers last ran, by the key each controller works on (work-queues.ts). */
  readonly queues = new WorkQueues();
  /**
   * How reconcile() finds its work: "incremental" works the queues; "full" enqueues every key first (a
   * walk over every object); "check" works the queues, then enqueues and walks everything and throws if
   * that finds anything the queues missed (tests).
   */
  reconcileMode: ReconcileMode = defaultMode.mode;
  readonly options: ResolvedOptions;
  readonly rng: Rng;
  readonly serviceCIDR: Cidr;
  readonly podCIDR: Cidr;
  readonly nodeCIDR: Cidr;
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
  readonly loadBalancerIPs: { cidr: Cidr; used: Set<string> } | null;
  readonly ipam = new Map<string, PodIPAM>();
  readonly runtime = new Map<string, PodRuntime>();
  /** What each node's kubelet tracks of the pods it runs (start-up, probes, shutdown), by pod uid. */
  readonly podLifecycles = new Map<string, PodLifecycle>();
  /** Pods whose containers all started in the last reconcile, for what waits on that (onContainersStarted). */
  readonly containersStarted: string[] = [];
  private readonly startHooks = new Map<string, () => void>();
  /** kube-proxy state: ClientIP affinity entries and IPVS round-robin positions. */
  readonly affinity = new Map<string, { ip: string; lastUsed: number }>();
  readonly roundRobin = new Map<string, number>();
  /** Why the scheduler could not place a pod, by pod uid (shown by describe). */
  readonly schedulingFailures = new Map<string, string>();
  /** What controllers, the scheduler and the kubelets reported (kubectl get events). */
  readonly events = new EventLog(this);
  /** What each node's kubelet last saw of spec.unschedulable; it reports a change as an event. */
  readonly kubeletSawUnschedulable = new Map<string, boolean>();
  /** `kubectl port-forward` tunnels listening on the learner's machine, by local port (port-forward.ts). */
  readonly portForwards = new Map<number, PortForward>();
  /** Forwards that ended because their pod went away, by local port, so a refused connection can say why. */
  readonly endedPortForwards = new Map<number, PortForward>();
  /** Address of the machine outside the cluster that `curl` at the prompt runs on. */
  readonly outsideHostIP: string;
  private nowMs = EPOCH;
  private batchDepth = 0;
  private bootstrapped = false;

  constructor(options: ClusterOptions = {}) {
    this.options = {
      ...DEFAULT_OPTIONS,
      ...options,
      externalDNS: { ...DEFAULT_OPTIONS.externalDNS, ...options.externalDNS },
    };
    this.rng = new Rng(this.options.seed);
    this.store.onChange = (object) => this.queues.changed(object);
    this.serviceCIDR = parseCidr(this.options.serviceCIDR);
    this.podCIDR = parseCidr(this.options.podCIDR);
    this.nodeCIDR = parseCidr(this.options.nodeCIDR);
    this.clusterIPs = new ClusterIPAllocator(this.serviceCIDR, this.rng);
    this.nodePorts = new NodePortAllocator(this.options.nodePortRange[0], this.options.nodePortRange[1], this.rng);
    this.loadBalancerIPs = this.options.loadBalancerPool
      ? { cidr: parseCidr(this.options.loadBalancerPool), used: new Set() }
      : null;
    this.outsideHostIP = formatIPv4(this.nodeCIDR.base + 1);
    if (this.options.workers + 1 > this.podCIDR.size / 256) {
      throw new Error(
        `podCIDR ${this.podCIDR.text} has room for ${this.podCIDR.size / 256} nodes (a /24 each), not ${this.options.workers + 1}`,
      );
    }
    // The cluster "was created" a day before the learner arrives, so system objects have an age.
    this.nowMs = EPOCH - 86_400_000;
    this.batch(() => bootstrapCluster(this));
    this.bootstrapped = true;
    this.nowMs = EPOCH;
  }

  // ── time ────────────────────────────────────────────────────────────────
  now(): number {
    return this.nowMs;
  }
  timestamp(ms = this.nowMs): string {
    if (ms !== this.stamp.ms) this.stamp = { ms, text: new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z") };
    return this.stamp.text;
  }
  private stamp = { ms: NaN, text: "" };
  /** Moves the simulated clock; pods whose shutdown finishes in that time go away. */
  advance(seconds: number): void {
    this.nowMs += Math.round(seconds * 1000);
    this.reconcile();
  }

  // ── writes ──────────────────────────────────────────────────────────────
  /** Runs several writes and reconciles once at the end (large set-ups, benchmarks). */
  batch<T>(work: () => T): T {
    this.batchDepth++;
    try {
      return work();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0) this.reconcile();
    }
  }

  /**
   * Runs the controllers, the scheduler and the kubelets until nothing changes. They are a function of
   * the store, the containers' runtime state and the clock, so once they have settled there is nothing
   * to do until one of those moves: a write, a file touched in a container, or the clock passing a time
   * some controller asked to be woken at (a grace period ending). A read-only command then costs no
   * reconciliation at all, whatever the size of the cluster.
   */
  reconcile(): void {
    if (this.batchDepth !== 0) return;
    const s = this.settledAt;
    if (s && s.version === this.store.version && s.runtime === this.runtimeVersion && this.nowMs < s.wakeAt) return;
    this.reconcileRuns++;
    const settled = reconcile(this);
    let wakeAt = Number.POSITIVE_INFINITY;
    wakeAt = Math.min(wakeAt, this.timers.earliest());
    for (const ms of this.namespaceRequeues.values()) wakeAt = Math.min(wakeAt, ms);
    this.settledAt = settled ? { version: this.store.version, runtime: this.runtimeVersion, wakeAt } : null;
    // What runs once a pod's containers have started (a one-shot pod's command), after the loops settle.
    while (this.containersStarted.length > 0) {
      const uid = this.containersStarted.shift()!;
      const hook = this.startHooks.get(uid);
      this.startHooks.delete(uid);
      hook?.();
    }
  }

  /** Runs `hook` when the kubelet has started every container of `pod` (at once if it has). */
  onContainersStarted(pod: Pod, hook: () => void): void {
    if (pod.status.phase !== "Pending") hook();
    else this.startHooks.set(pod.metadata.uid, hook);
  }
  private settledAt: { version: number; runtime: number; wakeAt: number } | null = null;
  /** How many times the controllers ran (for tests and benchmarks of the skip above). */
  reconcileRuns = 0;
  private runtimeVersion = 0;
  /**
   * When the kubelet must look at a pod again (a container due to start, a probe, the end of a grace
   * period), by pod key "namespace/name"; "*" for a wake-up no pod asked for, which makes the next
   * reconcile walk everything.
   */
  readonly timers = new Timers();
  /** When the namespace controller looks again at a Terminating namespace, by name (namespace-controller.ts). */
  readonly namespaceRequeues = new Map<string, number>();
  /** The pod key whose sync is running, so that its wakeAt() calls are filed under it. */
  timerOwner: string | null = null;

  /** A controller waiting for the clock (a grace period, a probe's period) says when to look again. */
  wakeAt(ms: number): void {
    const key = this.timerOwner ?? "*";
    this.timers.set(key, Math.min(this.timers.get(key) ?? Number.POSITIVE_INFINITY, ms));
  }

  /** Something the controllers read outside the store changed: a file in `pod`'s container, a restart. */
  runtimeChanged(pod?: Pod): void {
    this.runtimeVersion++;
    if (pod) this.queues.kubeletPods.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
    else this.queues.allKubeletPods = true;
  }

  meta(name: string, namespace: string | undefined, extra: Partial<ObjectMeta> = {}): ObjectMeta {
    return {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      uid: this.store.nextUid(),
      creationTimestamp: this.timestamp(),
      resourceVersion: "",
      ...extra,
    };
  }

  save(object: KubeObject): void {
    this.store.put(object);
  }

  /** Whether NamespaceLifecycle admits new objects (events too) into `name`: it exists and is not terminating. */
  namespaceAcceptsContent(name: string): boolean {
    return this.store.get("Namespace", undefined, name)?.status.phase === "Active";
  }

  requireNamespace(namespace: string): void {
    if (!this.store.get("Namespace", undefined, namespace)) throw notFound("Namespace", namespace);
  }

  createNamespace(name: string): void {
    if (this.store.get("Namespace", undefined, name)) throw alreadyExists("Namespace", name);
    this.save({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: this.meta(name, undefined, { labels: { "kubernetes.io/metadata.name": name } }),
      status: { phase: "Active" },
    });
    if (this.bootstrapped) addNamespaceQuota(this, name);
  }

  createPod(input: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
    spec: PodSpec;
    ownerReferences?: ObjectMeta["ownerReferences"];
    annotations?: Record<string, string>;
  }): Pod {
    admitToNamespace(this, input.namespace, "Pod", input.name);
    if (this.store.get("Pod", input.namespace, input.name)) throw alreadyExists("Pod", input.name);
    // ResourceQuota admission (validating admission, after validation in createBarePod).
    admitCreate(this, input.namespace, "pods", input.name);
    const pod = this.createPodObject(
      input.namespace,
      input.name,
      { metadata: { labels: input.labels ?? {}, annotations: input.annotations }, spec: input.spec },
      input.ownerReferences,
    );
    this.reconcile();
    return pod;
  }

  /** A pod made by a controller from its template (no namespace or existence checks needed). */
  createPodObject(
    namespace: string,
    name: string,
    template: PodTemplate,
    ownerReferences: ObjectMeta["ownerReferences"],
  ): Pod {
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: this.meta(name, namespace, {
        ...(template.metadata.labels && Object.keys(template.metadata.labels).length
          ? { labels: { ...template.metadata.labels } }
          : {}),
        ...(ownerReferences ? { ownerReferences } : {}),
        ...(template.metadata.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      }),
      spec: {
        restartPolicy: "Always",
        terminationGracePeriodSeconds: 30,
        dnsPolicy: "ClusterFirst",
        enableServiceLinks: true,
        ...structuredClone(template.spec),
      },
      status: { phase: "Pending", conditions: [], containerStatuses: [] },
    };
    this.save(pod);
    return pod;
  }

  /**
   * A delete of a pod (pkg/registry/core/pod/strategy.go CheckGracefulDelete, apiserver
   * rest.BeforeDelete): the grace period asked for, else the pod's terminationGracePeriodSeconds; a
   * pod that was never scheduled or has finished goes at once, as does a grace period of 0 (force).
   * Otherwise the pod gets deletionTimestamp = now + grace and is Terminating until its kubelet has
   * stopped it (kubelet.ts). A later delete may shorten the grace period, never lengthen it.
   * `wait` is kubectl's --wait: return only once the pod is gone.
   */
  deletePod(pod: Pod, options: { wait?: boolean; gracePeriodSeconds?: number } = {}): void {
    const changed = this.markForDeletion(pod, options.gracePeriodSeconds);
    if (changed) this.reconcile();
    if (options.wait !== false) this.waitUntilGone(pod);
  }

  /** The API server's side of deletePod, without reconciling (controllers call it from their loops). */
  markForDeletion(pod: Pod, gracePeriodSeconds?: number): boolean {
    const terminal = pod.status.phase === "Succeeded" || pod.status.phase === "Failed";
    if (gracePeriodSeconds === 0 || !pod.spec.nodeName || terminal) {
      removePod(this, pod);
      return true;
    }
    const grace = Math.max(gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30, 0);
    if (pod.metadata.deletionTimestamp && grace >= gracePeriodOf(pod)) return false;
    pod.metadata.deletionTimestamp = this.timestamp(this.nowMs + grace * 1000);
    pod.metadata.deletionGracePeriodSeconds = grace;
    this.save(pod);
    return true;
  }

  /**
   * kubectl's wait for deletion: polls once a second (delete.go objectDeletionWaitInterval) until the
   * pod is gone; a pod's shutdown ends within its grace period plus the kubelet's few seconds.
   */
  waitUntilGone(pod: Pod): void {
    const limit = gracePeriodOf(pod) + 10;
    for (
      let i = 0;
      i < limit && this.store.get("Pod", pod.metadata.namespace, pod.metadata.name)?.metadata.uid === pod.metadata.uid;
      i++
    ) {
      this.advance(1);
    }
  }

  /**
   * What kubectl run --attach (and debug) does before attaching: waits until the pod is no longer
   * Pending (run.go waitForPod, --pod-running-timeout 1m), polling once a second.
   */
  waitUntilStarted(pod: Pod, timeoutSeconds = 60): void {
    const exists = () =>
      this.store.get("Pod", pod.metadata.namespace, pod.metadata.name)?.metadata.uid === pod.metadata.uid;
    for (let i = 0; i < timeoutSeconds && pod.status.phase === "Pending" && exists(); i++) this.advance(1);
  }

  /** The container's main process exits and the kubelet starts it again: same pod, same IP. */
  restartContainers(pod: Pod): void {
    for (const status of pod.status.containerStatuses) {
      status.restartCount++;
      status.state = { running: { startedAt: this.timestamp() } };
    }
    const runtime = this.runtime.get(pod.metadata.uid);
    // A restart is a new container: its writable layer starts empty, and the kubelet builds its
    // environment again from the Services that exist now (kuberuntime_container.go startContainer →
    // generateContainerConfig → GenerateRunContainerOptions, on every start).
    if (runtime) {
      runtime.files = initialFiles(pod);
      runtime.env = startEnvironment(this, pod);
    }
    reportContainerStarts(this, pod);
    this.runtimeChanged(pod);
    this.save(pod);
    this.reconcile();
  }

  createService(service: Service): Service {
    return createService(this, service);
  }

  // ── queries ─────────────────────────────────────────────────────────────
  nodes(): NodeObject[] {
    const version = this.store.kindVersion("Node");
    if (this.sortedNodes.version !== version)
      this.sortedNodes = {
        version,
        nodes: this.store.list("Node").sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)),
      };
    return [...this.sortedNodes.nodes];
  }
  private sortedNodes: { version: number; nodes: NodeObject[] } = { version: -1, nodes: [] };
  nodeIP(node: NodeObject): string {
    return node.status.addresses.find((a) => a.type === "InternalIP")!.address;
  }
  pods(namespace?: string): Pod[] {
    return this.store.list("Pod", namespace);
  }
  isPodReady(pod: Pod): boolean {
    return pod.status.conditions.some((c) => c.type === "Ready" && c.status === "True");
  }

  generateName(base: string): string {
    return `${base}${randomSuffix(this.rng)}`;
  }

  /** The kubernetes Service's single endpoint (the API server on the control-plane node). */
  apiServerEndpoint = "";

  serviceObject(
    name: string,
    namespace: string,
    labels: Record<string, string>,
    spec: Partial<Service["spec"]>,
  ): Service {
    return {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace, labels, uid: "", creationTimestamp: "", resourceVersion: "" },
      spec: { type: "ClusterIP", ports: [], sessionAffinity: "None", ...spec },
      status: { loadBalancer: {} },
    };
  }
}
