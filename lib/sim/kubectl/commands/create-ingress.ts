import { KubeError } from "../../errors";
import { createIngress, ingressFromManifest } from "../../ingress-api";
import { admitToNamespace } from "../../namespace-lifecycle";
import type { HTTPIngressPath, IngressBackend, IngressRule, ServiceBackendPort } from "../../types";
import { type FlagSpec, flag, parseArgs } from "../args";
import type { CommandSpec } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";

// kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]], as kubectl's
// pkg/cmd/create/create_ingress.go builds it: the rule's path keeps its leading "/", a trailing "*"
// makes the pathType Prefix (and is dropped), any other path is Exact; rules of one host share one
// IngressRule; a port that is all digits is a number, anything else a port name.

const FLAGS: readonly FlagSpec[] = [
  { name: "rule", takesValue: true, repeatable: true },
  { name: "class", takesValue: true },
  { name: "default-backend", takesValue: true },
  { name: "annotation", takesValue: true, repeatable: true },
];

export const createIngressSpec: CommandSpec = {
  name: "ingress",
  aliases: ["ing"],
  summary: "Create an ingress with the specified name",
  usage: "create ingress NAME --rule=host/path=service:port[,tls[=secret]] [flags]",
  flags: FLAGS,
  args: [{ kind: "none" }],
};

// create_ingress.go ruleRegex: host of word characters, '*', '-' and '.'; a path from '/' up to ',' or '=';
// a service name and port of word characters and '-'; an optional ",tls[=secret]".
const RULE = /^([\w*\-.]*)(\/[^,=\n]*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

const backendPort = (port: string): ServiceBackendPort =>
  /^\d+$/.test(port) ? { number: Number(port) } : { name: port };

function backendOf(text: string): IngressBackend {
  const [name, port] = text.split(":");
  return { service: { name, port: backendPort(port) } };
}

function pathOf(path: string, service: string): HTTPIngressPath {
  const prefix = path.endsWith("*");
  return {
    path: prefix ? path.slice(0, -1) : path,
    pathType: prefix ? "Prefix" : "Exact",
    backend: backendOf(service),
  };
}

/**
 * The API server's refusal as `kubectl create ingress` prints it: "failed to create ingress: " and the
 * status error, whose causes are listed in brackets when there are several.
 */
function wrapInvalid<T>(name: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof KubeError)) throw err;
    const causes = err.message
      .replace(`The Ingress "${name}" is invalid:`, "")
      .trim()
      .split("\n")
      .map((c) => c.replace(/^\* /, ""));
    const body = causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`;
    throw new KubeError(`error: failed to create ingress: Ingress.networking.k8s.io "${name}" is invalid: ${body}`);
  }
}

export function createIngressNamed(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "create ingress");
  const name = args.positional[0];
  if (!name) throw new KubeError("error: exactly one NAME is required, got 0");
  if (args.positional.length > 1)
    throw new KubeError(`error: exactly one NAME is required, got ${args.positional.length}`);
  const ruleTexts = args.flags.get("rule") ?? [];
  const defaultBackend = flag(args, "default-backend");
  if (ruleTexts.length === 0 && !defaultBackend)
    throw new KubeError(
      "error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)",
    );
  const rules: IngressRule[] = [];
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  for (const text of ruleTexts) {
    const m = RULE.exec(text);
    if (!m)
      throw new KubeError(
        `error: rule ${text} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
      );
    const [, host, path, service, port, withTls, , secret] = m;
    const existing = rules.find((r) => (r.host ?? "") === host);
    const entry = pathOf(path, `${service}:${port}`);
    if (existing) existing.http!.paths.push(entry);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [entry] } });
    if (withTls) {
      const same = tls.find((t) => (t.secretName ?? "") === (secret ?? ""));
      if (same && host) same.hosts = [...(same.hosts ?? []), host];
      else if (!same && (host || secret))
        tls.push({ ...(host ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) });
    }
  }
  const annotations: Record<string, string> = {};
  for (const a of args.flags.get("annotation") ?? []) {
    const eq = a.indexOf("=");
    if (eq < 0) throw new KubeError(`error: annotation ${a} is invalid and should be in format key=[value]`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (defaultBackend && defaultBackend.split(":").length !== 2)
    throw new KubeError("error: default-backend should be in format servicename:serviceport");
  const namespace = namespaceOf(ctx, args);
  try {
    admitToNamespace(ctx.cluster, namespace, "Ingress", name);
  } catch (err) {
    // create_ingress.go: "failed to create ingress: " and the server's message.
    if (err instanceof KubeError && err.message.startsWith("Error from server (Forbidden): "))
      throw new KubeError(
        `error: failed to create ingress: ${err.message.slice("Error from server (Forbidden): ".length)}`,
      );
    throw err;
  }
  if (ctx.cluster.store.get("Ingress", namespace, name))
    throw new KubeError(`error: failed to create ingress: ingresses.networking.k8s.io "${name}" already exists`);
  const className = flag(args, "class");
  const ingress = wrapInvalid(name, () =>
    ingressFromManifest(ctx.cluster, {
      name,
      namespace,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      spec: {
        ...(className ? { ingressClassName: className } : {}),
        ...(defaultBackend ? { defaultBackend: backendOf(defaultBackend) } : {}),
        ...(rules.length ? { rules } : {}),
        ...(tls.length ? { tls } : {}),
      },
    }),
  );
  createIngress(ctx.cluster, ingress);
  return line(`ingress.networking.k8s.io/${name} created`);
}
