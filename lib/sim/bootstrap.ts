import { PodIPAM } from "./allocators";
import type { Cluster } from "./cluster";
import { formatIPv4, subnet } from "./ip";
import { addNamespaceQuota } from "./quota";

// What kubeadm leaves behind: the namespaces, a control-plane node and the workers, the
// control-plane static pods, kube-proxy on every node, CoreDNS, and the two system Services.

/** Creates the system objects of a fresh cluster, in an order that fixes every uid and random draw. */
export function bootstrapCluster(cluster: Cluster): void {
  for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease"]) cluster.createNamespace(ns);
  const names = ["control-plane", ...Array.from({ length: cluster.options.workers }, (_, i) => `worker-${i + 1}`)];
  for (const [index, name] of names.entries()) addNode(cluster, name, index);
  const controlPlaneIP = cluster.nodeIP(cluster.nodes().find((n) => n.metadata.name === "control-plane")!);
  addStaticPods(cluster);
  addKubeProxy(cluster);
  addCoreDNS(cluster);
  addSystemServices(cluster);
  cluster.apiServerEndpoint = controlPlaneIP;
  // Last, so that a cluster without the option creates exactly the objects (and uids) it always did.
  for (const ns of cluster.store.list("Namespace")) addNamespaceQuota(cluster, ns.metadata.name);
}

/** Control-plane static pods run with the node's network (their pod IP is the node IP). */
function addStaticPods(cluster: Cluster): void {
  for (const component of ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]) {
    cluster.createPod({
      name: `${component}-control-plane`,
      namespace: "kube-system",
      labels: { component, tier: "control-plane" },
      annotations: { "kubernetes.io/config.mirror": "static" },
      ownerReferences: [
        {
          apiVersion: "v1",
          kind: "Node",
          name: "control-plane",
          uid: cluster.store.get("Node", undefined, "control-plane")!.metadata.uid,
          controller: true,
        },
      ],
      spec: {
        nodeName: "control-plane",
        hostNetwork: true,
        containers: [
          {
            name: component,
            image: `registry.k8s.io/${component}:${component === "etcd" ? "3.5.15-0" : cluster.options.kubernetesVersion}`,
            ports:
              component === "kube-apiserver"
                ? [{ name: "https", containerPort: 6443 }]
                : [
                    {
                      containerPort:
                        component === "etcd"
                          ? 2379
                          : 10257 + ["kube-controller-manager", "kube-scheduler"].indexOf(component),
                    },
                  ],
          },
        ],
        tolerations: [{ operator: "Exists" }],
      },
    });
  }
}

function addKubeProxy(cluster: Cluster): void {
  cluster.save({
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: cluster.meta("kube-proxy", "kube-system", { labels: { "k8s-app": "kube-proxy" } }),
    spec: {
      selector: { matchLabels: { "k8s-app": "kube-proxy" } },
      template: {
        metadata: { labels: { "k8s-app": "kube-proxy" } },
        spec: {
          hostNetwork: true,
          // kubeadm's kube-proxy DaemonSet (cmd/kubeadm/app/phases/addons/proxy/manifests.go).
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [{ operator: "Exists" }],
          containers: [
            {
              name: "kube-proxy",
              image: `registry.k8s.io/kube-proxy:${cluster.options.kubernetesVersion}`,
              ports: [{ name: "metrics", containerPort: 10249 }],
            },
          ],
        },
      },
    },
    status: { desiredNumberScheduled: 0, numberReady: 0 },
  });
}

function addCoreDNS(cluster: Cluster): void {
  cluster.save({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: cluster.meta("coredns", "kube-system", { labels: { "k8s-app": "kube-dns" } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { "k8s-app": "kube-dns" } },
      template: {
        metadata: { labels: { "k8s-app": "kube-dns" } },
        spec: {
          tolerations: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
          containers: [
            {
              name: "coredns",
              image: "registry.k8s.io/coredns/coredns:v1.11.3",
              ports: [
                { name: "dns", containerPort: 53, protocol: "UDP" },
                { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
                { name: "metrics", containerPort: 9153, protocol: "TCP" },
              ],
            },
          ],
        },
      },
    },
    status: { replicas: 0, readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0 },
  });
}

function addSystemServices(cluster: Cluster): void {
  // The API server's own Service: first address of the service range, endpoints set by the API server.
  cluster.createService(
    cluster.serviceObject(
      "kubernetes",
      "default",
      { component: "apiserver", provider: "kubernetes" },
      {
        type: "ClusterIP",
        clusterIP: formatIPv4(cluster.serviceCIDR.base + 1),
        sessionAffinity: "None",
        ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }],
      },
    ),
  );
  cluster.createService(
    cluster.serviceObject(
      "kube-dns",
      "kube-system",
      { "k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS" },
      {
        type: "ClusterIP",
        clusterIP: formatIPv4(cluster.serviceCIDR.base + 10),
        sessionAffinity: "None",
        selector: { "k8s-app": "kube-dns" },
        ports: [
          { name: "dns", protocol: "UDP", port: 53, targetPort: 53 },
          { name: "dns-tcp", protocol: "TCP", port: 53, targetPort: 53 },
          { name: "metrics", protocol: "TCP", port: 9153, targetPort: 9153 },
        ],
      },
    ),
  );
}

function addNode(cluster: Cluster, name: string, index: number): void {
  const podCIDR = subnet(cluster.podCIDR, 24, index);
  cluster.ipam.set(name, new PodIPAM(podCIDR, reservedBefore(cluster, name)));
  const controlPlane = index === 0;
  cluster.save({
    apiVersion: "v1",
    kind: "Node",
    metadata: cluster.meta(name, undefined, {
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    }),
    spec: {
      podCIDR: podCIDR.text,
      podCIDRs: [podCIDR.text],
      ...(controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: formatIPv4(cluster.nodeCIDR.base + 2 + index) },
        { type: "Hostname", address: name },
      ],
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }],
      nodeInfo: {
        kubeletVersion: cluster.options.kubernetesVersion,
        osImage: "Debian GNU/Linux 12 (bookworm)",
        kernelVersion: "6.1.0-28-amd64",
        containerRuntimeVersion: "containerd://1.7.24",
      },
      capacity: { pods: String(cluster.options.maxPods) },
      allocatable: { pods: String(cluster.options.maxPods) },
    },
  });
}

/**
 * How many pod addresses a node handed out before the cluster is seen ("seeded" podIPStart): a hash
 * of the seed and the node's name, so it takes nothing from the cluster's random stream and every
 * other choice stays as it is for the same seed.
 */
function reservedBefore(cluster: Cluster, node: string): number {
  if (cluster.options.podIPStart !== "seeded") return 0;
  let hash = 2166136261;
  for (const ch of `${cluster.options.seed}:${node}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash % 64;
}
