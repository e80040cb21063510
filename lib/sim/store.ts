import type { EndpointSlice, Kind, KubeObject } from "./types";

type ByKind = { [K in Kind]: Extract<KubeObject, { kind: K }> };

/** Cluster-scoped kinds live under the namespace key "". */
export const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set(["Node", "Namespace", "IngressClass"]);
const nsKey = (kind: Kind, namespace: string | undefined) => (CLUSTER_SCOPED.has(kind) ? "" : (namespace ?? ""));

/** The simulated etcd: objects by kind, namespace and name, with a version that moves on every write. */
const sliceKey = (slice: EndpointSlice) =>
  `${slice.metadata.namespace}/${slice.metadata.labels?.["kubernetes.io/service-name"]}`;

export class ObjectStore {
  private readonly maps = new Map<Kind, Map<string, Map<string, KubeObject>>>();
  private resourceVersion = 1000;
  private uidCounter = 0;
  /** Bumped on every write; caches (DNS, routing) compare it to know when to rebuild. */
  version = 0;
  private readonly podsByOwner = new Map<string, Map<string, ByKind["Pod"]>>();
  private readonly slicesByService = new Map<string, Map<string, EndpointSlice>>();

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
    m.set(object.metadata.name, object);
    if (object.kind === "Pod")
      for (const ref of object.metadata.ownerReferences ?? [])
        this.ownerIndex(ref.uid).set(object.metadata.uid, object);
    if (object.kind === "EndpointSlice") {
      let slices = this.slicesByService.get(sliceKey(object));
      if (!slices) {
        slices = new Map();
        this.slicesByService.set(sliceKey(object), slices);
      }
      slices.set(object.metadata.name, object);
    }
    this.version++;
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
    this.namespaces(object.kind).get(nsKey(object.kind, object.metadata.namespace))?.delete(object.metadata.name);
    if (object.kind === "Pod")
      for (const ref of object.metadata.ownerReferences ?? [])
        this.podsByOwner.get(ref.uid)?.delete(object.metadata.uid);
    if (object.kind === "EndpointSlice") this.slicesByService.get(sliceKey(object))?.delete(object.metadata.name);
    this.version++;
  }

  /** The EndpointSlices of a Service (label kubernetes.io/service-name), by name. */
  slicesFor(namespace: string, serviceName: string): EndpointSlice[] {
    return [...(this.slicesByService.get(`${namespace}/${serviceName}`)?.values() ?? [])].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }
}
