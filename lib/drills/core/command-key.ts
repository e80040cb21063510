import type { Cluster } from "../../sim/cluster";
import { parseIPv4 } from "../../sim/ip";
import { resourceType } from "../../sim/kubectl/resources";
import { parseUrl } from "../../sim/shell/http-client";
import { tokenize } from "../../sim/shell/tokenize";

// A command line reduced to what it does, so that two spellings kubectl or curl treat alike give the
// same key: `kubectl scale deploy/web --replicas 0` and `kubectl scale deployment web --replicas=0`,
// or `kubectl exec -it client -- wget -qO- http://web/` and `kubectl exec client -- curl -s web`.
// Only spelling is folded, never meaning: `kubectl get svc web` and `kubectl get svc web -o yaml` stay
// different, and a different route to the same change (cordon, then delete the pod) is not caught.

/** kubectl flags whose value may be the next word (`--replicas 0`); any other flag without `=` is a switch. */
const KUBECTL_VALUE_FLAGS = new Set([
  "namespace",
  "output",
  "selector",
  "filename",
  "container",
  "replicas",
  "port",
  "target-port",
  "type",
  "name",
  "image",
  "cluster-ip",
  "session-affinity",
  "grace-period",
  "timeout",
  "protocol",
  "labels",
  "field-selector",
  "sort-by",
  "external-ip",
  "current-replicas",
  "resource-version",
  "overrides",
  "env",
  "template",
  "chunk-size",
  "pod-selector",
  "label-columns",
  "restart",
]);

const KUBECTL_SHORT: Record<string, string> = {
  n: "namespace",
  o: "output",
  l: "selector",
  f: "filename",
  c: "container",
  i: "stdin",
  t: "tty",
  A: "all-namespaces",
  w: "watch",
  q: "quiet",
  L: "label-columns",
};

/** Flags that change how a command waits or talks to the terminal, not what it does to the cluster. */
const KUBECTL_IGNORED_FLAGS: Record<string, string[]> = {
  exec: ["stdin", "tty", "quiet"],
  delete: ["now", "grace-period", "force", "wait", "timeout", "ignore-not-found"],
  drain: [
    "ignore-daemonsets",
    "delete-emptydir-data",
    "delete-local-data",
    "force",
    "grace-period",
    "timeout",
    "disable-eviction",
    "skip-wait-for-delete-timeout",
    "chunk-size",
  ],
  scale: ["timeout", "current-replicas", "resource-version"],
  apply: ["validate"],
  create: ["validate", "save-config"],
};

/** Commands whose words are objects (`pod web-1`, `pods/web-1`, `po web-1 web-2`). */
const OBJECT_COMMANDS = new Set(["get", "describe", "delete", "scale", "expose", "label"]);
const NODE_COMMANDS = new Set(["cordon", "uncordon", "drain"]);

/** curl and busybox wget options that take a value (`-m 5`, `-O -`); every other option is a switch. */
const TOOL_VALUE_FLAGS: Record<"curl" | "wget", Set<string>> = {
  curl: new Set([
    "m",
    "max-time",
    "connect-timeout",
    "o",
    "output",
    "H",
    "header",
    "X",
    "request",
    "d",
    "data",
    "w",
    "write-out",
    "A",
    "user-agent",
    "u",
    "user",
    "retry",
    "e",
  ]),
  wget: new Set(["O", "output-document", "o", "output-file", "T", "timeout", "t", "tries", "U", "header", "Y", "e"]),
};

interface Parsed {
  operands: string[];
  flags: Map<string, string>;
  /** The words after a bare `--`. */
  rest: string[] | null;
}

/** getopt-style: `--name=value`, `--name value` (for value flags), `-abc`, `-nvalue`, `-n value`, `-o=yaml`. */
function parseWords(words: string[], takesValue: (name: string) => boolean, short: (letter: string) => string) {
  const parsed: Parsed = { operands: [], flags: new Map(), rest: null };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") {
      parsed.rest = words.slice(i + 1);
      break;
    }
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name = word.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) parsed.flags.set(name, word.slice(eq + 1));
      else if (takesValue(name) && i + 1 < words.length) parsed.flags.set(name, words[++i]);
      else parsed.flags.set(name, "true");
    } else if (word.startsWith("-") && word.length > 1 && !/^-\d/.test(word)) {
      for (let j = 1; j < word.length; j++) {
        const name = short(word[j]);
        if (!takesValue(name)) {
          parsed.flags.set(name, "true");
          continue;
        }
        const attached = word.slice(j + 1).replace(/^=/, "");
        parsed.flags.set(name, attached || (words[++i] ?? ""));
        break;
      }
    } else parsed.operands.push(word);
  }
  return parsed;
}

const typeName = (word: string) => {
  try {
    return resourceType(word).plural;
  } catch {
    return word.toLowerCase();
  }
};

