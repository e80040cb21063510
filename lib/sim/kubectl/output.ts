import { stringify } from "yaml";
import { KubeError } from "../errors";
import { jsonpath } from "./jsonpath";
import { type Listable, typeOfKind } from "./resources";

/** Values of -o that complete at the prompt (jsonpath=TEMPLATE takes a template, so it is typed). */
export const OUTPUT_FORMATS = ["json", "name", "wide", "yaml"] as const;

/** Objects as -o json|yaml|name|jsonpath=... print them (one object, or a List). */
export function formatObjects(objects: Listable[], output: string, single: boolean): string {
  const value =
    single && objects.length === 1
      ? objects[0]
      : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
  if (output === "json") return `${JSON.stringify(value, null, 4)}\n`;
  if (output === "yaml") return stringify(value, { lineWidth: 0 });
  if (output === "name")
    return (
      objects.map((o) => `${typeOfKind(o.kind).display}/${o.metadata.name}`).join("\n") + (objects.length ? "\n" : "")
    );
  const m = /^jsonpath=(.*)$/s.exec(output);
  if (m) return jsonpath(m[1], value);
  throw new KubeError(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  );
}
