import type { ResourceKind } from "./resources";

// The field documentation `kubectl explain` prints, as data. The facts come from the doc comments
// of the API types (staging/src/k8s.io/api/core/v1/types.go for Service, ServicePort, Pod and
// Container; api/discovery/v1/types.go for EndpointSlice; api/apps/v1/types.go for Deployment;
// api/networking/v1/types.go for Ingress),
// retold in our own words. Types and required markers follow the OpenAPI schema the API server
// publishes (an IntOrString prints as <IntOrString>, a map as <map[string]string>, a list of
// objects as <[]ServicePort>). Types marked `partial` list only the fields a Services course
// meets; explain says so under their field list.

export interface FieldDoc {
  /** As explain prints it between < and >. */
  type: string;
  description: string;
  required?: boolean;
  /** The values the API accepts, for fields with a closed set. */
  enum?: readonly string[];
  /** The documented type of the field's object (or of its list items), to explain deeper paths. */
  ref?: string;
}

export interface TypeDoc {
  description: string;
  fields: Record<string, FieldDoc>;
  partial?: boolean;
}

const API_VERSION: FieldDoc = {
  type: "string",
  description:
    "The version of the schema this object is written in, such as v1 or apps/v1. Servers convert recognized versions to the latest internal one and may reject versions they do not know.",
};
const KIND: FieldDoc = {
  type: "string",
  description:
    "The REST resource this object represents, in CamelCase (Service, Pod, Deployment). The server infers it from the endpoint the request was sent to; it cannot be updated.",
};
const METADATA: FieldDoc = {
  type: "ObjectMeta",
  ref: "ObjectMeta",
  description: "The object's standard metadata: its name, namespace, labels, annotations and the like.",
};