/** `pod web-1`, `po/web-1` → `pods/web-1`; `pods` alone → `pods`; `key=value` words (labels) kept as typed. */
function objectWords(words: string[]): string[] {
  const [first, ...more] = words;
  if (first === undefined) return [];
  if (first.includes("/"))
    return words
      .map((w) => (w.includes("/") ? `${typeName(w.split("/")[0])}/${w.split("/").slice(1).join("/")}` : w))
      .sort();
  const types = first.split(",").map(typeName);
  const names = more.filter((w) => !w.includes("="));
  const others = more.filter((w) => w.includes("="));
  if (names.length === 0) return [types.join(","), ...others];
  return [...names.flatMap((n) => types.map((t) => `${t}/${n}`)).sort(), ...others];
}

const nodeWords = (words: string[]) => words.map((w) => `nodes/${w.replace(/^(nodes?|no)\//, "")}`).sort();

/** A pod's view of a host: `web`, `web.default.svc.cluster.local` and web's ClusterIP are one Service. */
function hostKey(host: string, namespace: string | null, cluster?: Cluster): string {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (namespace === null) return name; // outside the cluster only public names resolve
  if (parseIPv4(name) !== null) {
    const service = cluster?.store.list("Service").find((s) => s.spec.clusterIP === name);
    return service ? `${service.metadata.name}.${service.metadata.namespace}` : name;
  }
  const short = name.replace(/\.cluster\.local$/, "").replace(/\.svc$/, "");
  return short.includes(".") ? short : `${short}.${namespace}`;
}

/** curl, wget, nslookup (and `sh -c "..."` around them) as run in `namespace`'s pod, or outside (null). */
function toolKey(words: string[], namespace: string | null, cluster?: Cluster): string {
  const [path = "", ...args] = words;
  const program = path.replace(/^.*\//, "");
  if ((program === "sh" || program === "bash") && args[0] === "-c" && args[1] !== undefined) {
    const inner = tokenize(args[1]);
    if (Array.isArray(inner)) return toolKey(inner, namespace, cluster);
  }
  if (program === "curl" || program === "wget") {
    const values = TOOL_VALUE_FLAGS[program];
    const url = parseWords(
      args,
      (n) => values.has(n),
      (l) => l,
    ).operands.at(-1);
    const target = url === undefined ? null : parseUrl(url);
    if (!target) return ["http", ...args].join(" ");
    const where = `${hostKey(target.host, namespace, cluster)}:${target.port}`;
    return `http ${where}${target.path === "/" ? "" : target.path}`;
  }
  if (program === "nslookup") {
    const options = args.filter((a) => a.startsWith("-")).map((a) => a.toLowerCase());
    const [name = "", server] = args.filter((a) => !a.startsWith("-"));
    return ["dns", ...options.sort(), hostKey(name, namespace, cluster), ...(server ? [`@${server}`] : [])].join(" ");
  }
  return [program, ...args].join(" ");
}

function kubectlKey(words: string[], cluster?: Cluster): string {
  const [command = "", ...args] = words;
  const { operands, flags, rest } = parseWords(
    args,
    (n) => KUBECTL_VALUE_FLAGS.has(n),
    (l) => KUBECTL_SHORT[l] ?? l,
  );
  const namespace = flags.get("namespace") ?? "default";
  if (namespace === "default") flags.delete("namespace");
  for (const ignored of KUBECTL_IGNORED_FLAGS[command] ?? []) flags.delete(ignored);
  // `kubectl create -f FILE` makes what the file describes, as `kubectl apply -f FILE` does.
  const verb = command === "create" && flags.has("filename") ? "apply" : command;
  let objects = operands;
  if (OBJECT_COMMANDS.has(command)) objects = objectWords(operands);
  else if (NODE_COMMANDS.has(command)) objects = nodeWords(operands);
  else if (command === "rollout") objects = [operands[0] ?? "", ...objectWords(operands.slice(1))];
  else if (command === "exec" && operands[0] !== undefined) objects = [`pods/${operands[0].replace(/^[^/]*\//, "")}`];
  const flagWords = [...flags].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `--${k}=${v}`);
  const head = ["kubectl", verb, ...objects, ...flagWords].join(" ");
  if (rest === null) return head;
  return `${head} -- ${command === "exec" ? toolKey(rest, namespace, cluster) : rest.join(" ")}`;
}

/**
 * The key of a command line as typed at the drill prompt. `cluster`, when given, lets a ClusterIP
 * called from a pod count as its Service's name.
 */
export function commandKey(line: string, cluster?: Cluster): string {
  const words = tokenize(line.trim());
  if (!Array.isArray(words) || words.length === 0) return line.trim();
  const [program, ...args] = words;
  if (program === "kubectl" || program === "k") return kubectlKey(args, cluster);
  if (program === "curl" || program === "wget" || program === "nslookup") return `outside: ${toolKey(words, null)}`;
  return [program, ...args].join(" ");
}
