import type { Cluster } from "./cluster";
import { SHUTDOWN_SECONDS } from "./cluster";
import { matchesSelector } from "./labels";
import { randomSuffix, templateHash } from "./names";
import { initialFiles, probePasses, resolveTargetPort } from "./pod-runtime";
import { schedulePending } from "./scheduler";
import { startEnvironment } from "./service-env";
import type { DaemonSet, Deployment, Endpoint, EndpointSlice, ObjectMeta, Pod, ReplicaSet, Service } from "./types";

/**
 * Runs the control loops until nothing changes: deployments → replica sets → pods, daemon sets,
 * the scheduler, the kubelet (start, readiness, shutdown), then EndpointSlices. Everything happens
 * "instantly" in simulated time, which is what a learner observes a second later on a real cluster.
 */
export function reconcile(cluster: Cluster): void {
  for (let round = 0; round < 20; round++) {
    const before = cluster.store.version;
    for (const d of cluster.store.list("Deployment")) reconcileDeployment(cluster, d);
    for (const rs of cluster.store.list("ReplicaSet")) reconcileReplicaSet(cluster, rs);
    for (const ds of cluster.store.list("DaemonSet")) reconcileDaemonSet(cluster, ds);
    schedulePending(cluster);
    runKubelet(cluster);
    if (cluster.store.version === before) break;
  }
  reconcileEndpointSlices(cluster);
}

const ownerRef = (o: Deployment | ReplicaSet | DaemonSet) => [
  { apiVersion: "apps/v1", kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true },
];
const ownedBy = (meta: ObjectMeta, owner: { metadata: ObjectMeta }) =>
  meta.ownerReferences?.some((r) => r.uid === owner.metadata.uid) ?? false;

function reconcileDeployment(cluster: Cluster, d: Deployment): void {
  const hash = templateHash(d.spec.template);
  const name = `${d.metadata.name}-${hash}`;
  const owned = cluster.store.list("ReplicaSet", d.metadata.namespace).filter((rs) => ownedBy(rs.metadata, d));
  let current = owned.find((rs) => rs.metadata.name === name);
  if (!current) {
    const labels = { ...d.spec.template.metadata.labels, "pod-template-hash": hash };
    const revision =
      owned.reduce(
        (max, rs) => Math.max(max, Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0)),
        0,
      ) + 1;
    current = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: cluster.meta(name, d.metadata.namespace, {
        labels,
        ownerReferences: ownerRef(d),
        annotations: { "deployment.kubernetes.io/revision": String(revision) },
      }),
      spec: {
        replicas: d.spec.replicas,
        selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } },
        template: { metadata: { ...d.spec.template.metadata, labels }, spec: d.spec.template.spec },
      },
      status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
    };
    cluster.save(current);
  } else if (current.spec.replicas !== d.spec.replicas) {
    current.spec.replicas = d.spec.replicas;
    cluster.save(current);
  }
  // Rolling update, compressed: old replica sets scale to zero once the new one has its pods.
  for (const old of owned) {
    if (old !== current && old.spec.replicas !== 0) {
      old.spec.replicas = 0;
      cluster.save(old);
    }
  }
  const all = [current, ...owned.filter((rs) => rs !== current)];
  const status = {
    replicas: all.reduce((n, rs) => n + rs.status.replicas, 0),
    readyReplicas: all.reduce((n, rs) => n + rs.status.readyReplicas, 0),
    updatedReplicas: current.status.replicas,
    availableReplicas: all.reduce((n, rs) => n + rs.status.availableReplicas, 0),
  };
  if (JSON.stringify(status) !== JSON.stringify(d.status)) {
    d.status = status;
    cluster.save(d);
  }
}

/** Which pod a ReplicaSet removes first when scaling down: unscheduled, not ready, then newest. */
function deletionRank(cluster: Cluster, pod: Pod): number[] {
  return [pod.spec.nodeName ? 1 : 0, cluster.isPodReady(pod) ? 1 : 0, -Date.parse(pod.metadata.creationTimestamp)];
}