export const TYPE_DOCS: Record<string, TypeDoc> = {
  ObjectMeta: {
    description: "Metadata every persisted object carries, including the objects users create.",
    partial: true,
    fields: {
      annotations: {
        type: "map[string]string",
        description:
          "Arbitrary, unstructured key-value data that tools can set and read. Unlike labels, annotations are not queryable and are not used to select objects.",
      },
      creationTimestamp: {
        type: "string",
        description: "When the server created this object, in UTC (RFC 3339). Set by the system, read-only.",
      },
      deletionTimestamp: {
        type: "string",
        description:
          "When this object will be deleted; set by the server when a graceful deletion is requested, and not settable by clients. A pod stays Terminating until then.",
      },
      generateName: {
        type: "string",
        description:
          "A prefix from which the server builds a unique name when name is empty, by appending a random suffix.",
      },
      labels: {
        type: "map[string]string",
        description:
          "String keys and values used to organize and select objects; Services, ReplicaSets and Deployments find their pods through label selectors on these.",
      },
      name: {
        type: "string",
        description:
          "The object's name, unique within its namespace for its kind. It is required when creating (unless generateName is used) and cannot be changed afterwards.",
      },
      namespace: {
        type: "string",
        description:
          "The namespace the object lives in; an empty value means default. Cluster-scoped objects such as nodes have no namespace. It cannot be changed.",
      },
      ownerReferences: {
        type: "[]OwnerReference",
        description:
          "The objects this one depends on. When every owner is gone, the garbage collector deletes this object; the owner marked controller manages it (a ReplicaSet owns its pods).",
      },
      resourceVersion: {
        type: "string",
        description:
          "An opaque value that changes whenever the object changes; clients use it for optimistic concurrency and to watch for changes. Read-only.",
      },
      uid: {
        type: "string",
        description:
          "A unique identifier the server generates when the object is created; two objects that had the same name at different times have different uids. Read-only.",
      },
    },
  },

  // ── Service (core/v1) ─────────────────────────────────────────────────
  Service: {
    description:
      "A Service gives a set of pods one stable name and, usually, one virtual IP address: its selector picks the pods, and the ports it lists are forwarded to ports of those pods.",
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: "ServiceSpec",
        ref: "ServiceSpec",
        description: "What the Service should do: its type, ports and selector.",
      },
      status: {
        type: "ServiceStatus",
        ref: "ServiceStatus",
        description: "What the system last observed about the Service. Filled in by the system; read-only.",
      },
    },
  },
  ServiceStatus: {
    description: "The observed state of a Service.",
    fields: {
      conditions: { type: "[]Condition", description: "The current conditions of the Service." },
      loadBalancer: {
        type: "LoadBalancerStatus",
        ref: "LoadBalancerStatus",
        description:
          "For a LoadBalancer Service, the addresses (ingress points) of the external load balancer once one has been provisioned.",
      },
    },
  },
  ServiceSpec: {
    description: "The attributes a user sets on a Service.",
    fields: {
      allocateLoadBalancerNodePorts: {
        type: "boolean",
        description:
          'Whether a LoadBalancer Service gets node ports allocated automatically. Defaults to "true"; set it to "false" when the load balancer sends traffic straight to pods. Node ports asked for explicitly are allocated regardless. Only for type LoadBalancer.',
      },
      clusterIP: {
        type: "string",
        description:
          'The virtual IP of the Service, normally allocated at random from the service range. A requested address is used if it is in range and free; otherwise creation fails. It cannot be changed later except when switching to or from ExternalName. "None" makes a headless Service: no virtual IP, and DNS answers with the pod addresses instead. Applies to ClusterIP, NodePort and LoadBalancer; must be empty for ExternalName.',
      },
      clusterIPs: {
        type: "[]string",
        description:
          "The Service's virtual IPs, one per IP family (at most two, for dual-stack). The first entry is always the same as clusterIP; if omitted it is filled in from clusterIP.",
      },
      externalIPs: {
        type: "[]string",
        description:
          "Addresses, not managed by Kubernetes, on which every node also accepts traffic for this Service. Getting that traffic to a node is up to you.",
      },
      externalName: {
        type: "string",
        description:
          "For type ExternalName: the DNS name the Service is an alias for. Cluster DNS answers with a CNAME record to it; nothing is proxied. Must be a lowercase RFC 1123 host name.",
      },
      externalTrafficPolicy: {
        type: "string",
        enum: ["Cluster", "Local"],
        description:
          'How a node handles traffic that arrives on one of the Service\'s externally reachable addresses (node ports, external IPs, load-balancer IPs). "Cluster", the default, spreads it over all endpoints on any node, rewriting the source address so replies come back through the same node. "Local" sends it only to endpoints on the node that received it, keeping the client\'s source address, and drops it when that node has none; an external load balancer is expected to pick nodes that have endpoints. Traffic from inside the cluster to an external or load-balancer IP is always treated as "Cluster".',
      },
      healthCheckNodePort: {
        type: "integer",
        description:
          "For a LoadBalancer Service with externalTrafficPolicy Local: a node port on which each node answers whether it holds endpoints of the Service, so the load balancer can skip nodes without any. Allocated automatically unless given; cannot be changed once set.",
      },
      internalTrafficPolicy: {
        type: "string",
        enum: ["Cluster", "Local"],
        description:
          'How a node handles traffic sent to the cluster IP. "Cluster", the default, spreads it over all endpoints. "Local" sends it only to endpoints on the same node as the client pod, and drops it when there are none there.',
      },
      ipFamilies: {
        type: "[]string",
        description:
          'The IP families ("IPv4", "IPv6") of the Service, normally chosen from the cluster configuration and ipFamilyPolicy. At most two; the first one cannot be changed.',
      },
      ipFamilyPolicy: {
        type: "string",
        enum: ["PreferDualStack", "RequireDualStack", "SingleStack"],
        description:
          'How many IP families the Service asks for: "SingleStack" (the default), "PreferDualStack" (two where the cluster supports it) or "RequireDualStack" (two, or fail).',
      },
      loadBalancerClass: {
        type: "string",
        description:
          "Which load-balancer implementation should serve this LoadBalancer Service; unset means the default one (usually the cloud provider's). Cannot be changed once set.",
      },
      loadBalancerIP: {
        type: "string",
        description:
          "Deprecated: an address to ask the cloud provider for when it creates the load balancer. Its meaning differs between providers; prefer their own annotations.",
      },
      loadBalancerSourceRanges: {
        type: "[]string",
        description:
          "Client address ranges the cloud load balancer should admit, where the provider supports it; ignored otherwise.",
      },
      ports: {
        type: "[]ServicePort",
        ref: "ServicePort",
        description: "The ports the Service exposes, each forwarded to a port of the selected pods.",
      },
      publishNotReadyAddresses: {
        type: "boolean",
        description:
          "Treat every endpoint as ready, whatever the pods' readiness says. Mostly used by the headless Service of a StatefulSet, so pods can find each other through DNS before they are ready.",
      },
      selector: {
        type: "map[string]string",
        description:
          "Pods whose labels include all of these keys and values receive the Service's traffic; the EndpointSlice controller keeps their addresses in the Service's EndpointSlices. Without a selector, Kubernetes leaves the endpoints alone, so you can manage EndpointSlices yourself. Ignored for ExternalName.",
      },
      sessionAffinity: {
        type: "string",
        enum: ["ClientIP", "None"],
        description:
          '"ClientIP" sends every connection from one client address to the same endpoint (for sessionAffinityConfig.clientIP.timeoutSeconds, 3 hours by default); "None", the default, picks an endpoint per connection.',
      },
      sessionAffinityConfig: {
        type: "SessionAffinityConfig",
        ref: "SessionAffinityConfig",
        description: "Settings of session affinity, such as how long a ClientIP affinity lasts.",
      },
      trafficDistribution: {
        type: "string",
        description:
          'A preference for how traffic is spread over the endpoints, such as "PreferClose" (endpoints in the same zone first). Implementations may ignore it.',
      },
      type: {
        type: "string",
        enum: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
        description:
          'How the Service is exposed; the default is ClusterIP. "ClusterIP" allocates a virtual IP inside the cluster and balances connections to it over the endpoints (no virtual IP if clusterIP is "None"). "NodePort" adds a port on every node that leads to the same endpoints. "LoadBalancer" adds an external load balancer, where the cloud provides one, in front of the node ports. "ExternalName" makes the Service a DNS alias (CNAME) for externalName, with no proxying and no endpoints.',
      },
    },
  },
  SessionAffinityConfig: {
    description: "The settings of a Service's session affinity.",
    fields: {
      clientIP: {
        type: "ClientIPConfig",
        ref: "ClientIPConfig",
        description: "The settings of ClientIP session affinity.",
      },
    },
  },
  ClientIPConfig: {
    description: "The settings of ClientIP session affinity.",
    fields: {
      timeoutSeconds: {
        type: "integer",
        description:
          'How long, in seconds, connections from one client keep going to the same endpoint after the last one: more than 0 and at most 86400 (a day) with sessionAffinity "ClientIP". Defaults to 10800 (3 hours).',
      },
    },
  },
  LoadBalancerStatus: {
    description: "The state of a Service's external load balancer.",
    fields: {
      ingress: {
        type: "[]LoadBalancerIngress",
        ref: "LoadBalancerIngress",
        description: "The entry points of the load balancer: traffic for the Service should be sent to these.",
      },
    },
  },
  LoadBalancerIngress: {
    description: "One entry point of a load balancer.",
    fields: {
      hostname: { type: "string", description: "Set for load balancers reached through a DNS name." },
      ip: { type: "string", description: "Set for load balancers reached through an IP address." },
      ipMode: {
        type: "string",
        enum: ["Proxy", "VIP"],
        description:
          '"VIP" (the load balancer delivers traffic to the node with the load-balancer IP as destination) or "Proxy" (it delivers to the node or pod address and port); may only be set with ip.',
      },
      ports: { type: "[]PortStatus", description: "The state of each of the Service's ports on the load balancer." },
    },
  },
  ServicePort: {
    description: "One port of a Service.",
    fields: {
      appProtocol: {
        type: "string",
        description:
          "The application protocol spoken on this port (an IANA service name, kubernetes.io/h2c, kubernetes.io/ws, or a prefixed name of your own), a hint for implementations that understand it.",
      },
      name: {
        type: "string",
        description:
          "The port's name, a DNS label, unique among the Service's ports. It must match the name of the matching EndpointSlice port. Optional when the Service has a single port.",
      },
      nodePort: {
        type: "integer",
        description:
          "For NodePort and LoadBalancer Services: the port opened on every node, usually allocated from the node-port range (30000-32767 by default). A requested port is used if it is in range and free, otherwise the request fails.",
      },
      port: {
        type: "integer",
        required: true,
        description: "The port number the Service listens on (on its cluster IP).",
      },
      protocol: {
        type: "string",
        enum: ["SCTP", "TCP", "UDP"],
        description: 'The IP protocol of this port: "TCP" (the default), "UDP" or "SCTP".',
      },
      targetPort: {
        type: "IntOrString",
        description:
          "The port on the selected pods that traffic is forwarded to: a number (1-65535), or the name of a container port, which is looked up in each pod separately, so pods may use different numbers under one name. Defaults to the value of port. Ignored for headless Services.",
      },
    },
  },

  // ── Pod (core/v1) ─────────────────────────────────────────────────────
  Pod: {
    description:
      "A Pod is a group of containers that run together on one host and share one network namespace (one IP address, one localhost). Clients create pods, and the scheduler places them on nodes.",
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: { type: "PodSpec", ref: "PodSpec", description: "What the pod should run and how." },
      status: {
        type: "PodStatus",
        description:
          "What the system last observed about the pod: its phase, IP addresses, conditions and container states. May lag behind the real state; read-only.",
      },
    },
  },
  PodSpec: {
    description: "The description of a pod.",
    partial: true,
    fields: {
      containers: {
        type: "[]Container",
        ref: "Container",
        required: true,
        description:
          "The containers of the pod; there must be at least one, and containers cannot be added or removed after the pod is created.",
      },
      dnsConfig: {
        type: "PodDNSConfig",
        description: "Extra DNS settings (nameservers, search domains, options) merged into the pod's resolv.conf.",
      },
      dnsPolicy: {
        type: "string",
        enum: ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"],
        description:
          'How the pod\'s DNS is set up. "ClusterFirst", the default, uses the cluster DNS. "Default" uses the node\'s own resolver settings. "ClusterFirstWithHostNet" is what hostNetwork pods need to use the cluster DNS. "None" uses only dnsConfig.',
      },
      enableServiceLinks: {
        type: "boolean",
        description:
          "Whether the kubelet adds environment variables describing the Services of the namespace (WEB_SERVICE_HOST and the like) to the containers. Defaults to true.",
      },
      hostNetwork: {
        type: "boolean",
        description:
          "Run the pod in the node's network namespace: it gets the node's IP address and its ports are the node's ports. Defaults to false.",
      },
      hostname: {
        type: "string",
        description: "The pod's host name; defaults to the pod's name.",
      },
      nodeName: {
        type: "string",
        description:
          "The node the pod is bound to. Normally set by the scheduler; setting it yourself bypasses scheduling.",
      },
      restartPolicy: {
        type: "string",
        enum: ["Always", "Never", "OnFailure"],
        description:
          'When the kubelet restarts the pod\'s containers after they exit: "Always" (the default), "OnFailure" (only after a non-zero exit) or "Never".',
      },
      subdomain: {
        type: "string",
        description:
          'With hostname, gives the pod the DNS name "<hostname>.<subdomain>.<namespace>.svc.<cluster domain>" when a headless Service named after the subdomain selects it.',
      },
      terminationGracePeriodSeconds: {
        type: "integer",
        description:
          "Seconds the pod gets between the termination signal and being killed when it is deleted. Defaults to 30.",
      },
      tolerations: {
        type: "[]Toleration",
        description: "The taints this pod tolerates, so it can be scheduled on (or stay on) nodes that carry them.",
      },
    },
  },
  Container: {
    description: "One application container of a pod.",
    partial: true,
    fields: {
      args: {
        type: "[]string",
        description: "Arguments to the entrypoint; replace the image's CMD. Not run in a shell.",
      },
      command: {
        type: "[]string",
        description: "The entrypoint; replaces the image's ENTRYPOINT. Not run in a shell.",
      },
      env: { type: "[]EnvVar", description: "Environment variables to set in the container." },
      image: { type: "string", description: "The container image to run." },
      name: {
        type: "string",
        required: true,
        description: "The container's name, a DNS label unique within the pod. Cannot be changed.",
      },
      ports: {
        type: "[]ContainerPort",
        ref: "ContainerPort",
        description:
          "Ports the container exposes, mostly as information (and as names a Service's targetPort can refer to). Leaving a port out does NOT stop it from being reachable: any port the process listens on on all addresses is reachable from the network. Cannot be changed.",
      },
      readinessProbe: {
        type: "Probe",
        description:
          "A periodic check of whether the container is ready for traffic; while it fails, the pod is not Ready and is left out of the ready endpoints of Services. Cannot be changed.",
      },
    },
  },
  ContainerPort: {
    description: "One network port of a container.",
    fields: {
      containerPort: {
        type: "integer",
        required: true,
        description: "The port number on the pod's IP address, from 1 to 65535.",
      },
      hostIP: { type: "string", description: "The node address to bind hostPort to." },
      hostPort: {
        type: "integer",
        description:
          "A port on the node to forward to this container port (1-65535). Most pods do not need one; with hostNetwork it must equal containerPort.",
      },
      name: {
        type: "string",
        description:
          "A name for the port (an IANA service name), unique in the pod, that a Service's targetPort can refer to.",
      },
      protocol: {
        type: "string",
        enum: ["SCTP", "TCP", "UDP"],
        description: 'The protocol: "TCP" (the default), "UDP" or "SCTP".',
      },
    },
  },

  // ── EndpointSlice (discovery.k8s.io/v1) ───────────────────────────────
  EndpointSlice: {
    description:
      "An EndpointSlice holds part of the endpoints of a Service. The EndpointSlice controller writes them for Services with a selector; a Service may have several, which together make up all its endpoints, and they carry the label kubernetes.io/service-name with the Service's name.",
    fields: {
      addressType: {
        type: "string",
        required: true,
        enum: ["FQDN", "IPv4", "IPv6"],
        description:
          'The kind of address the slice holds: "IPv4", "IPv6" or "FQDN". Every address in the slice is of this kind. Cannot be changed.',
      },
      apiVersion: API_VERSION,
      endpoints: {
        type: "[]Endpoint",
        ref: "Endpoint",
        required: true,
        description:
          "The endpoints of the slice, at most 1000 (the controller puts at most 100 in a slice by default).",
      },
      kind: KIND,
      metadata: METADATA,
      ports: {
        type: "[]EndpointPort",
        ref: "EndpointPort",
        description:
          "The ports every endpoint of the slice serves, at most 100. An empty list means no ports are defined; a port with an empty name stands for the Service's only, unnamed port.",
      },
    },
  },
  Endpoint: {
    description: "One backend of a Service: usually one pod.",
    fields: {
      addresses: {
        type: "[]string",
        required: true,
        description:
          "The endpoint's addresses, of the slice's addressType. Consumers use the first one; at least one and at most 100.",
      },
      conditions: {
        type: "EndpointConditions",
        ref: "EndpointConditions",
        description: "The current state of the endpoint: ready, serving, terminating.",
      },
      deprecatedTopology: {
        type: "map[string]string",
        description: "Deprecated topology labels, kept for compatibility with v1beta1; use nodeName and zone.",
      },
      hints: {
        type: "EndpointHints",
        description: "Hints for topology-aware routing, such as the zones this endpoint should serve.",
      },
      hostname: {
        type: "string",
        description:
          "A DNS label naming this endpoint, for DNS records (a StatefulSet's pods under a headless Service).",
      },
      nodeName: { type: "string", description: "The node this endpoint runs on." },
      targetRef: { type: "ObjectReference", description: "The object behind the endpoint, usually its pod." },
      zone: { type: "string", description: "The zone this endpoint runs in." },
    },
  },
  EndpointConditions: {
    description: "The state of an endpoint.",
    fields: {
      ready: {
        type: "boolean",
        description:
          "Whether the endpoint should receive traffic now. For a pod: it is Ready and not terminating (unless the Service publishes not-ready addresses). Unknown counts as ready.",
      },
      serving: {
        type: "boolean",
        description:
          "Like ready, but also true for a terminating pod that is still ready, so proxies can keep using it when nothing else is left.",
      },
      terminating: {
        type: "boolean",
        description: "Whether the endpoint is shutting down (its pod is being deleted).",
      },
    },
  },
  EndpointPort: {
    description: "One port of the endpoints of a slice.",
    fields: {
      appProtocol: { type: "string", description: "The application protocol of the port, copied from the Service." },
      name: {
        type: "string",
        description:
          "The name of the port, the same as the Service port's name; empty for a Service's single unnamed port.",
      },
      port: {
        type: "integer",
        description:
          "The port number the endpoints serve (the resolved targetPort). If empty, the endpoints serve no particular port.",
      },
      protocol: {
        type: "string",
        enum: ["SCTP", "TCP", "UDP"],
        description: 'The protocol: "TCP" (the default), "UDP" or "SCTP".',
      },
    },
  },

  // ── Deployment (apps/v1) ──────────────────────────────────────────────
  Deployment: {
    description:
      "A Deployment keeps a number of identical pods running and updates them declaratively, through ReplicaSets.",
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: { type: "DeploymentSpec", ref: "DeploymentSpec", description: "The desired state of the Deployment." },
      status: {
        type: "DeploymentStatus",
        description:
          "What the deployment controller last observed: replica counts and conditions (Available, Progressing).",
      },
    },
  },
  DeploymentSpec: {
    description: "The desired state of a Deployment.",
    fields: {
      minReadySeconds: {
        type: "integer",
        description:
          "How long a new pod must be ready, without any container crashing, before it counts as available. Defaults to 0.",
      },
      paused: {
        type: "boolean",
        description: "Whether the Deployment is paused: changes to its template start no rollout.",
      },
      progressDeadlineSeconds: {
        type: "integer",
        description:
          "How long a rollout may make no progress before the controller reports it failed (Progressing False, ProgressDeadlineExceeded). Defaults to 600.",
      },
      replicas: {
        type: "integer",
        description:
          "How many pods are wanted. It is a pointer, so an explicit 0 can be told apart from unset; defaults to 1.",
      },
      revisionHistoryLimit: {
        type: "integer",
        description: "How many old ReplicaSets to keep so a rollout can be undone. Defaults to 10.",
      },
      selector: {
        type: "LabelSelector",
        required: true,
        description:
          "Which pods belong to the Deployment. It must match the labels of the pod template, and cannot be changed in apps/v1.",
      },
      strategy: {
        type: "DeploymentStrategy",
        description: "How pods are replaced when the template changes: RollingUpdate (the default) or Recreate.",
      },
      template: {
        type: "PodTemplateSpec",
        required: true,
        description: 'The pods to create. Its restartPolicy can only be "Always".',
      },
    },
  },

  // ── Ingress (networking.k8s.io/v1, staging/src/k8s.io/api/networking/v1/types.go) ──
  Ingress: {
    description:
      "An Ingress is a set of rules that let HTTP traffic from outside reach Services inside the cluster. An ingress controller of its class serves it.",
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: { type: "IngressSpec", ref: "IngressSpec", description: "The desired state of the Ingress." },
      status: {
        type: "IngressStatus",
        description: "What the controller last reported: the addresses the Ingress is reachable at (loadBalancer).",
      },
    },
  },
  IngressSpec: {
    description: "How an Ingress routes requests: its class, its rules and a backend for what no rule matches.",
    fields: {
      defaultBackend: {
        type: "IngressBackend",
        ref: "IngressBackend",
        description:
          "Where requests go that match no rule. Without it (and without rules) nothing is routed; what an unmatched request gets is then up to the controller.",
      },
      ingressClassName: {
        type: "string",
        description:
          "The name of the IngressClass whose controller serves this Ingress. When unset, the default IngressClass (if the cluster has one) is filled in when the Ingress is created.",
      },
      rules: {
        type: "[]IngressRule",
        ref: "IngressRule",
        description: "Host rules, each with HTTP paths. Requests that match no rule go to the defaultBackend.",
      },
      tls: {
        type: "[]IngressTLS",
        description:
          "TLS settings: for which hosts the controller terminates TLS, and the Secret with the certificate.",
      },
    },
  },
  IngressRule: {
    description: "The paths of one host: requests whose Host header matches are routed by path.",
    fields: {
      host: {
        type: "string",
        description:
          'A fully qualified domain name, not an IP address, without a port. It may start with "*." to match exactly one DNS label (*.foo.com matches bar.foo.com, not foo.com). Empty means every host.',
      },
      http: { type: "HTTPIngressRuleValue", ref: "HTTPIngressRuleValue", description: "The HTTP paths of this host." },
    },
  },
  HTTPIngressRuleValue: {
    description: "A list of paths, each mapped to a backend.",
    fields: {
      paths: {
        type: "[]HTTPIngressPath",
        ref: "HTTPIngressPath",
        required: true,
        description: "The paths and their backends. The longest match wins; Exact before Prefix of the same length.",
      },
    },
  },
  HTTPIngressPath: {
    description: "One path and the backend that serves it.",
    fields: {
      backend: {
        type: "IngressBackend",
        ref: "IngressBackend",
        required: true,
        description: "The Service (and port) requests matching this path are sent to.",
      },
      path: {
        type: "string",
        description: 'The path to match against the request\'s path. For Exact and Prefix it must begin with "/".',
      },
      pathType: {
        type: "string",
        required: true,
        enum: ["Exact", "ImplementationSpecific", "Prefix"],
        description:
          'How the path is matched. Exact: the whole path, case-sensitive. Prefix: element by element split on "/" (/foo matches /foo/bar, not /foobar). ImplementationSpecific: as the IngressClass\'s controller decides.',
      },
    },
  },
  IngressBackend: {
    description: "Where matching requests are sent.",
    partial: true,
    fields: {
      service: {
        type: "IngressServiceBackend",
        ref: "IngressServiceBackend",
        description: "A Service in the Ingress's namespace.",
      },
    },
  },
  IngressServiceBackend: {
    description: "A Service and one of its ports.",
    fields: {
      name: { type: "string", required: true, description: "The name of the Service, in the Ingress's namespace." },
      port: {
        type: "ServiceBackendPort",
        ref: "ServiceBackendPort",
        description: "The Service port, by number or by name.",
      },
    },
  },
  ServiceBackendPort: {
    description: "A Service port, named by exactly one of name or number.",
    fields: {
      name: { type: "string", description: "The name of the Service port. Cannot be set together with number." },
      number: { type: "integer", description: "The number of the Service port. Cannot be set together with name." },
    },
  },
};

/** The resources explain knows, by kind: their group, version, and the type of the whole object. */
export const EXPLAINED: Partial<Record<ResourceKind, { group: string; version: string }>> = {
  Service: { group: "", version: "v1" },
  Pod: { group: "", version: "v1" },
  EndpointSlice: { group: "discovery.k8s.io", version: "v1" },
  Deployment: { group: "apps", version: "v1" },
  Ingress: { group: "networking.k8s.io", version: "v1" },
};
