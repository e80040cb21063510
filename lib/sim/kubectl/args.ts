import { KubeError } from "../errors";
import type { Completion } from "./command";

export interface FlagSpec {
  /** Long name without dashes; `short` is a single letter. */
  name: string;
  short?: string;
  /** Flags without a value are booleans (--force, or --force=false). */
  takesValue: boolean;
  repeatable?: boolean;
  /** What the flag's value completes to at the prompt (files for -f, namespaces for -n, ...). */
  values?: Completion;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  /** Everything after a bare `--` (the command of kubectl exec / run). */
  rest: string[] | null;
  /** The flags the command knows and its usage hint, for errors about a flag's value found later. */
  specs?: readonly FlagSpec[];
  usage?: string;
}

/** strconv.ParseBool's spellings. */
const BOOLEANS: Record<string, "true" | "false"> = {
  "1": "true",
  t: "true",
  T: "true",
  true: "true",
  TRUE: "true",
  True: "true",
  "0": "false",
  f: "false",
  F: "false",
  false: "false",
  FALSE: "false",
  False: "false",
};

/**
 * pflag's error for a value its flag's type refuses (flag.go FlagSet.set: `invalid argument %q for %q
 * flag: %v`, the flag named "-s, --long" when it has a shorthand), and the line kubectl's
 * FlagErrorFunc adds (pkg/util/templates/templater.go).
 */
function invalidArgument(spec: FlagSpec | undefined, name: string, value: string, why: string, usage?: string) {
  const shown = spec?.short ? `-${spec.short}, --${name}` : `--${name}`;
  return new KubeError(`error: invalid argument "${value}" for "${shown}" flag: ${why}${usage ? `\n${usage}` : ""}`);
}

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "namespace", short: "n", takesValue: true, values: { kind: "objects", resource: "Namespace" } },
  { name: "all-namespaces", short: "A", takesValue: false },
];

/** Parses kubectl-style flags: --name value, --name=value, -n value, -nvalue, booleans. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedArgs {
  const all = [...GLOBAL_FLAGS, ...specs];
  const usage = `See 'kubectl ${command} --help' for usage.`;
  const result: ParsedArgs = { positional: [], flags: new Map(), rest: null, specs: all, usage };
  const set = (spec: FlagSpec, raw: string) => {
    const value = spec.takesValue ? raw : BOOLEANS[raw];
    if (value === undefined)
      throw invalidArgument(spec, spec.name, raw, `strconv.ParseBool: parsing "${raw}": invalid syntax`, usage);
    const list = result.flags.get(spec.name) ?? [];
    if (spec.repeatable) list.push(value);
    else list.splice(0, list.length, value);
    result.flags.set(spec.name, list);
  };
  const args = [...argv];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      result.rest = args.slice(i + 1);
      break;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new KubeError(`error: unknown flag: --${name}\n${usage}`);
      if (!spec.takesValue) set(spec, inline ?? "true");
      else if (inline !== undefined) set(spec, inline);
      else if (i + 1 < args.length) set(spec, args[++i]);
      else throw new KubeError(`error: flag needs an argument: --${name}\n${usage}`);
    } else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      const letter = arg[1];
      const spec = all.find((s) => s.short === letter);
      if (!spec) throw new KubeError(`error: unknown shorthand flag: '${letter}' in ${arg}\n${usage}`);
      const attached = arg.slice(2).replace(/^=/, "");
      // pflag reads `-it` as -i -t: letters after a boolean shorthand are more shorthands.
      if (!spec.takesValue && attached && !arg.includes("=")) {
        set(spec, "true");
        args.splice(i + 1, 0, `-${attached}`);
      } else if (!spec.takesValue) set(spec, arg.includes("=") ? attached : "true");
      else if (attached) set(spec, attached);
      else if (i + 1 < args.length) set(spec, args[++i]);
      else throw new KubeError(`error: flag needs an argument: '${letter}' in -${letter}\n${usage}`);
    } else {
      result.positional.push(arg);
    }
  }
  return result;
}

export const flag = (args: ParsedArgs, name: string): string | undefined => args.flags.get(name)?.at(-1);
export const boolFlag = (args: ParsedArgs, name: string): boolean => {
  const v = flag(args, name);
  return v !== undefined && v !== "false";
};

export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(v))
    throw invalidArgument(
      args.specs?.find((s) => s.name === name),
      name,
      v,
      `strconv.ParseInt: parsing "${v}": invalid syntax`,
      args.usage,
    );
  return Number(v);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A Go time.Duration flag (--timeout=30s, 1m30s, 500ms, 0) in milliseconds; pflag's error for
 * anything time.ParseDuration refuses.
 */
export function durationFlag(args: ParsedArgs, name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const refuse = (why: string) =>
    invalidArgument(
      args.specs?.find((s) => s.name === name),
      name,
      v,
      `time: ${why} "${v}"`,
      args.usage,
    );
  const sign = v.startsWith("-") ? -1 : 1;
  const body = v.replace(/^[+-]/, "");
  if (body === "0") return 0;
  const parts = [...body.matchAll(/(\d+(?:\.\d*)?|\.\d+)([a-zµ]*)/g)];
  if (body === "" || parts.map((p) => p[0]).join("") !== body) throw refuse("invalid duration");
  let total = 0;
  for (const [, amount, unit] of parts) {
    if (unit === "") throw refuse("missing unit in duration");
    if (!(unit in DURATION_UNITS)) throw refuse(`unknown unit "${unit}" in duration`);
    total += Number(amount) * DURATION_UNITS[unit];
  }
  return sign * total;
}
