/** An error the way the API server or kubectl reports it; `message` is printed to the learner verbatim. */
export class KubeError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const plural: Record<string, string> = {
  Pod: "pods",
  Service: "services",
  Deployment: "deployments.apps",
  ReplicaSet: "replicasets.apps",
  DaemonSet: "daemonsets.apps",
  StatefulSet: "statefulsets.apps",
  Node: "nodes",
  Namespace: "namespaces",
  EndpointSlice: "endpointslices.discovery.k8s.io",
  Endpoints: "endpoints",
  ResourceQuota: "resourcequotas",
  NetworkPolicy: "networkpolicies.networking.k8s.io",
  Ingress: "ingresses.networking.k8s.io",
  IngressClass: "ingressclasses.networking.k8s.io",
};

export const resourceName = (kind: string) => plural[kind] ?? `${kind.toLowerCase()}s`;

export const notFound = (kind: string, name: string) =>
  new KubeError(`Error from server (NotFound): ${resourceName(kind)} "${name}" not found`);
export const alreadyExists = (kind: string, name: string) =>
  new KubeError(`Error from server (AlreadyExists): ${resourceName(kind)} "${name}" already exists`);

/** "The Service "web" is invalid: ..." with one cause, or a bulleted list of several. */
export function invalid(kind: string, name: string, causes: string[]): KubeError {
  const body = causes.length === 1 ? ` ${causes[0]}` : `\n${causes.map((c) => `* ${c}`).join("\n")}`;
  return new KubeError(`The ${kind} "${name}" is invalid:${body}`);
}
