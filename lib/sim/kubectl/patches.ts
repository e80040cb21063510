// The three patch kinds `kubectl patch --type` sends, applied as the API server applies them:
// JSON merge patch (RFC 7386), JSON patch (RFC 6902, as evanphx/json-patch v4 implements it) and
// the strategic merge patch of built-in types (k8s.io/apimachinery strategicpatch), which merges
// lists that the API types mark with a patchMergeKey instead of replacing them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7386: objects merge key by key, null removes a key, anything else (lists too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value);
  }
  return result;
}

/**
 * The merge keys of the lists a Services course patches, from the API types' patchMergeKey tags
 * (k8s.io/api core/v1 types.go): containers and env by name, a container's ports by
 * containerPort, a Service's ports by port, volumes by name, tolerations and other lists
 * without a key are replaced whole. `path` names the list: `spec.template.spec.containers`.
 */
export function mergeKeyOf(kind: string, path: string): string | null {
  const field = path.split(".").at(-1);
  if (field === "containers" || field === "initContainers" || field === "env" || field === "volumes") return "name";
  if (field === "volumeMounts") return "mountPath";
  if (field === "ports") return kind === "Service" && path === "spec.ports" ? "port" : "containerPort";
  return null;
}

/**
 * A strategic merge patch: as a merge patch, except that a list with a merge key merges item by
 * item (an item matching by key merges into it, `$patch: delete` removes it, a new key is
 * appended after the existing items).
 */
export function strategicMergePatch(
  target: Json,
  patch: Json,
  mergeKey: (path: string) => string | null,
  path = "",
): Json {
  if (Array.isArray(patch) && Array.isArray(target)) {
    const key = mergeKey(path);
    if (!key) return structuredClone(patch);
    const result = structuredClone(target);
    for (const item of patch) {
      if (!isObject(item)) continue;
      const index = result.findIndex((t) => isObject(t) && t[key] === item[key]);
      const { $patch: directive, ...fields } = item;
      if (directive === "delete") {
        if (index >= 0) result.splice(index, 1);
      } else if (index >= 0) result[index] = strategicMergePatch(result[index], fields, mergeKey, path);
      else result.push(fields);
    }
    return result;
  }
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete result[field];
    else result[field] = strategicMergePatch(result[field] ?? null, value, mergeKey, path ? `${path}.${field}` : field);
  }
  return result;
}

export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

/** Why a JSON patch did not apply (the API server answers 422 with it). */
export class PatchConflict extends Error {}

/** RFC 6901: "/spec/ports/0" -> ["spec", "ports", "0"], with ~1 for "/" and ~0 for "~". */
function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new PatchConflict(`invalid path ${path}`);
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function parentOf(doc: Json, path: string): { parent: Json; last: string } {
  const parts = pointer(path);
  const last = parts.pop();
  if (last === undefined) throw new PatchConflict(`invalid path ${path}`);
  let node: Json = doc;
  for (const part of parts) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(part)] : isObject(node) ? node[part] : undefined;
    if (next === undefined) throw new PatchConflict(`doc is missing path: ${path}`);
    node = next;
  }
  return { parent: node, last };
}

function arrayIndex(list: Json[], part: string, allowEnd: boolean): number {
  if (part === "-" && allowEnd) return list.length;
  if (!/^\d+$/.test(part) || Number(part) > list.length || (!allowEnd && Number(part) === list.length))
    throw new PatchConflict(`index out of bounds: ${part}`);
  return Number(part);
}

function getAt(doc: Json, path: string): Json {
  if (path === "") return doc;
  const { parent, last } = parentOf(doc, path);
  const value = Array.isArray(parent)
    ? parent[arrayIndex(parent, last, false)]
    : isObject(parent)
      ? parent[last]
      : undefined;
  if (value === undefined) throw new PatchConflict(`doc is missing key: ${path}`);
  return value;
}

function add(doc: Json, path: string, value: Json): void {
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else if (isObject(parent)) parent[last] = value;
  else throw new PatchConflict(`doc is missing path: ${path}`);
}

function remove(doc: Json, path: string): Json {
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, last, false), 1)[0];
  if (isObject(parent) && last in parent) {
    const value = parent[last];
    delete parent[last];
    return value;
  }
  throw new PatchConflict(`Unable to remove nonexistent key: ${last}`);
}

const equal = (a: Json, b: Json): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

/** RFC 6902 on a copy of `doc`: add, remove, replace, move, copy and test, in order; any failure fails all. */
export function jsonPatch(doc: Json, operations: JsonPatchOperation[]): Json {
  const result = structuredClone(doc);
  for (const op of operations) {
    const value = structuredClone(op.value ?? null);
    switch (op.op) {
      case "add":
        add(result, op.path, value);
        break;
      case "remove":
        remove(result, op.path);
        break;
      case "replace":
        getAt(result, op.path);
        remove(result, op.path);
        add(result, op.path, value);
        break;
      case "move":
        add(result, op.path, remove(result, op.from ?? ""));
        break;
      case "copy":
        add(result, op.path, structuredClone(getAt(result, op.from ?? "")));
        break;
      case "test":
        if (!equal(getAt(result, op.path), value)) throw new PatchConflict(`testing value ${op.path} failed`);
        break;
      default:
        throw new PatchConflict(`Unexpected kind: ${op.op}`);
    }
  }
  return result;
}
