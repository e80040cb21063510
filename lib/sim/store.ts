import { NodeHeap } from "./node-heap";
import type { EndpointSlice, Kind, KubeObject, NodeObject, Pod, ReplicaSet, Service } from "./types";

type ByKind = { [K in Kind]: Extract<KubeObject, { kind: K }> };

/** Cluster-scoped kinds live under the namespace key "". */
export const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set(["Node", "Namespace", "IngressClass"]);
const nsKey = (kind: Kind, namespace: string | undefined) => (CLUSTER_SCOPED.has(kind) ? "" : (namespace ?? ""));

const sliceKey = (slice: EndpointSlice) =>
  `${slice.metadata.namespace}/${slice.metadata.labels?.["kubernetes.io/service-name"]}`;

/** An object's key in the work queues: "namespace/name", "" for the namespace of a cluster-scoped kind. */
export const objectKey = (object: KubeObject) =>
  `${nsKey(object.kind, object.metadata.namespace)}/${object.metadata.name}`;
const podKey = (namespace: string | undefined, name: string) => `${namespace}/${name}`;

/** What the informers' event handlers get: every write and delete, as it happens (controllers.ts). */
export type ChangeHandler = (object: KubeObject, removed: boolean) => void;

/** What a pod contributes to the store's pod indexes, kept to undo it when the pod changes (objects change in place). */
interface PodIndexEntry {
  pod: Pod;
  /** The node whose pod count includes it: bound and not being deleted. */
  node: string | null;
  labelKeys: string[];
  /** Whether its namespace's quota usage counts it (countsAgainstQuota). */
  quota: boolean;
}

/**
 * pkg/quota/v1/evaluator/core/pods.go QuotaV1Pod: a pod counts against `pods` unless it has
 * terminated (Succeeded or Failed). A terminating pod still counts until it is gone (upstream: until
 * its deletionTimestamp plus its grace period has passed, which a pod here barely outlives if at all).
 */
export const countsAgainstQuota = (pod: Pod) => pod.status.phase !== "Succeeded" && pod.status.phase !== "Failed";

/**
 * Objects filed under keys (an address, a port, an owner's uid), several possibly under one key; the
 * keys each object was filed under are kept, to undo them when the object changes in place.
 */
class KeyIndex<T extends KubeObject> {
  private readonly byKey = new Map<string, Map<string, T>>();
  private readonly keysOf = new Map<string, string[]>();

  set(object: T, keys: string[]): void {
    const uid = object.metadata.uid;
    for (const k of this.keysOf.get(uid) ?? []) {
      if (keys.includes(k)) continue;
      const m = this.byKey.get(k);
      m?.delete(uid);
      if (m?.size === 0) this.byKey.delete(k);
    }
    for (const k of keys) {
      let m = this.byKey.get(k);
      if (!m) {
        m = new Map();
        this.byKey.set(k, m);
      }
      m.set(uid, object);
    }
    if (keys.length > 0) this.keysOf.set(uid, keys);
    else this.keysOf.delete(uid);
  }

  delete(object: T): void {
    this.set(object, []);
  }

  get(key: string): Iterable<T> {
    return this.byKey.get(key)?.values() ?? [];
  }

  /** How many keys have an object. */
  get keys(): number {
    return this.byKey.size;
  }
}

/** Where a Service is reached (network.ts): its ClusterIP, node ports, health check port and load balancer IPs. */
const serviceRouteKeys = (s: Service): string[] => {
  const keys: string[] = [];
  if (s.spec.clusterIP && s.spec.clusterIP !== "None") keys.push(`clusterIP ${s.spec.clusterIP}`);
  for (const p of s.spec.ports) if (p.nodePort) keys.push(`nodePort ${p.nodePort}`);
  if (s.spec.healthCheckNodePort) keys.push(`healthCheckNodePort ${s.spec.healthCheckNodePort}`);
  for (const ingress of s.status.loadBalancer.ingress ?? []) keys.push(`loadBalancer ${ingress.ip}`);
  return keys;
};

/**
 * The key a Service is found under by the pods it may select: its selector's first label, which
 * every pod it selects carries. A selector with no label ({}) or in a shape other than a plain map
 * goes under "namespace/*", looked at for every pod of the namespace.
 */
