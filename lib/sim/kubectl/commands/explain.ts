import { KubeError } from "../../errors";
import { boolFlag, type FlagSpec, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import type { KubectlContext } from "../context";
import { EXPLAINED, type FieldDoc, TYPE_DOCS, type TypeDoc } from "../explain-fields";
import { resourceType } from "../resources";

// kubectl explain, laid out as kubectl's OpenAPI v3 plaintext template prints it
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): GROUP (for named groups),
// KIND and VERSION; for a field path, "FIELD: name <type>" with its ENUM values; DESCRIPTION
// (the field's text, then its type's), wrapped at 76 columns and indented by 4; FIELDS, sorted,
// as "  name\t<type>" with -required- and a short enum line. An unknown field is
// `error: field "X" does not exist`, naming the last element of the path, as the template does.
// The texts themselves live in explain-fields.ts.

const FLAGS: readonly FlagSpec[] = [{ name: "recursive", takesValue: false }];

export const explainCommand: KubectlCommand = {
  name: "explain",
  summary: "Get documentation for a resource",
  group: "Basic Commands (Intermediate)",
  usage: "explain TYPE[.FIELD...] [--recursive] [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }],
  run: kubectlExplain,
};

/** mitchellh/go-wordwrap as Sprig's `wrap` uses it: greedy, lines of at most `width`, a longer word on its own line. */
function wrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      let current = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...lines, current].join("\n");
    })
    .join("\n");
}

/** Sprig's `indent`: every line, the empty last one included, gets the padding. */
const indent = (text: string, by: number) => {
  const pad = " ".repeat(by);
  return pad + text.replace(/\n/g, `\n${pad}`);
};

function fieldLine(name: string, field: FieldDoc, level: number): string {
  const pad = " ".repeat(level * 2);
  const enumLine = field.enum
    ? `\n${pad}enum: ${field.enum.slice(0, 4).join(", ")}${field.enum.length > 4 ? ", ...." : ""}`
    : "";
  return `${pad}${name}\t<${field.type}>${field.required ? " -required-" : ""}${enumLine}\n`;
}

function fieldList(type: TypeDoc, recursive: boolean, level: number, seen: readonly TypeDoc[]): string {
  let out = "";
  for (const name of Object.keys(type.fields).sort()) {
    const field = type.fields[name];
    out += fieldLine(name, field, level);
    const sub = field.ref ? TYPE_DOCS[field.ref] : undefined;
    if (recursive) {
      if (sub && !seen.includes(sub)) out += fieldList(sub, true, level + 1, [...seen, sub]);
    } else out += `${indent(wrap(field.description, 78 - level * 2), level * 2 + 2)}\n\n`;
  }
  return out;
}

function kubectlExplain(ctx: KubectlContext, argv: string[]): string {
  void ctx;
  const args = parseArgs(argv, FLAGS, "explain");
  const usage = "See 'kubectl explain -h' for help and examples";
  if (args.positional.length === 0)
    throw new KubeError(
      `error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\n${usage}`,
    );
  if (args.positional.length > 1)
    throw new KubeError(`error: We accept only this format: explain RESOURCE\n\n${usage}`);
  const [resource, ...path] = args.positional[0].split(".");
  const type = resourceType(resource);
  const api = EXPLAINED[type.kind];
  const root = TYPE_DOCS[type.kind];
  if (!api || !root) throw new KubeError(`error: the simulator has no field documentation for ${type.plural} yet`);

  // Follow the path through the documented types; lists and maps are looked through to their items.
  let schema: TypeDoc | undefined = root;
  let field: FieldDoc | undefined;
  for (const [i, name] of path.entries()) {
    field = schema?.fields[name];
    if (!field) throw new KubeError(`error: field "${path.at(-1)}" does not exist`);
    schema = field.ref ? TYPE_DOCS[field.ref] : undefined;
    const objectType = /^[A-Z]/.test(field.type.replace(/^\[\]|^map\[string\]/, "")) && field.type !== "IntOrString";
    if (!schema && objectType && i < path.length - 1)
      throw new KubeError(`error: the simulator has no field documentation for ${field.type} yet`);
  }

  let out = api.group ? `GROUP:      ${api.group}\n` : "";
  out += `KIND:       ${type.kind}\nVERSION:    ${api.version}\n\n`;
  if (field) {
    const enumBlock = field.enum ? `ENUM:${field.enum.map((v) => `\n    ${v}`).join("")}` : "";
    out += `FIELD: ${path.at(-1)} <${field.type}>\n${enumBlock}\n\n`;
  }
  // The field's own text, then its type's (the template's "description" walks into the $ref).
  const description = field ? [field.description, ...(schema ? [schema.description] : [])] : [root.description];
  out += `DESCRIPTION:\n${indent(wrap(description.map((d) => `${d}\n`).join(""), 76), 4)}\n`;
  if (schema) {
    out += `FIELDS:\n${fieldList(schema, boolFlag(args, "recursive"), 1, [schema])}`;
    // Not kubectl's: a type documented here only in part says so, rather than pretend that is all.
    if (schema.partial) out += "  (The simulator documents only some of this type's fields.)\n\n";
  }
  return `${out}\n`;
}
