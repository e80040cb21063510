import { mirroredSlice } from "./endpointslice-mirroring";
import { INGRESS_NGINX_NAMESPACE } from "./ingress-controller";
import { type ObjectStore, objectKey } from "./store";
import type { KubeObject } from "./types";

/**
 * The controllers' work queues, fed the way kube-controller-manager's informers feed theirs: every
 * write or delete in the store is mapped, as it happens, to the keys ("namespace/name") of what it
 * may affect, and each controller syncs only those keys. The mapping follows the upstream event
 * handlers:
 * - a Deployment enqueues itself; a ReplicaSet enqueues itself and its owning Deployment
 *   (pkg/controller/deployment/deployment_controller.go addReplicaSet/updateReplicaSet);
 * - a Pod enqueues its controller (a ReplicaSet, DaemonSet or StatefulSet: replica_set.go addPod,
 *   daemon_controller.go addPod, stateful_set.go addPod), its own kubelet sync, and the EndpointSlice
 *   controller's look at which Services select it (endpointslice_controller.go onPodUpdate);
 * - a Node enqueues its kubelet's sync and every DaemonSet (daemon_controller.go addNode);
 * - a Service enqueues itself; an EndpointSlice enqueues its Service, unless the controller wrote it
 *   (endpointslice_tracker.go: the controller ignores its own writes).
 * - for the EndpointSlice mirroring controller (endpointslicemirroring_controller.go): an Endpoints and
 *   a Service enqueue their "namespace/name", and a slice labelled as the mirroring controller's its
 *   Service, unless the controller wrote it (onEndpointSliceUpdate: a mirrored slice changed by hand is
 *   put back);
 * - an Ingress enqueues itself for the status sync; an IngressClass, or a pod or Service in the
 *   ingress-nginx namespace (the controller's pods and its published Service), every Ingress
 *   (ingress-nginx's status sync runs on its own changes and on those of its Service and pods);
 * - a pod, a Service or a ResourceQuota enqueues its namespace for the quota controller's recount
 *   (pkg/controller/resourcequota: a change of a counted object makes its namespace's quotas recalculate).
 * The scheduler needs no queue: the store keeps the pending pods and each node's pod count.
 * A delete enqueues the same keys as a write (the upstream delete handlers do what the add handlers do),
 * and the sync of a key whose object is gone finds nothing to do, or cleans up after it.
 * `all` means nothing is known (a new cluster): the next reconcile enqueues every key (enqueueAll).
 */
/** The kinds whose changes feed a queue (the cases of `changed`). */
const ENQUEUED_KINDS = [
  "Deployment",
  "ReplicaSet",
  "DaemonSet",
  "StatefulSet",
  "Pod",
  "Node",
  "Service",
  "EndpointSlice",
  "Endpoints",
  "Namespace",
  "Ingress",
  "IngressClass",
  "ResourceQuota",
] as const;

export class WorkQueues {
  all = true;
  readonly deployments = new Set<string>();
  readonly replicaSets = new Set<string>();
  readonly daemonSets = new Set<string>();
  allDaemonSets = false;
  readonly statefulSets = new Set<string>();
  readonly kubeletNodes = new Set<string>();
  readonly kubeletPods = new Set<string>();
  allKubeletPods = false;
  readonly slicePods = new Set<string>();
  readonly services = new Set<string>();
  /** Services and Endpoints ("namespace/name") for the EndpointSlice mirroring controller. */
  readonly mirrored = new Set<string>();
  /** Namespaces for the namespace controller (a Namespace enqueues itself: namespace_controller.go). */
  readonly namespaces = new Set<string>();
  /** Ingresses for the ingress controller's status sync; `allIngresses` when every one must be looked at. */
  readonly ingresses = new Set<string>();
  allIngresses = false;
  /** Namespaces whose quotas' usage must be recounted. */
  readonly quotaNamespaces = new Set<string>();
  /** True while the EndpointSlice controller or the mirroring controller writes its own slices. */
  writingSlices = false;
  /**
   * Syncs that could not do all they wanted (a create refused by a quota or a name in use): upstream
   * requeues them with a rate limit; here they run again in every round, as every object did in the
   * walk over everything.
   */
  readonly retry = { ReplicaSet: new Set<string>(), DaemonSet: new Set<string>(), StatefulSet: new Set<string>() };

  changed(object: KubeObject): void {
    const key = objectKey(object);
    const ns = object.metadata.namespace;
    switch (object.kind) {
      case "Deployment":
        this.deployments.add(key);
        break;
      case "ReplicaSet":
        this.replicaSets.add(key);
        for (const ref of object.metadata.ownerReferences ?? [])
          if (ref.controller && ref.kind === "Deployment") this.deployments.add(`${ns}/${ref.name}`);
        break;
      case "DaemonSet":
        this.daemonSets.add(key);
        break;
      case "StatefulSet":
        this.statefulSets.add(key);
        break;
      case "Pod":
        for (const ref of object.metadata.ownerReferences ?? []) {
          if (ref.kind === "ReplicaSet") this.replicaSets.add(`${ns}/${ref.name}`);
          else if (ref.kind === "DaemonSet") this.daemonSets.add(`${ns}/${ref.name}`);
          else if (ref.kind === "StatefulSet") this.statefulSets.add(`${ns}/${ref.name}`);
        }
        this.kubeletPods.add(key);
        this.slicePods.add(key);
        this.quotaNamespaces.add(ns ?? "");
        if (ns === INGRESS_NGINX_NAMESPACE) this.allIngresses = true;
        break;
      case "Node":
        this.kubeletNodes.add(key);
        this.allDaemonSets = true;
        break;
      case "Service":
        this.services.add(key);
        this.mirrored.add(key);
        this.quotaNamespaces.add(ns ?? "");
        if (ns === INGRESS_NGINX_NAMESPACE) this.allIngresses = true;
        break;
      case "Ingress":
        this.ingresses.add(key);
        break;
      case "IngressClass":
        this.allIngresses = true;
        break;
      case "ResourceQuota":
        this.quotaNamespaces.add(ns ?? "");
        break;
      case "Namespace":
        this.namespaces.add(key);
        break;
      case "EndpointSlice":
        if (this.writingSlices) break;
        this.services.add(`${ns}/${object.metadata.labels?.["kubernetes.io/service-name"]}`);
        if (mirroredSlice(object)) this.mirrored.add(`${ns}/${object.metadata.labels?.["kubernetes.io/service-name"]}`);
        break;
      case "Endpoints":
        this.mirrored.add(key);
        break;
    }
  }

  /**
   * Every key, as if every object had just been written (an informer's initial list calls the add
   * handler for each object): what "nothing is known" and the "full" reconcile mode start from.
   */
  enqueueAll(store: ObjectStore): void {
    this.all = false;
    for (const kind of ENQUEUED_KINDS) for (const object of store.list(kind)) this.changed(object);
    // Every DaemonSet is in its queue already; every pod's kubelet sync runs, and the wake-ups with it.
    this.allDaemonSets = false;
    this.allKubeletPods = true;
  }

  /** Takes what a queue holds (what is added while its keys are worked waits for the next round). */
  static take(queue: Set<string>): string[] {
    const keys = [...queue];
    queue.clear();
    return keys;
  }
}
