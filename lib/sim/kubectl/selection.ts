import { KubeError } from "../errors";
import { parseLabelQuery } from "../labels";
import type { Listable, ResourceKind, ResourceType } from "./resources";

// Which objects of a list `-l/--selector` and `--field-selector` keep. Both are evaluated by the API
// server: kubectl sends them as query parameters, and a bad one comes back as a 400, which kubectl's
// resource builder rewords (cli-runtime pkg/resource EnhanceListError) as
//   Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "…",
//   field selector "…": <the server's message>

type FieldSet = Record<string, string>;

const metaFields = (o: Listable, namespaced: boolean): FieldSet => ({
  "metadata.name": o.metadata.name,
  ...(namespaced ? { "metadata.namespace": o.metadata.namespace ?? "" } : {}),
});

/**
 * The kinds that register their own field label conversion (pkg/apis/core/v1/conversion.go
 * addConversionFuncs and AddFieldLabelConversionsFor*), with the fields each one's registry strategy
 * exposes (pkg/registry/core/<kind>/strategy.go ToSelectableFields). Values are the defaulted API
 * values: an unset restartPolicy is Always, schedulerName default-scheduler, serviceAccountName default.
 * Every other kind uses runtime.DefaultMetaV1FieldSelectorConversion (metadata.name, metadata.namespace).
 */
const CONVERTED: Partial<Record<ResourceKind, { labels: readonly string[]; fields: (o: never) => FieldSet }>> = {
  Pod: {
    // status.podIPs is accepted by the conversion but not among the selectable fields, so it
    // matches as an empty value; spec.host is the old v1 name of spec.nodeName.
    labels: [
      "metadata.name",
      "metadata.namespace",
      "spec.nodeName",
      "spec.restartPolicy",
      "spec.schedulerName",
      "spec.serviceAccountName",
      "spec.hostNetwork",
      "status.phase",
      "status.podIP",
      "status.podIPs",
      "status.nominatedNodeName",
      "spec.host",
    ],
    fields: (pod: Extract<Listable, { kind: "Pod" }>) => ({
      ...metaFields(pod, true),
      "spec.nodeName": pod.spec.nodeName ?? "",
      "spec.restartPolicy": pod.spec.restartPolicy ?? "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "spec.hostNetwork": String(pod.spec.hostNetwork ?? false),
      "status.phase": pod.status.phase,
      "status.podIP": pod.status.podIPs?.[0]?.ip ?? pod.status.podIP ?? "",
      "status.nominatedNodeName": "",
    }),
  },
  Service: {
    labels: ["metadata.namespace", "metadata.name", "spec.clusterIP", "spec.type"],
    fields: (svc: Extract<Listable, { kind: "Service" }>) => ({
      ...metaFields(svc, true),
      "spec.clusterIP": svc.spec.clusterIP ?? "",
      "spec.type": svc.spec.type ?? "ClusterIP",
    }),
  },
  Node: {
    labels: ["metadata.name", "spec.unschedulable"],
    fields: (node: Extract<Listable, { kind: "Node" }>) => ({
      ...metaFields(node, false),
      "spec.unschedulable": String(node.spec.unschedulable ?? false),
    }),
  },
  Namespace: {
    labels: ["status.phase", "metadata.name"],
    fields: (ns: Extract<Listable, { kind: "Namespace" }>) => ({
      ...metaFields(ns, false),
      "status.phase": ns.status.phase,
    }),
  },
  Event: {
    labels: [
      "involvedObject.kind",
      "involvedObject.namespace",
      "involvedObject.name",
      "involvedObject.uid",
      "involvedObject.apiVersion",
      "involvedObject.resourceVersion",
      "involvedObject.fieldPath",
      "reason",
      "reportingComponent",
      "source",
      "type",
      "metadata.namespace",
      "metadata.name",
    ],
    fields: (e: Extract<Listable, { kind: "Event" }>) => ({
      ...metaFields(e, true),
      "involvedObject.kind": e.involvedObject.kind,
      "involvedObject.namespace": e.involvedObject.namespace ?? "",
      "involvedObject.name": e.involvedObject.name,
      "involvedObject.uid": e.involvedObject.uid,
      "involvedObject.apiVersion": e.involvedObject.apiVersion,
      "involvedObject.resourceVersion": "",
      "involvedObject.fieldPath": e.involvedObject.fieldPath ?? "",
      reason: e.reason,
      reportingComponent: e.reportingComponent,
      source: e.source.component,
      type: e.type,
    }),
  },
};

