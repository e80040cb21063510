import type { Cluster } from "../../sim/cluster";
import { COMMANDS, commandNamed } from "../../sim/kubectl";
import { type FlagSpec, GLOBAL_FLAGS } from "../../sim/kubectl/args";
import { type CommandSpec, type Completion, subcommandNamed } from "../../sim/kubectl/command";
import {
  findResourceType,
  listObjects,
  RESOURCE_TYPES,
  type ResourceType,
  typeOfKind,
} from "../../sim/kubectl/resources";
import { shellProgramsOf } from "../../sim/shell/interactive";
import { KUBECTL_ALIASES, PROMPT_WORDS } from "../../sim/shell/run-command";

/** A kubectl command line up to the word being completed, read with the command table's flags. */
interface KubectlLine {
  /** The command (or family sub-verb) reached so far; null before the command word. */
  spec: CommandSpec | null;
  /** True when the command word is not in the table: nothing completes after it. */
  unknown: boolean;
  positional: string[];
  /** A flag that still waits for its value: the word being completed is that value. */
  pendingFlag: FlagSpec | null;
  namespace: string;
  /** After a bare `--` the words belong to the container's command (kubectl exec/run). */
  afterDashDash: boolean;
}

function readKubectlLine(words: string[]): KubectlLine {
  const line: KubectlLine = {
    spec: null,
    unknown: false,
    positional: [],
    pendingFlag: null,
    namespace: "default",
    afterDashDash: false,
  };
  const setFlag = (spec: FlagSpec | undefined, inline: string | undefined) => {
    if (!spec?.takesValue) return;
    if (inline === undefined) line.pendingFlag = spec;
    else if (spec.name === "namespace") line.namespace = inline;
  };
  for (const word of words) {
    const flags = [...GLOBAL_FLAGS, ...(line.spec?.flags ?? [])];
    if (line.pendingFlag) {
      if (line.pendingFlag.name === "namespace") line.namespace = word;
      line.pendingFlag = null;
    } else if (word === "--") {
      line.afterDashDash = true;
      break;
    } else if (word.startsWith("--")) {
      const [name, inline] = word.slice(2).split(/=(.*)/s, 2);
      setFlag(
        flags.find((f) => f.name === name),
        inline,
      );
    } else if (word.startsWith("-") && word.length > 1) {
      const attached = word.slice(2).replace(/^=/, "");
      setFlag(
        flags.find((f) => f.short === word[1]),
        attached || undefined,
      );
    } else if (line.spec === null) {
      line.spec = commandNamed(word) ?? null;
      line.unknown = line.spec === null;
      if (line.unknown) break;
    } else {
      const sub = line.positional.length === 0 ? subcommandNamed(line.spec, word) : undefined;
      if (sub) line.spec = sub;
      else line.positional.push(word);
    }
  }
  return line;
}

/** Names of the objects of one type that are not being deleted, in the line's namespace. */
function objectNames(cluster: Cluster, type: ResourceType, namespace: string): string[] {
  return listObjects(cluster, type, type.namespaced ? namespace : undefined)
    .filter((o) => o.kind === "Endpoints" || o.kind === "Event" || !o.metadata.deletionTimestamp)
    .map((o) => o.metadata.name);
}

function candidatesFor(
  completion: Completion,
  cluster: Cluster,
  files: string[],
  line: KubectlLine,
): readonly string[] {
  switch (completion.kind) {
    case "none":
      return [];
    case "words":
      return completion.words;
    case "files":
      return files;
    case "objects":
      return objectNames(cluster, typeOfKind(completion.resource), line.namespace).map(
        (name) => `${completion.prefix ?? ""}${name}`,
      );
    case "typed-objects": {
      // The first argument names the type: `svc`, `pods,svc`, or `deployment/web`.
      const types = (line.positional[0] ?? "").split("/")[0].split(",").map(findResourceType);
      return types.flatMap((t) => (t ? objectNames(cluster, t, line.namespace) : []));
    }
    case "resource-types":
      return [...RESOURCE_TYPES.map((t) => t.plural), ...(completion.extra ?? [])];
    case "any-of":
      return completion.options.flatMap((option) => candidatesFor(option, cluster, files, line));
    default: {
      const _exhaustive: never = completion;
      return _exhaustive;
    }
  }
}

function kubectlCandidates(cluster: Cluster, files: string[], words: string[]): readonly string[] {
  const line = readKubectlLine(words);
  if (line.unknown || line.afterDashDash) return [];
  if (line.pendingFlag) return candidatesFor(line.pendingFlag.values ?? { kind: "none" }, cluster, files, line);
  if (line.spec === null) return COMMANDS.map((c) => c.name);
  const { spec } = line;
  if (spec.subcommands && line.positional.length === 0) return spec.subcommands.map((s) => s.name);
  const completion = spec.args[Math.min(line.positional.length, spec.args.length - 1)] ?? { kind: "none" };
  return candidatesFor(completion, cluster, files, line);
}

/** Words that could come next at the cursor, for Tab completion in the drill terminal. */
export function completionCandidates(
  cluster: Cluster,
  files: string[],
  line: string,
): { prefix: string; candidates: string[] } {
  const words = line.split(/\s+/);
  const prefix = words[words.length - 1];
  const before = words.slice(0, -1).filter(Boolean);
  // Inside a container's shell (kubectl exec -it, run -it, debug -it) the programs are the image's.
  const inside = shellProgramsOf(cluster);
  let pool: readonly string[];
  if (before.length === 0) pool = inside ?? PROMPT_WORDS;
  else if (inside) pool = [];
  else if (!KUBECTL_ALIASES.includes(before[0])) pool = before[0] === "cat" ? files : [];
  else pool = kubectlCandidates(cluster, files, before.slice(1));
  const candidates = [...new Set(pool.filter((w) => w.startsWith(prefix)))].sort();
  return { prefix, candidates };
}