const selectorKey = (s: Service): string[] => {
  const selector = s.spec.selector;
  if (!selector) return [];
  const entries = Object.entries(selector);
  if (entries.length === 0 || "matchLabels" in selector || "matchExpressions" in selector)
    return [`${s.metadata.namespace}/*`];
  return [`${s.metadata.namespace}/${entries[0][0]}=${entries[0][1]}`];
};

/** The simulated etcd: objects by kind, namespace and name, with a version that moves on every write. */
export class ObjectStore {
  private readonly maps = new Map<Kind, Map<string, Map<string, KubeObject>>>();
  private resourceVersion = 1000;
  private uidCounter = 0;
  /** Bumped on every write; the cluster compares it to know whether anything changed since it settled. */
  version = 0;
  private readonly podsByOwner = new Map<string, Map<string, ByKind["Pod"]>>();
  private readonly slicesByService = new Map<string, Map<string, EndpointSlice>>();
  /** Where each object sits in list() order: its namespace's position, then its own (first insertion). */
  private readonly ordinals = new Map<Kind, Map<string, { ordinal: number; names: Map<string, number> }>>();
  private sequence = 0;
  /** Set by the cluster: the informers' handlers, told of every change. */
  onChange: ChangeHandler | null = null;
  // Pod indexes the scheduler and the EndpointSlice controller query instead of walking every pod.
  private readonly podIndex = new Map<string, PodIndexEntry>();
  private readonly load = new Map<string, number>();
  /** Pods that count against a quota, by namespace (quota.ts usage). */
  private readonly quotaPods = new Map<string, number>();
  private readonly pending = new Map<string, Pod>();
  private readonly byLabel = new Map<string, Map<string, Pod>>();
  /** Which Services' slices list a pod ("namespace/name"), counted by slice; and what each slice listed. */
  private readonly servicesOfPod = new Map<string, Map<string, number>>();
  private readonly sliceMembers = new Map<string, { service: string; pods: string[] }>();
  // Indexes for kube-proxy's routing (network.ts), the Deployment controller and the EndpointSlice
  // controller's pod-to-Service mapping; each lookup gives what a walk over list() would find.
  private readonly podsByIP = new KeyIndex<Pod>();
  private readonly hostNetworkPods = new KeyIndex<Pod>();
  private readonly serviceRoutes = new KeyIndex<Service>();
  private readonly servicesBySelector = new KeyIndex<Service>();
  private readonly nodesByIP = new KeyIndex<NodeObject>();
  private readonly replicaSetsByOwner = new KeyIndex<ReplicaSet>();
  /** The schedulable nodes by (pod count, name), for the scheduler. */
  readonly schedulable = new NodeHeap((node) => this.podsOnNode(node));

  private namespaces(kind: Kind) {
    let m = this.maps.get(kind);
    if (!m) {
      m = new Map();
      this.maps.set(kind, m);
    }
    return m;
  }

  nextUid(): string {
    this.uidCounter++;
    return `5a1e0000-0000-4000-8000-${this.uidCounter.toString(16).padStart(12, "0")}`;
  }

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ByKind[K] | undefined {
    return this.namespaces(kind).get(nsKey(kind, namespace))?.get(name) as ByKind[K] | undefined;
  }

  list<K extends Kind>(kind: K, namespace?: string): ByKind[K][] {
    const byNs = this.namespaces(kind);
    if (namespace !== undefined && !CLUSTER_SCOPED.has(kind))
      return [...(byNs.get(namespace)?.values() ?? [])] as ByKind[K][];
    const out: ByKind[K][] = [];
    for (const m of byNs.values()) for (const o of m.values()) out.push(o as ByKind[K]);
    return out;
  }

  /** Changes to one kind of object, for caches that depend on that kind alone. */
  kindVersion(kind: Kind): number {
    return this.kindVersions.get(kind) ?? 0;
  }
  private readonly kindVersions = new Map<Kind, number>();
  private bumpKind(kind: Kind) {
    this.kindVersions.set(kind, (this.kindVersions.get(kind) ?? 0) + 1);
  }

