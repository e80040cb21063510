// Kubernetes API shapes the simulator stores and prints. Only the fields the model uses are typed;
// objects keep the apiVersion/kind/metadata/spec/status layout so real manifests apply.

export type Labels = Record<string, string>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  creationTimestamp: string;
  /** When the API server will remove the object: now + the grace period of a graceful delete. */
  deletionTimestamp?: string;
  /** The grace period the deletion was given (DeleteOptions.gracePeriodSeconds, else the pod's own). */
  deletionGracePeriodSeconds?: number;
  generateName?: string;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller: boolean }[];
  resourceVersion: string;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: "TCP" | "UDP" | "SCTP";
}

export interface Probe {
  exec?: { command: string[] };
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** A lifecycle hook handler (only what the simulator runs: a sleep, or a command). */
export interface LifecycleHandler {
  exec?: { command: string[] };
  sleep?: { seconds: number };
  httpGet?: { path?: string; port: number | string };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Probe;
  /** Defaulted by the API server: Always for an untagged or :latest image, else IfNotPresent. */
  imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
  lifecycle?: { preStop?: LifecycleHandler; postStart?: LifecycleHandler };
  volumeMounts?: { name: string; mountPath: string }[];
  stdin?: boolean;
  tty?: boolean;
  securityContext?: { privileged?: boolean; capabilities?: { add?: string[] } };
}

/**
 * An ephemeral container (core/v1 EphemeralContainer): a Container added to a running pod through the
 * pods/ephemeralcontainers subresource, in the pod's namespaces; never restarted, never removed.
 */
export interface EphemeralContainer extends Container {
  /** The container whose process namespace it shares (kubectl debug --target). */
  targetContainerName?: string;
}

/** A pod volume; only hostPath is modelled (the node's filesystem in a node debugging pod). */
export interface Volume {
  name: string;
  hostPath?: { path: string };
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: string;
}

export interface PodSpec {
  containers: Container[];
  ephemeralContainers?: EphemeralContainer[];
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  volumes?: Volume[];
  /** Defaulted to ClusterFirst by the API server. */
  dnsPolicy?: "ClusterFirst" | "ClusterFirstWithHostNet" | "Default" | "None";
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  enableServiceLinks?: boolean;
  restartPolicy?: "Always" | "OnFailure" | "Never";
  terminationGracePeriodSeconds?: number;
  tolerations?: Toleration[];
  /** Node labels a pod must find on its node (the DaemonSet controller honours it; the scheduler does not). */
  nodeSelector?: Record<string, string>;
}

export interface PodCondition {
  type: "PodScheduled" | "Initialized" | "ContainersReady" | "Ready";
  status: "True" | "False";
  lastTransitionTime: string;
}

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  started: boolean;
  state: {
    running?: { startedAt: string };
    waiting?: { reason: string; message?: string };
    terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string };
  };
}

export interface PodStatus {
  phase: "Pending" | "Running" | "Succeeded" | "Failed";
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  startTime?: string;
  conditions: PodCondition[];
  containerStatuses: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
}

export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: ObjectMeta;
  spec: PodSpec;
  status: PodStatus;
}

export interface PodTemplate {
  metadata: { labels?: Labels; annotations?: Record<string, string> };
  spec: PodSpec;
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] }[];
}

/** apps/v1 DeploymentStrategy; absent means RollingUpdate with maxSurge and maxUnavailable 25%. */
export interface DeploymentStrategy {
  type?: "RollingUpdate" | "Recreate";
  rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
}

/** apps/v1 DeploymentCondition, as the deployment controller keeps it (deployment-conditions.ts). */
export interface DeploymentCondition {
  type: "Available" | "Progressing";
  status: "True" | "False";
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface Deployment {
  apiVersion: "apps/v1";
  kind: "Deployment";
  metadata: ObjectMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate; strategy?: DeploymentStrategy };
  status: {
    replicas: number;
    readyReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    observedGeneration?: number;
    conditions?: DeploymentCondition[];
  };
}

export interface ReplicaSet {
  apiVersion: "apps/v1";
  kind: "ReplicaSet";
  metadata: ObjectMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate };
  status: { replicas: number; readyReplicas: number; availableReplicas: number };
}

export interface DaemonSet {
  apiVersion: "apps/v1";
  kind: "DaemonSet";
  metadata: ObjectMeta;
  spec: { selector: LabelSelector; template: PodTemplate };
  status: { desiredNumberScheduled: number; numberReady: number };
}

/**
 * apps/v1 StatefulSet: pods named <set>-<ordinal> with a stable hostname and, through the governing
 * headless Service `serviceName`, a stable DNS name. No volumeClaimTemplates or update strategy is
 * modelled (a template change is not rolled out).
 */
