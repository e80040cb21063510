// An ingress controller modelled on ingress-nginx (kubernetes/ingress-nginx): the pods of its controller
// Deployment in namespace ingress-nginx serve the Ingresses of their IngressClass (controller
// "k8s.io/ingress-nginx"), publish their Service's address in each Ingress's status
// (--publish-service=ingress-nginx/ingress-nginx-controller), and proxy each HTTP request to a pod of
// the backend Service. Installed by `kubectl apply -f ingress-nginx.yaml` (ingress-nginx-manifest.ts).
import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import { type Backend, backends } from "./network";
import type { HTTPIngressPath, Ingress, IngressBackend, Pod, Service, ServicePort } from "./types";

export const INGRESS_NGINX_CONTROLLER = "k8s.io/ingress-nginx";
export const INGRESS_NGINX_NAMESPACE = "ingress-nginx";
export const INGRESS_NGINX_SERVICE = "ingress-nginx-controller";
/** The IngressClass annotation that makes a class the default (the DefaultIngressClass admission plugin). */
export const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

/** Is this pod an ingress-nginx controller pod (the labels of its Deployment's template)? */
export const isIngressController = (pod: Pod) =>
  pod.metadata.namespace === INGRESS_NGINX_NAMESPACE &&
  pod.metadata.labels?.["app.kubernetes.io/name"] === "ingress-nginx" &&
  pod.metadata.labels?.["app.kubernetes.io/component"] === "controller";

/** The IngressClasses the controller serves (its --controller-class, default k8s.io/ingress-nginx). */
function servedClasses(cluster: Cluster): Set<string> {
  return new Set(
    cluster.store
      .list("IngressClass")
      .filter((c) => c.spec.controller === INGRESS_NGINX_CONTROLLER)
      .map((c) => c.metadata.name),
  );
}

/**
 * The default IngressClass, which the DefaultIngressClass admission plugin writes into an Ingress created
 * without spec.ingressClassName (plugin/pkg/admission/network/defaultingressclass). With two defaults,
 * the newest wins.
 */
export function defaultIngressClass(cluster: Cluster): string | undefined {
  return cluster.store
    .list("IngressClass")
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === "true")
    .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp))[0]?.metadata.name;
}

/**
 * The Ingresses the controller serves: those of its class. ingress-nginx ignores an Ingress without a
 * class unless started with --watch-ingress-without-class (false in its deploy manifests).
 */
export function servedIngresses(cluster: Cluster): Ingress[] {
  const classes = servedClasses(cluster);
  if (classes.size === 0) return [];
  return cluster.store
    .list("Ingress")
    .filter((i) => i.spec.ingressClassName !== undefined && classes.has(i.spec.ingressClassName))
    .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
}

const runningController = (cluster: Cluster) =>
  cluster
    .pods(INGRESS_NGINX_NAMESPACE)
    .find((p) => isIngressController(p) && p.status.phase === "Running" && !p.metadata.deletionTimestamp);

/**
 * The address the controller publishes (ingress-nginx internal/ingress/status, statusAddressFromService):
 * a LoadBalancer Service's load balancer IPs, the ClusterIP of a ClusterIP or NodePort Service.
 */
function publishedAddress(service: Service | undefined): { ip: string }[] {
  if (!service) return [];
  if (service.spec.type === "LoadBalancer") return service.status.loadBalancer.ingress ?? [];
  return service.spec.clusterIP ? [{ ip: service.spec.clusterIP }] : [];
}

/** The spec each Ingress had when the controller last took it in, per cluster. */
const synced = new WeakMap<Cluster, Map<string, string>>();

/**
 * ingress-nginx's store records `Normal Sync "Scheduled for sync"` (from nginx-ingress-controller) on an
 * Ingress of its class each time it is added or changed (internal/ingress/controller/store/store.go).
 */
function reportSync(cluster: Cluster, ingress: Ingress): void {
  let seen = synced.get(cluster);
  if (!seen) {
    seen = new Map();
    synced.set(cluster, seen);
  }
  const spec = JSON.stringify(ingress.spec);
  if (seen.get(ingress.metadata.uid) === spec) return;
  seen.set(ingress.metadata.uid, spec);
  cluster.events.record(involvedObject(ingress), "Normal", "Sync", "Scheduled for sync", {
    component: "nginx-ingress-controller",
  });
}

/**
 * The status sync: while a controller pod runs, every served Ingress carries the published address.
 * It looks at the Ingresses in the queue (work-queues.ts: an Ingress that changed, or all of them
 * when an IngressClass, a pod or a Service of the ingress-nginx namespace did), in list order.
 */