/** The server's message for a field it cannot select on, from the kind's conversion function. */
function unsupportedField(kind: ResourceKind, field: string): string | null {
  const converted = CONVERTED[kind];
  if (converted) return converted.labels.includes(field) ? null : `field label not supported: ${field}`;
  return field === "metadata.name" || field === "metadata.namespace"
    ? null
    : `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/** The fields of an object that a field selector compares (pkg/registry ... GetAttrs). */
function selectableFields(type: ResourceType, object: Listable): FieldSet {
  const converted = CONVERTED[type.kind];
  return converted ? converted.fields(object as never) : metaFields(object, type.namespaced);
}

interface FieldTerm {
  field: string;
  value: string;
  equal: boolean;
}

/**
 * fields.ParseSelector (apimachinery pkg/fields/selector.go): comma-separated terms (all must hold),
 * each `f!=v`, `f==v` or `f=v`, tried in that order; the terms are sorted before they are checked,
 * so of two unsupported fields the server names the first in sort order.
 */
function parseFieldSelector(text: string): FieldTerm[] | string {
  const terms: FieldTerm[] = [];
  for (const part of text.split(",").sort()) {
    if (part === "") continue;
    const split = (op: string) => {
      const pieces = part.split(op);
      return pieces.length === 2 ? pieces : null;
    };
    const notEqual = split("!=");
    const pieces = notEqual ?? split("==") ?? split("=");
    if (!pieces) return `invalid selector: '${text}'; can't understand '${part}'`;
    terms.push({ field: pieces[0], value: pieces[1], equal: !notEqual });
  }
  return terms;
}

/** GroupVersionResource.String() for a type we model: "/v1, Resource=pods", "apps/v1, Resource=deployments". */
export function groupVersionResource(type: ResourceType): string {
  const dot = type.display.indexOf(".");
  const group = dot < 0 ? "" : type.display.slice(dot + 1);
  return `${group}/v1, Resource=${type.plural}`;
}

export interface SelectionFlags {
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * A test that keeps the objects of `type` matching both selectors, or the API server's BadRequest as
 * kubectl prints it. Returns null when neither selector is given (or both are blank).
 */
export function selectionFor(type: ResourceType, flags: SelectionFlags): ((o: Listable) => boolean) | null {
  const labelText = flags.labelSelector?.trim() ?? "";
  const fieldText = flags.fieldSelector?.trim() ?? "";
  if (!labelText && !fieldText) return null;
  const badRequest = (message: string) =>
    new KubeError(
      `Error from server (BadRequest): Unable to find "${groupVersionResource(type)}" that match label selector "${labelText}", field selector "${fieldText}": ${message}`,
    );
  const labels = parseLabelQuery(labelText);
  if (typeof labels === "string") throw badRequest(labels);
  const terms = parseFieldSelector(fieldText);
  if (typeof terms === "string") throw badRequest(terms);
  for (const term of terms) {
    const problem = unsupportedField(type.kind, term.field);
    if (problem) throw badRequest(problem);
  }
  const field = (t: FieldTerm) => (t.field === "spec.host" ? "spec.nodeName" : t.field);
  return (object) => {
    if (!labels(object.metadata.labels)) return false;
    if (terms.length === 0) return true;
    const fields = selectableFields(type, object);
    return terms.every((t) => ((fields[field(t)] ?? "") === t.value) === t.equal);
  };
}