export interface StatefulSet {
  apiVersion: "apps/v1";
  kind: "StatefulSet";
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: LabelSelector;
    serviceName: string;
    podManagementPolicy: "OrderedReady" | "Parallel";
    template: PodTemplate;
  };
  status: { replicas: number; readyReplicas: number; currentReplicas: number; availableReplicas: number };
}

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

export interface ServicePort {
  name?: string;
  protocol: "TCP" | "UDP" | "SCTP";
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

export interface Service {
  apiVersion: "v1";
  kind: "Service";
  metadata: ObjectMeta;
  spec: {
    type: ServiceType;
    selector?: Labels;
    ports: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalName?: string;
    sessionAffinity: "None" | "ClientIP";
    sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } };
    publishNotReadyAddresses?: boolean;
    externalTrafficPolicy?: "Cluster" | "Local";
    internalTrafficPolicy?: "Cluster" | "Local";
    /** Allocated from the NodePort range for a LoadBalancer with externalTrafficPolicy Local. */
    healthCheckNodePort?: number;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
  };
  status: { loadBalancer: { ingress?: { ip: string }[] } };
}

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: "Pod"; name: string; namespace: string; uid: string };
}

export interface EndpointSlice {
  apiVersion: "discovery.k8s.io/v1";
  kind: "EndpointSlice";
  metadata: ObjectMeta;
  addressType: "IPv4";
  endpoints: Endpoint[];
  ports: { name: string; port: number; protocol: string }[];
}

/** An address of a v1 Endpoints subset (core/v1 EndpointAddress). */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace?: string; uid?: string };
}

/**
 * A v1 Endpoints object as stored: written by hand for a Service without a selector (the
 * simulator computes the Endpoints controller's own from the EndpointSlices, kubectl/resources.ts).
 */
export interface Endpoints {
  apiVersion: "v1";
  kind: "Endpoints";
  metadata: ObjectMeta;
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports: { name?: string; port: number; protocol: string }[];
  }[];
}

export interface NodeObject {
  apiVersion: "v1";
  kind: "Node";
  metadata: ObjectMeta;
  spec: {
    podCIDR: string;
    podCIDRs: string[];
    unschedulable?: boolean;
    taints?: { key: string; effect: string; value?: string }[];
  };
  status: {
    addresses: { type: "InternalIP" | "Hostname"; address: string }[];
    conditions: { type: "Ready"; status: "True" | "False"; reason: string }[];
    nodeInfo: { kubeletVersion: string; osImage: string; kernelVersion: string; containerRuntimeVersion: string };
    /** What the kubelet reports; only `pods` (KubeletConfiguration.maxPods) is modelled. */
    capacity: { pods: string };
    allocatable: { pods: string };
  };
}

export interface Namespace {
  apiVersion: "v1";
  kind: "Namespace";
  metadata: ObjectMeta;
  /** The finalizers the namespace controller must clear before the namespace goes ("kubernetes"). */
  spec?: { finalizers: string[] };
  status: { phase: "Active" | "Terminating" };
}

/** The object an Event is about (core/v1 ObjectReference); `fieldPath` names a container. */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
  fieldPath?: string;
}

/**
 * A core/v1 Event: what a controller, the scheduler or a kubelet reported about an object. Events
 * live in their own bounded log (lib/sim/events.ts), not in the object store.
 */
export interface KubeEvent {
  apiVersion: "v1";
  count: number;
  firstTimestamp: string;
  involvedObject: InvolvedObject;
  kind: "Event";
  lastTimestamp: string;
  message: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    creationTimestamp: string;
    resourceVersion: string;
    labels?: Labels;
  };
  reason: string;
  reportingComponent: string;
  reportingInstance: string;
  source: { component: string; host?: string };
  type: "Normal" | "Warning";
}

/**
 * A core/v1 ResourceQuota. Only object counts are modelled (`pods`, `services`); `status.used`
 * is kept current by the quota controller step at the end of every reconcile.
 */
export interface ResourceQuota {
  apiVersion: "v1";
  kind: "ResourceQuota";
  metadata: ObjectMeta;
  spec: { hard: Record<string, string> };
  status: { hard: Record<string, string>; used: Record<string, string> };
}

/** Protocols a Service or NetworkPolicy port names (core/v1 Protocol). */
export type Protocol = "TCP" | "UDP" | "SCTP";

/** networking.k8s.io/v1 NetworkPolicyPort; `protocol` is defaulted to TCP when the policy is stored. */
export interface NetworkPolicyPort {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}

/** networking.k8s.io/v1 NetworkPolicyPeer: selectors (ANDed when both are set) or an IP block. */
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyIngressRule {
  ports?: NetworkPolicyPort[];
  from?: NetworkPolicyPeer[];
}