  put(object: KubeObject): void {
    this.bumpKind(object.kind);
    this.resourceVersion++;
    object.metadata.resourceVersion = String(this.resourceVersion);
    const byNs = this.namespaces(object.kind);
    const key = nsKey(object.kind, object.metadata.namespace);
    let m = byNs.get(key);
    if (!m) {
      m = new Map();
      byNs.set(key, m);
    }
    const previous = m.get(object.metadata.name);
    if (previous === undefined) this.assignOrdinal(object.kind, key, object.metadata.name);
    else if (previous !== object && previous.metadata.uid !== object.metadata.uid) this.unindex(previous);
    m.set(object.metadata.name, object);
    if (object.kind === "Pod") {
      for (const ref of object.metadata.ownerReferences ?? [])
        this.ownerIndex(ref.uid).set(object.metadata.uid, object);
      this.indexPod(object);
    }
    if (object.kind === "Service") {
      this.serviceRoutes.set(object, serviceRouteKeys(object));
      this.servicesBySelector.set(object, selectorKey(object));
    }
    if (object.kind === "Node") {
      const ip = object.status.addresses.find((a) => a.type === "InternalIP")?.address;
      this.nodesByIP.set(object, ip ? [ip] : []);
      if (object.spec.unschedulable) this.schedulable.delete(object.metadata.name);
      else this.schedulable.set(object);
    }
    if (object.kind === "ReplicaSet")
      this.replicaSetsByOwner.set(
        object,
        (object.metadata.ownerReferences ?? []).map((r) => r.uid),
      );
    if (object.kind === "EndpointSlice") {
      let slices = this.slicesByService.get(sliceKey(object));
      if (!slices) {
        slices = new Map();
        this.slicesByService.set(sliceKey(object), slices);
      }
      slices.set(object.metadata.name, object);
      this.indexSliceMembers(object);
    }
    this.version++;
    this.onChange?.(object, false);
  }

  private assignOrdinal(kind: Kind, namespace: string, name: string) {
    let byNs = this.ordinals.get(kind);
    if (!byNs) {
      byNs = new Map();
      this.ordinals.set(kind, byNs);
    }
    let ns = byNs.get(namespace);
    if (!ns) {
      ns = { ordinal: byNs.size, names: new Map() };
      byNs.set(namespace, ns);
    }
    ns.names.set(name, ++this.sequence);
  }

  /**
   * The objects of `keys` ("namespace/name") that exist, in the order list() gives them: a work queue
   * worked in that order does what a walk over the whole list would, in the same order (the same
   * random names, the same events).
   */
  inListOrder<K extends Kind>(kind: K, keys: Iterable<string>): ByKind[K][] {
    const byNs = this.ordinals.get(kind);
    const found: { object: ByKind[K]; ns: number; own: number }[] = [];
    for (const key of keys) {
      const slash = key.indexOf("/");
      const namespace = key.slice(0, slash);
      const name = key.slice(slash + 1);
      const object = this.get(kind, namespace, name);
      const ns = byNs?.get(nsKey(kind, namespace));
      if (object && ns) found.push({ object, ns: ns.ordinal, own: ns.names.get(name)! });
    }
    found.sort((a, b) => a.ns - b.ns || a.own - b.own);
    return found.map((f) => f.object);
  }