export function syncIngressStatus(cluster: Cluster, queued: Iterable<string> | "all" = "all"): void {
  const ingresses = queued === "all" ? cluster.store.list("Ingress") : cluster.store.inListOrder("Ingress", queued);
  if (ingresses.length === 0) return;
  const running = runningController(cluster);
  const address = running
    ? publishedAddress(cluster.store.get("Service", INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_SERVICE))
    : [];
  const classes = servedClasses(cluster);
  for (const ingress of ingresses) {
    // A controller that stops leaves the last address in place, as ingress-nginx does on shutdown
    // without --update-status-on-shutdown; an Ingress it never served has none.
    const served = ingress.spec.ingressClassName !== undefined && classes.has(ingress.spec.ingressClassName);
    if (!served || !running) continue;
    reportSync(cluster, ingress);
    const wanted = address.length ? address.map((a) => ({ ip: a.ip })) : undefined;
    if (JSON.stringify(ingress.status.loadBalancer.ingress) === JSON.stringify(wanted)) continue;
    ingress.status = { loadBalancer: wanted ? { ingress: wanted } : {} };
    cluster.save(ingress);
  }
}

/**
 * Does an Ingress host match the request's host? Kubernetes docs, "Ingress", Hostname wildcards: an exact
 * host must equal it; `*.foo.com` matches exactly one DNS label in front of foo.com (bar.foo.com, not
 * baz.bar.foo.com nor foo.com).
 */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith("*.")) return ruleHost === host;
  const suffix = ruleHost.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes(".") && host.length > suffix.length;
}

/**
 * Does a path rule match the request path? Kubernetes docs, "Ingress", Path types and Examples: Exact
 * matches the path exactly (case-sensitive); Prefix matches element by element split on "/", ignoring a
 * trailing slash (/foo matches /foo, /foo/ and /foo/bar, not /foobar). ImplementationSpecific is left to
 * the controller: ingress-nginx writes it as an nginx prefix `location`, a plain string prefix.
 */
export function pathMatches(rule: Pick<HTTPIngressPath, "path" | "pathType">, requestPath: string): boolean {
  const path = rule.path || "/";
  if (rule.pathType === "Exact") return requestPath === path;
  if (rule.pathType === "ImplementationSpecific") return requestPath.startsWith(path);
  const elements = (p: string) => p.split("/").filter((e) => e !== "");
  const want = elements(path);
  const have = elements(requestPath);
  return want.length <= have.length && want.every((e, i) => e === have[i]);
}

export interface IngressRoute {
  ingress: Ingress;
  backend: IngressBackend;
  /** The rule's path, or null for an Ingress's defaultBackend. */
  path: HTTPIngressPath | null;
}

/**
 * The route for one request (Kubernetes docs, "Ingress", Multiple matches: the longest matching path wins,
 * and an Exact path before a Prefix path of the same length). The request's host picks the rules of that
 * host (exact before wildcard); a host no rule names gets the rules without a host. No path matching →
 * the defaultBackend of an Ingress of those rules (for an unnamed host also of an Ingress without rules);
 * else none, which ingress-nginx answers with its own 404.
 */
export function routeRequest(ingresses: Ingress[], host: string, requestPath: string): IngressRoute | null {
  // (With use-regex or rewrite-target, ingress-nginx writes an Ingress's paths as case-insensitive regex
  // locations anchored at the start, `location ~* "^PATH"`: regexPathMatches.)
  const hostName = host.replace(/:\d+$/, "").toLowerCase();
  const rulesFor = (match: (ruleHost: string) => boolean) =>
    ingresses.flatMap((ingress) =>
      (ingress.spec.rules ?? []).filter((r) => match(r.host ?? "")).map((rule) => ({ ingress, rule })),
    );
  let rules = rulesFor((h) => h !== "" && !h.startsWith("*.") && h === hostName);
  if (rules.length === 0) rules = rulesFor((h) => h.startsWith("*.") && hostMatches(h, hostName));
  // nginx's catch-all server `_`: the rules without a host and the defaultBackend of an Ingress without rules.
  const catchAll = rules.length === 0;
  if (catchAll) rules = rulesFor((h) => h === "");
  const path = (requestPath.split("?")[0] || "/").split("#")[0];
  let best: IngressRoute | null = null;
  for (const { ingress, rule } of rules)
    for (const p of rule.http?.paths ?? []) {
      if (!(usesRegex(ingress) ? regexPathMatches(p, path) : pathMatches(p, path))) continue;
      const length = (p.path || "/").length;
      const bestLength = best?.path ? (best.path.path || "/").length : -1;
      if (length > bestLength || (length === bestLength && p.pathType === "Exact" && best?.path?.pathType !== "Exact"))
        best = { ingress, backend: p.backend, path: p };
    }
  if (best) return best;
  const withDefault =
    rules.find(({ ingress }) => ingress.spec.defaultBackend)?.ingress ??
    (catchAll ? ingresses.find((i) => i.spec.defaultBackend && !i.spec.rules?.length) : undefined);
  return withDefault ? { ingress: withDefault, backend: withDefault.spec.defaultBackend!, path: null } : null;
}

