import { KubeError } from "../../errors";
import type { KubeEvent } from "../../types";
import { since } from "../age";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { allNamespaces, type KubectlContext, namespaceOf } from "../context";
import { formatObjects } from "../output";
import { renderTable } from "../printers";
import { resourceType } from "../resources";

// kubectl events (staging/src/k8s.io/kubectl/pkg/cmd/events): unlike `kubectl get events`,
// which prints events in the API server's order (by name), it sorts them by last timestamp,
// oldest first, and shows repeats as "LAST (xCOUNT over FIRST)". -w/--watch is not modelled:
// the simulated terminal runs one command at a time.

const TYPES = ["Normal", "Warning"] as const;

const FLAGS: readonly FlagSpec[] = [
  { name: "for", takesValue: true },
  { name: "types", takesValue: true, values: { kind: "words", words: TYPES } },
  { name: "no-headers", takesValue: false },
  { name: "output", short: "o", takesValue: true, values: { kind: "words", words: ["json", "name", "yaml"] } },
];

export const eventsCommand: KubectlCommand = {
  name: "events",
  summary: "List events",
  group: "Troubleshooting and Debugging Commands",
  usage: "events [(-o|--output=)json|yaml|name|jsonpath=...] [--for TYPE/NAME] [--types=Normal,Warning] [flags]",
  flags: FLAGS,
  args: [{ kind: "none" }],
  run: kubectlEvents,
};

/** events.go eventTime: the last timestamp (a series' last observation, in the events.k8s.io API). */
export const byLastTimestamp = (a: KubeEvent, b: KubeEvent) =>
  Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp);

/**
 * event_printer.go getInterval: "5s", or "5s (x3 over 2m)" for an event seen several times (describe.go
 * DescribeEvents writes its Age column the same way).
 */
export function interval(now: number, e: KubeEvent): string {
  const first = since(now, e.firstTimestamp);
  return e.count > 1 ? `${since(now, e.lastTimestamp)} (x${e.count} over ${first})` : first;
}

function kubectlEvents(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "events");
  const allNs = allNamespaces(args);
  const namespace = namespaceOf(ctx, args);
  const types = flag(args, "types")?.split(",") ?? [];
  if (types.some((t) => !TYPES.some((known) => known.toLowerCase() === t.toLowerCase())))
    throw new KubeError("error: valid --types are Normal or Warning");
  const forObject = flag(args, "for");
  let forKind: string | undefined;
  let forName: string | undefined;
  if (forObject !== undefined) {
    const [type, name, ...more] = forObject.split("/");
    if (name === undefined) throw new KubeError("error: --for must be in resource/name form");
    if (more.length) throw new KubeError("error: arguments in resource/name form may not have more than one slash");
    forKind = resourceType(type).kind;
    forName = name;
  }
  // The log lists events in order of their last update, so equal timestamps keep the order things happened in.
  const events = ctx.cluster.events
    .list(allNs ? undefined : namespace)
    .filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()))
    .filter((e) => forName === undefined || (e.involvedObject.kind === forKind && e.involvedObject.name === forName))
    .sort(byLastTimestamp);
  // kubectl writes this to standard error and exits 0.
  if (events.length === 0) return allNs ? "No events found.\n" : `No events found in ${namespace} namespace.\n`;
  const output = flag(args, "output");
  if (output) return formatObjects(events, output, false);
  const now = ctx.cluster.now();
  const rows = events.map((e) => [
    ...(allNs ? [e.metadata.namespace] : []),
    interval(now, e),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    e.message.trim(),
  ]);
  const headers = [...(allNs ? ["NAMESPACE"] : []), "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
  return renderTable(boolFlag(args, "no-headers") ? rows : [headers, ...rows]);
}
