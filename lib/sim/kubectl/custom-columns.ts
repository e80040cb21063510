import { KubeError } from "../errors";
import { jsonpathResults, relaxedJSONPath } from "./jsonpath";
import { renderTable } from "./printers";
import type { Listable } from "./resources";

// `-o custom-columns=HEADER:EXPR,...` (kubectl pkg/cmd/get/customcolumn.go): headers are printed as
// typed (not upper-cased), each EXPR is a relaxed JSONPath, a column with no value prints <none>,
// several values are joined by commas, and the columns are aligned as kubectl's tab writer does.

interface Column {
  header: string;
  template: string;
}

/** NewCustomColumnsPrinterFromSpec: split on commas, then each part on its first colon. */
export function parseCustomColumns(spec: string): Column[] {
  if (spec.length === 0) throw new KubeError("error: custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0)
      throw new KubeError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), template: relaxedJSONPath(part.slice(colon + 1)) };
  });
}

/**
 * fmt.Sprint of a value from an unstructured object, as Go prints it: maps as map[k:v] with their
 * keys sorted, slices as [a b].
 */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(goSprint).join(" ")}]`;
  if (typeof value === "object")
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${goSprint((value as Record<string, unknown>)[k])}`)
      .join(" ")}]`;
  return String(value);
}

export function printCustomColumns(objects: Listable[], spec: string, noHeaders: boolean): string {
  const columns = parseCustomColumns(spec);
  const rows = objects.map((object) =>
    columns.map(({ template }) => {
      const found = jsonpathResults(template, object).flat();
      return found.length === 0 ? "<none>" : found.map(goSprint).join(",");
    }),
  );
  const all = noHeaders ? rows : [columns.map((c) => c.header), ...rows];
  return all.length ? renderTable(all) : "";
}