const ANNOTATION = "nginx.ingress.kubernetes.io/";
const annotation = (ingress: Ingress, name: string) => ingress.metadata.annotations?.[`${ANNOTATION}${name}`];

/** ingress-nginx docs, Annotations, Use Regex: rewrite-target implies use-regex for the Ingress's paths. */
const usesRegex = (ingress: Ingress) =>
  annotation(ingress, "use-regex") === "true" || annotation(ingress, "rewrite-target") !== undefined;

/** A regex location: `~* "^PATH"` (Exact paths stay exact); a path that is no valid regex matches nothing. */
function regexPathMatches(rule: Pick<HTTPIngressPath, "path" | "pathType">, requestPath: string): boolean {
  const path = rule.path || "/";
  if (rule.pathType === "Exact") return requestPath === path;
  try {
    return new RegExp(`^${path}`, "i").test(requestPath);
  } catch {
    return false;
  }
}

/**
 * The URI the backend gets. With rewrite-target, ingress-nginx adds `rewrite "(?i)PATH" TARGET break;` to
 * the location: when the path's regex matches, nginx replaces the whole URI by TARGET with $1, $2, … taken
 * from the capture groups, and appends the query string (ingress-nginx docs, Rewrite). So `path: /app`
 * with `rewrite-target: /` sends /app/x to / itself; `path: /app(/|$)(.*)` with `/$2` sends it to /x.
 */
export function rewrittenPath(route: IngressRoute, requestPath: string): string {
  const target = annotation(route.ingress, "rewrite-target");
  if (target === undefined || !route.path) return requestPath;
  const [uri, query] = [requestPath.split("?")[0], requestPath.split("?").slice(1).join("?")];
  let match: RegExpExecArray | null = null;
  try {
    match = new RegExp(route.path.path || "/", "i").exec(uri);
  } catch {
    return requestPath;
  }
  if (!match) return requestPath;
  const rewritten = target.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? "");
  return query ? `${rewritten}?${query}` : rewritten;
}

/**
 * ingress-nginx redirects plain HTTP to HTTPS with 308 (its http-redirect-code default) for a host listed
 * in the Ingress's spec.tls, unless `ssl-redirect: "false"`; `force-ssl-redirect: "true"` redirects a host
 * without TLS too (ingress-nginx docs, Annotations, Server-side HTTPS enforcement through redirect).
 */
export function redirectsToHttps(ingress: Ingress, host: string): boolean {
  if (annotation(ingress, "force-ssl-redirect") === "true") return true;
  if (annotation(ingress, "ssl-redirect") === "false") return false;
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return (ingress.spec.tls ?? []).some((tls) => (tls.hosts ?? []).some((h) => hostMatches(h.toLowerCase(), name)));
}

/** The Service port an Ingress backend names, by number or by name. */
export function backendServicePort(service: Service, backend: IngressBackend): ServicePort | undefined {
  const port = backend.service?.port;
  return service.spec.ports.find((p) => (port?.name ? p.name === port.name : p.port === port?.number));
}

export type Upstream =
  | { ok: true; service: Service; port: ServicePort; endpoint: Backend }
  | { ok: true; service: Service; external: string; port: number }
  | { ok: false; status: 503 };

/**
 * The pod the controller proxies to. ingress-nginx does not go through the ClusterIP: it reads the
 * Service's EndpointSlices and balances over the ready pod IPs itself (round robin, its default
 * load-balance setting), so kube-proxy, sessionAffinity and the traffic policies play no part in this hop.
 * A missing Service, an unknown port or no ready endpoint gives 503.
 * (chooseUpstream also takes an ExternalName Service, as noted inside.)
 */
export function chooseUpstream(cluster: Cluster, route: IngressRoute): Upstream {
  const name = route.backend.service?.name ?? "";
  const service = cluster.store.get("Service", route.ingress.metadata.namespace, name);
  // An ExternalName Service has no endpoints: ingress-nginx proxies to its externalName, resolved by DNS,
  // on the backend's port number.
  if (service?.spec.type === "ExternalName" && service.spec.externalName)
    return { ok: true, service, external: service.spec.externalName, port: route.backend.service?.port?.number ?? 80 };
  const port = service && backendServicePort(service, route.backend);
  if (!service || !port) return { ok: false, status: 503 };
  const ready = backends(cluster, service, port).filter((b) => b.endpoint.conditions.ready);
  if (ready.length === 0) return { ok: false, status: 503 };
  const key = `ingress-nginx/${service.metadata.uid}/${port.port}`;
  const next = cluster.roundRobin.get(key) ?? 0;
  cluster.roundRobin.set(key, next + 1);
  return { ok: true, service, port, endpoint: ready[next % ready.length] };
}

/** ingress-nginx's own error pages (server_tokens off: no version under the rule). */
export const nginxErrorPage = (status: string) =>
  `<html>\n<head><title>${status}</title></head>\n<body>\n<center><h1>${status}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