export interface NetworkPolicyEgressRule {
  ports?: NetworkPolicyPort[];
  to?: NetworkPolicyPeer[];
}

export type PolicyType = "Ingress" | "Egress";

/** networking.k8s.io/v1 NetworkPolicy, stored with the API server's defaults applied (policyTypes, protocol). */
export interface NetworkPolicy {
  apiVersion: "networking.k8s.io/v1";
  kind: "NetworkPolicy";
  metadata: ObjectMeta;
  spec: {
    podSelector: LabelSelector;
    policyTypes: PolicyType[];
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
  };
}

/** networking.k8s.io/v1 ServiceBackendPort: a Service port by number or by name (one of the two). */
export interface ServiceBackendPort {
  number?: number;
  name?: string;
}

export interface IngressBackend {
  service?: { name: string; port: ServiceBackendPort };
}

export type PathType = "Exact" | "Prefix" | "ImplementationSpecific";

export interface HTTPIngressPath {
  path?: string;
  pathType: PathType;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

/**
 * networking.k8s.io/v1 Ingress: host and path rules to Services, served by the ingress controller of
 * its class (lib/sim/ingress-controller.ts). TLS is stored (it decides the PORTS column) but not served.
 */
export interface Ingress {
  apiVersion: "networking.k8s.io/v1";
  kind: "Ingress";
  metadata: ObjectMeta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: IngressRule[];
    tls?: { hosts?: string[]; secretName?: string }[];
  };
  status: { loadBalancer: { ingress?: { ip: string }[] } };
}

/** networking.k8s.io/v1 IngressClass: which controller serves Ingresses of this class. */
export interface IngressClass {
  apiVersion: "networking.k8s.io/v1";
  kind: "IngressClass";
  metadata: ObjectMeta;
  spec: { controller: string };
}

export type KubeObject =
  | Ingress
  | IngressClass
  | NetworkPolicy
  | Pod
  | Deployment
  | ReplicaSet
  | DaemonSet
  | StatefulSet
  | Service
  | EndpointSlice
  | Endpoints
  | NodeObject
  | Namespace
  | ResourceQuota;
export type Kind = KubeObject["kind"];

export interface ClusterOptions {
  /** Seeds every random choice: ClusterIPs, NodePorts, name suffixes, backend selection. */
  seed?: number;
  /** Worker node count (a control-plane node is always added). Default 2. */
  workers?: number;
  /** Cluster-wide pod network; each node gets a /24 from it. Default 10.244.0.0/16. */
  podCIDR?: string;
  /**
   * Where each node's host-local IPAM starts handing out pod addresses. "fresh" (the default): at .2,
   * as on a node that has never run a pod. "seeded": after a last-reserved address chosen by the seed
   * and the node's name (0 to 63 addresses on), as on a node that has run pods before (host-local
   * keeps its last reservation on disk), so the pods' addresses vary with the seed.
   */
  podIPStart?: "fresh" | "seeded";
  serviceCIDR?: string;
  /** The network the nodes (and an outside host) sit on. Default 172.18.0.0/16. */
  nodeCIDR?: string;
  clusterDomain?: string;
  nodePortRange?: [number, number];
  proxyMode?: "iptables" | "ipvs";
  /** A MetalLB-like pool for LoadBalancer Services; without it their external IP stays <pending>. */
  loadBalancerPool?: string;
  kubernetesVersion?: string;
  /**
   * The nodes' /etc/resolv.conf (the kubelet's --resolv-conf), which dnsPolicy Default hands to pods and
   * ClusterFirst appends the search list of. Default: the node network's gateway as nameserver, no search.
   */
  nodeResolvConf?: { nameservers: string[]; search: string[]; options: string[] };
  /** Names outside the cluster that cluster DNS forwards and answers (the simulated internet). */
  externalDNS?: Record<string, string>;
  /**
   * KubeletConfiguration.maxPods of every node (upstream default 110): reported as the node's
   * capacity and allocatable `pods`, and enforced by the scheduler's NodeResourcesFit filter.
   */
  maxPods?: number;
  /**
   * When set, every namespace gets ResourceQuota `namespace-quota` with this `spec.hard` (e.g.
   * `{ pods: "50" }`): the bootstrap namespaces once the cluster is up, later ones as they are
   * created, as a cluster administrator's policy does on a shared cluster. The learner cannot
   * delete or change it (RBAC). Drills and the browser terminal set it so that no command can make
   * the simulator create an unbounded number of pods.
   */
  namespaceQuota?: Record<string, string>;
}

export interface CommandResult {
  output: string;
  exitCode: number;
}