function reconcileReplicaSet(cluster: Cluster, rs: ReplicaSet): void {
  // A pod relabelled out of the selector is released, and the ReplicaSet replaces it.
  for (const pod of cluster.store.podsOwnedBy(rs.metadata.uid)) {
    if (!matchesSelector(pod.metadata.labels, rs.spec.selector)) cluster.store.orphan(pod, rs.metadata.uid);
  }
  const active = cluster.store.podsOwnedBy(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  if (active.length < rs.spec.replicas) {
    for (let i = active.length; i < rs.spec.replicas; i++) {
      cluster.createPodObject(
        rs.metadata.namespace!,
        `${rs.metadata.name}-${randomSuffix(cluster.rng)}`,
        rs.spec.template,
        ownerRef(rs),
      );
    }
  } else if (active.length > rs.spec.replicas) {
    const ranked = [...active].sort((a, b) => {
      const ra = deletionRank(cluster, a);
      const rb = deletionRank(cluster, b);
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
    for (const pod of ranked.slice(0, active.length - rs.spec.replicas)) {
      pod.metadata.deletionTimestamp = cluster.timestamp();
      cluster.save(pod);
    }
  }
  const current = cluster.store.podsOwnedBy(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  const ready = current.filter((p) => cluster.isPodReady(p)).length;
  const status = { replicas: current.length, readyReplicas: ready, availableReplicas: ready };
  if (JSON.stringify(status) !== JSON.stringify(rs.status)) {
    rs.status = status;
    cluster.save(rs);
  }
}

function reconcileDaemonSet(cluster: Cluster, ds: DaemonSet): void {
  const pods = cluster.store.podsOwnedBy(ds.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  const nodes = cluster.nodes();
  for (const node of nodes) {
    if (pods.some((p) => p.spec.nodeName === node.metadata.name)) continue;
    const template = { ...ds.spec.template, spec: { ...ds.spec.template.spec, nodeName: node.metadata.name } };
    cluster.createPodObject(
      ds.metadata.namespace!,
      `${ds.metadata.name}-${randomSuffix(cluster.rng)}`,
      template,
      ownerRef(ds),
    );
  }
  const ready = cluster.store.podsOwnedBy(ds.metadata.uid).filter((p) => cluster.isPodReady(p)).length;
  if (ds.status.desiredNumberScheduled !== nodes.length || ds.status.numberReady !== ready) {
    ds.status = { desiredNumberScheduled: nodes.length, numberReady: ready };
    cluster.save(ds);
  }
}

/** The kubelet on every node: start scheduled pods, evaluate readiness, finish shutdowns. */
function runKubelet(cluster: Cluster): void {
  for (const pod of cluster.pods()) {
    if (pod.metadata.deletionTimestamp) {
      if (cluster.now() >= Date.parse(pod.metadata.deletionTimestamp) + SHUTDOWN_SECONDS * 1000)
        removePod(cluster, pod);
      continue;
    }
    if (!pod.spec.nodeName) continue;
    if (pod.status.phase === "Pending") startPod(cluster, pod);
    updateReadiness(cluster, pod);
  }
}

function startPod(cluster: Cluster, pod: Pod): void {
  const node = cluster.store.get("Node", undefined, pod.spec.nodeName!)!;
  const hostIP = cluster.nodeIP(node);
  const podIP = pod.spec.hostNetwork ? hostIP : cluster.ipam.get(node.metadata.name)!.allocate();
  if (!podIP) return; // the node's pod range is exhausted: the pod stays ContainerCreating
  const now = cluster.timestamp();
  // Service environment variables are fixed when the containers start (kubelet behaviour).
  cluster.runtime.set(pod.metadata.uid, { env: startEnvironment(cluster, pod), files: initialFiles(pod) });
  pod.status = {
    phase: "Running",
    hostIP,
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    conditions: [
      { type: "Initialized", status: "True", lastTransitionTime: now },
      { type: "Ready", status: "False", lastTransitionTime: now },
      { type: "ContainersReady", status: "False", lastTransitionTime: now },
      { type: "PodScheduled", status: "True", lastTransitionTime: now },
    ],
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ready: false,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
  };
  cluster.save(pod);
}

function updateReadiness(cluster: Cluster, pod: Pod): void {
  if (pod.status.phase !== "Running") return;
  const files = cluster.runtime.get(pod.metadata.uid)?.files ?? new Set<string>();
  let changed = false;
  pod.spec.containers.forEach((c, i) => {
    const ready = probePasses(pod, c, c.readinessProbe, files);
    const status = pod.status.containerStatuses[i];
    if (status && status.ready !== ready) {
      status.ready = ready;
      changed = true;
    }
  });
  const allReady = pod.status.containerStatuses.every((s) => s.ready) ? "True" : "False";
  for (const cond of pod.status.conditions) {
    if ((cond.type === "Ready" || cond.type === "ContainersReady") && cond.status !== allReady) {
      cond.status = allReady;
      cond.lastTransitionTime = cluster.timestamp();
      changed = true;
    }
  }
  if (changed) cluster.save(pod);
}

function removePod(cluster: Cluster, pod: Pod): void {
  if (pod.status.podIP && !pod.spec.hostNetwork && pod.spec.nodeName)
    cluster.ipam.get(pod.spec.nodeName)?.release(pod.status.podIP);
  cluster.runtime.delete(pod.metadata.uid);
  cluster.store.remove(pod);
}

/** The EndpointSlice controller: one slice per Service with a selector (the API server fills `kubernetes`). */
function reconcileEndpointSlices(cluster: Cluster): void {
  const wanted = new Set<string>();
  // Pods with an address, by "namespace/key=value", so each Service looks only at candidates.
  const byLabel = new Map<string, Pod[]>();
  for (const pod of cluster.pods()) {
    if (!pod.status.podIP) continue;
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      const key = `${pod.metadata.namespace}/${k}=${v}`;
      const list = byLabel.get(key);
      if (list) list.push(pod);
      else byLabel.set(key, [pod]);
    }
  }
  for (const service of cluster.store.list("Service")) {
    const [first] = Object.entries(service.spec.selector ?? {});
    const candidates = first ? (byLabel.get(`${service.metadata.namespace}/${first[0]}=${first[1]}`) ?? []) : [];
    const slice = desiredSlice(cluster, service, candidates);
    if (!slice) continue;
    wanted.add(`${service.metadata.namespace}/${service.metadata.name}`);
    const existing = cluster.store.sliceFor(service.metadata.namespace!, service.metadata.name);
    if (existing) {
      if (JSON.stringify([existing.endpoints, existing.ports]) !== JSON.stringify([slice.endpoints, slice.ports])) {
        existing.endpoints = slice.endpoints;
        existing.ports = slice.ports;
        cluster.save(existing);
      }
    } else {
      const name =
        service.metadata.name === "kubernetes" ? "kubernetes" : `${service.metadata.name}-${randomSuffix(cluster.rng)}`;
      cluster.save({
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: cluster.meta(name, service.metadata.namespace, {
          labels: {
            "kubernetes.io/service-name": service.metadata.name,
            "endpointslice.kubernetes.io/managed-by": service.spec.selector
              ? "endpointslice-controller.k8s.io"
              : "endpointslicemirroring-controller.k8s.io",
          },
          ownerReferences: [
            {
              apiVersion: "v1",
              kind: "Service",
              name: service.metadata.name,
              uid: service.metadata.uid,
              controller: true,
            },
          ],
        }),
        addressType: "IPv4",
        endpoints: slice.endpoints,
        ports: slice.ports,
      });
    }
  }
  for (const slice of cluster.store.list("EndpointSlice")) {
    if (!wanted.has(`${slice.metadata.namespace}/${slice.metadata.labels?.["kubernetes.io/service-name"]}`))
      cluster.store.remove(slice);
  }
}

function desiredSlice(
  cluster: Cluster,
  service: Service,
  pods: Pod[],
): Pick<EndpointSlice, "endpoints" | "ports"> | null {
  if (service.metadata.name === "kubernetes" && service.metadata.namespace === "default") {
    return {
      endpoints: [
        { addresses: [cluster.apiServerEndpoint], conditions: { ready: true, serving: true, terminating: false } },
      ],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    };
  }
  if (!service.spec.selector || service.spec.type === "ExternalName") return null;
  const endpoints: Endpoint[] = [];
  let ports: EndpointSlice["ports"] | null = null;
  for (const pod of pods) {
    if (!matchesSelector(pod.metadata.labels, service.spec.selector) || pod.status.phase !== "Running") continue;
    const resolved = service.spec.ports.map((p) => resolveTargetPort(pod, p.targetPort));
    if (resolved.some((r) => r === null)) continue; // a named targetPort this pod does not have
    ports ??= service.spec.ports.map((p, i) => ({ name: p.name ?? "", port: resolved[i]!, protocol: p.protocol }));
    const serving = cluster.isPodReady(pod);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const endpoint: Endpoint = {
      addresses: [pod.status.podIP!],
      // "ready" is never true for a terminating pod unless the Service publishes not-ready addresses.
      conditions: {
        ready: service.spec.publishNotReadyAddresses === true || (serving && !terminating),
        serving,
        terminating,
      },
      nodeName: pod.spec.nodeName,
      targetRef: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid },
    };
    if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name) endpoint.hostname = pod.spec.hostname;
    endpoints.push(endpoint);
  }
  endpoints.sort((a, b) => a.targetRef!.name.localeCompare(b.targetRef!.name));
  return {
    endpoints,
    ports:
      ports ??
      service.spec.ports.map((p) => ({
        name: p.name ?? "",
        port: typeof p.targetPort === "number" ? p.targetPort : p.port,
        protocol: p.protocol,
      })),
  };
}