  private indexPod(pod: Pod) {
    const uid = pod.metadata.uid;
    const old = this.podIndex.get(uid);
    const node = pod.spec.nodeName && !pod.metadata.deletionTimestamp ? pod.spec.nodeName : null;
    const labelKeys = Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${pod.metadata.namespace}/${k}=${v}`);
    if (old?.node !== node) {
      if (old?.node) {
        this.load.set(old.node, this.load.get(old.node)! - 1);
        this.schedulable.moved(old.node);
      }
      if (node) {
        this.load.set(node, (this.load.get(node) ?? 0) + 1);
        this.schedulable.moved(node);
      }
    }
    const quota = countsAgainstQuota(pod);
    if ((old?.quota ?? false) !== quota) this.countQuotaPod(pod.metadata.namespace ?? "", quota ? 1 : -1);
    this.podsByIP.set(pod, pod.status.podIP && !pod.spec.hostNetwork ? [pod.status.podIP] : []);
    this.hostNetworkPods.set(pod, pod.spec.hostNetwork && pod.spec.nodeName ? [pod.spec.nodeName] : []);
    if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.pending.set(uid, pod);
    else this.pending.delete(uid);
    if (!old || old.labelKeys.join("\n") !== labelKeys.join("\n")) {
      for (const k of old?.labelKeys ?? []) this.byLabel.get(k)?.delete(uid);
      for (const k of labelKeys) {
        let set = this.byLabel.get(k);
        if (!set) {
          set = new Map();
          this.byLabel.set(k, set);
        }
        set.set(uid, pod);
      }
    }
    this.podIndex.set(uid, { pod, node, labelKeys, quota });
  }

  private unindexPod(pod: Pod) {
    const uid = pod.metadata.uid;
    const old = this.podIndex.get(uid);
    if (!old) return;
    if (old.node) {
      this.load.set(old.node, this.load.get(old.node)! - 1);
      this.schedulable.moved(old.node);
    }
    this.podsByIP.delete(pod);
    this.hostNetworkPods.delete(pod);
    if (old.quota) this.countQuotaPod(pod.metadata.namespace ?? "", -1);
    this.pending.delete(uid);
    for (const k of old.labelKeys) this.byLabel.get(k)?.delete(uid);
    this.podIndex.delete(uid);
  }

  private indexSliceMembers(slice: EndpointSlice) {
    const service = sliceKey(slice);
    const pods = slice.endpoints.flatMap((e) => (e.targetRef ? [podKey(e.targetRef.namespace, e.targetRef.name)] : []));
    this.unindexSliceMembers(slice);
    for (const pod of pods) {
      let services = this.servicesOfPod.get(pod);
      if (!services) {
        services = new Map();
        this.servicesOfPod.set(pod, services);
      }
      services.set(service, (services.get(service) ?? 0) + 1);
    }
    this.sliceMembers.set(slice.metadata.uid, { service, pods });
  }

  private unindexSliceMembers(slice: EndpointSlice) {
    const old = this.sliceMembers.get(slice.metadata.uid);
    if (!old) return;
    for (const pod of old.pods) {
      const services = this.servicesOfPod.get(pod);
      const n = (services?.get(old.service) ?? 0) - 1;
      if (n > 0) services!.set(old.service, n);
      else services?.delete(old.service);
      if (services?.size === 0) this.servicesOfPod.delete(pod);
    }
    this.sliceMembers.delete(slice.metadata.uid);
  }

  private unindex(object: KubeObject) {
    if (object.kind === "Pod") {
      for (const ref of object.metadata.ownerReferences ?? [])
        this.podsByOwner.get(ref.uid)?.delete(object.metadata.uid);
      this.unindexPod(object);
    }
    if (object.kind === "Service") {
      this.serviceRoutes.delete(object);
      this.servicesBySelector.delete(object);
    }
    if (object.kind === "Node") {
      this.nodesByIP.delete(object);
      this.schedulable.delete(object.metadata.name);
    }
    if (object.kind === "ReplicaSet") this.replicaSetsByOwner.delete(object);
    if (object.kind === "EndpointSlice") {
      this.slicesByService.get(sliceKey(object))?.delete(object.metadata.name);
      this.unindexSliceMembers(object);
    }
  }

  private countQuotaPod(namespace: string, by: number) {
    const n = (this.quotaPods.get(namespace) ?? 0) + by;
    if (n === 0) this.quotaPods.delete(namespace);
    else this.quotaPods.set(namespace, n);
  }

  /** The pods of a namespace that count against its quotas (countsAgainstQuota). */
  podsCountedByQuota(namespace: string): number {
    return this.quotaPods.get(namespace) ?? 0;
  }

  /** How many objects of a kind a namespace holds. */
  count(kind: Kind, namespace: string): number {
    return this.namespaces(kind).get(nsKey(kind, namespace))?.size ?? 0;
  }

  /** Where an object is in list() order: its namespace's position, then its own. */
  private listPosition(object: KubeObject): [number, number] {
    const ns = this.ordinals.get(object.kind)?.get(nsKey(object.kind, object.metadata.namespace));
    return [ns?.ordinal ?? -1, ns?.names.get(object.metadata.name) ?? -1];
  }

  /** The objects in list() order. */
  private inOrder<T extends KubeObject>(objects: Iterable<T>): T[] {
    const found = [...objects].map((object) => ({ object, at: this.listPosition(object) }));
    if (found.length > 1) found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    return found.map((f) => f.object);
  }

  /** The last of the objects in list() order: what a Map filled by walking list() keeps for their shared key. */
  private lastInOrder<T extends KubeObject>(objects: Iterable<T>): T | undefined {
    return this.inOrder(objects).at(-1);
  }

  /** The pod with this address on the pod network (hostNetwork pods share their node's and are left out). */
  podWithIP(ip: string): Pod | undefined {
    return this.lastInOrder(this.podsByIP.get(ip));
  }

  /** The host-network pods bound to a node, in list() order. */
  hostNetworkPodsOn(node: string): Pod[] {
    return this.inOrder(this.hostNetworkPods.get(node));
  }

  /** The Service reached at a ClusterIP, a node port, a healthCheckNodePort or a load balancer IP. */
  serviceAt(
    kind: "clusterIP" | "nodePort" | "healthCheckNodePort" | "loadBalancer",
    at: string | number,
  ): Service | undefined {
    return this.lastInOrder(this.serviceRoutes.get(`${kind} ${at}`));
  }

  /** The node whose InternalIP this is (the last by name, as `cluster.nodes()` is ordered). */
  nodeWithIP(ip: string): NodeObject | undefined {
    let last: NodeObject | undefined;
    for (const node of this.nodesByIP.get(ip))
      if (!last || node.metadata.name.localeCompare(last.metadata.name) > 0) last = node;
    return last;
  }

  /** How many addresses the routing indexes hold (the reconcile check compares them with a walk). */
  routingIndexSizes(): { podIPs: number; serviceKeys: number; nodeIPs: number } {
    return { podIPs: this.podsByIP.keys, serviceKeys: this.serviceRoutes.keys, nodeIPs: this.nodesByIP.keys };
  }

  /** The ReplicaSets in `namespace` with an ownerReference to this uid, in list() order. */
  replicaSetsOwnedBy(namespace: string, uid: string): ReplicaSet[] {
    return this.inOrder(this.replicaSetsByOwner.get(uid)).filter((rs) => rs.metadata.namespace === namespace);
  }

  /**
   * The Services of the pod's namespace that may select it: those whose selector's first label the
   * pod carries, and those filed under "namespace/*" (callers still match the whole selector).
   */
  servicesMaybeSelecting(pod: Pod): Service[] {
    const ns = pod.metadata.namespace;
    const out = [...this.servicesBySelector.get(`${ns}/*`)];
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {}))
      out.push(...this.servicesBySelector.get(`${ns}/${k}=${v}`));
    return out;
  }

  /** Pods bound to each node and not being deleted, by node name (the scheduler's NodeInfo pod counts). */
  podsOnNode(node: string): number {
    return this.load.get(node) ?? 0;
  }

  /** Pods waiting for the scheduler: no node and not being deleted, in no particular order. */
  pendingPods(): Pod[] {
    return [...this.pending.values()];
  }

  /** The pods of a namespace that carry the label key=value. */
  podsWithLabel(namespace: string, key: string, value: string): Pod[] {
    return [...(this.byLabel.get(`${namespace}/${key}=${value}`)?.values() ?? [])];
  }

  /** The Services ("namespace/name") whose EndpointSlices list the pod "namespace/name". */
  servicesListing(pod: string): string[] {
    return [...(this.servicesOfPod.get(pod)?.keys() ?? [])];
  }

  private ownerIndex(uid: string) {
    let m = this.podsByOwner.get(uid);
    if (!m) {
      m = new Map();
      this.podsByOwner.set(uid, m);
    }
    return m;
  }

  /** Pods whose ownerReferences name this uid (what a ReplicaSet or DaemonSet controls). */
  podsOwnedBy(uid: string): ByKind["Pod"][] {
    return [...(this.podsByOwner.get(uid)?.values() ?? [])];
  }

  /** Drops a pod's controller reference (its labels no longer match the controller's selector). */
  orphan(pod: ByKind["Pod"], ownerUid: string): void {
    this.podsByOwner.get(ownerUid)?.delete(pod.metadata.uid);
    pod.metadata.ownerReferences = pod.metadata.ownerReferences?.filter((r) => r.uid !== ownerUid);
    if (pod.metadata.ownerReferences?.length === 0) delete pod.metadata.ownerReferences;
    this.put(pod);
  }

  remove(object: KubeObject): void {
    this.bumpKind(object.kind);
    const key = nsKey(object.kind, object.metadata.namespace);
    this.namespaces(object.kind).get(key)?.delete(object.metadata.name);
    this.ordinals.get(object.kind)?.get(key)?.names.delete(object.metadata.name);
    this.unindex(object);
    this.version++;
    this.onChange?.(object, true);
  }

  /** The EndpointSlices of a Service (label kubernetes.io/service-name), by name. */
  slicesFor(namespace: string, serviceName: string): EndpointSlice[] {
    return [...(this.slicesByService.get(`${namespace}/${serviceName}`)?.values() ?? [])].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }
}
