import { KubeError } from "../errors";

// kubectl's JSONPath template subset: {.a.b}, {.items[0]}, {.items[*].x}, {.a['b.c']},
// {range .items[*]}...{end}, quoted literals {"\n"} and plain text between expressions.

type Node =
  | { kind: "text"; text: string }
  | { kind: "expr"; path: string }
  | { kind: "range"; path: string; body: Node[] };

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      stack.at(-1)!.push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) stack.at(-1)!.push({ kind: "text", text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new KubeError(`error: error parsing jsonpath ${template}, unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    if (inner.startsWith("range ")) {
      const node: Node = { kind: "range", path: inner.slice(6).trim(), body: [] };
      stack.at(-1)!.push(node);
      stack.push(node.body);
    } else if (inner === "end") {
      if (stack.length === 1) throw new KubeError(`error: error parsing jsonpath ${template}, not in range`);
      stack.pop();
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(inner) || /^'[^']*'$/.test(inner)) {
      stack.at(-1)!.push({
        kind: "text",
        text: inner.slice(1, -1).replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\"/g, '"'),
      });
    } else {
      stack.at(-1)!.push({ kind: "expr", path: inner });
    }
    i = close + 1;
  }
  return root;
}

function findClose(text: string, open: number): number {
  let quote: string | null = null;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "}") return i;
  }
  return -1;
}

/** Evaluates a path like .items[*].status.podIP against a value; returns every match. */
function evaluate(path: string, value: unknown, template: string): unknown[] {
  if (path === "." || path === "@" || path === "$") return [value];
  const steps = path.replace(/^[$@]/, "").match(/\.\.?[A-Za-z0-9_-]+|\[[^\]]*\]|\.\*/g);
  if (!steps || steps.join("") !== path.replace(/^[$@]/, ""))
    throw new KubeError(`error: error parsing jsonpath ${template}, unrecognized character in action: ${path}`);
  let current: unknown[] = [value];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || v === undefined) continue;
      if (step === ".*" || step === "[*]") {
        if (Array.isArray(v)) next.push(...v);
        else if (typeof v === "object") next.push(...Object.values(v as object));
      } else if (step.startsWith("[?")) {
        const items = Array.isArray(v) ? v : typeof v === "object" ? Object.values(v as object) : [];
        next.push(...items.filter((item) => filterMatches(step, item, template)));
      } else if (step.startsWith("[")) {
        const inner = step.slice(1, -1).trim();
        const key = /^'(.*)'$|^"(.*)"$/.exec(inner);
        if (key) next.push((v as Record<string, unknown>)[key[1] ?? key[2]]);
        else if (/^-?\d+$/.test(inner) && Array.isArray(v)) {
          const index = Number(inner);
          const item = v[index < 0 ? v.length + index : index];
          if (item === undefined)
            throw new KubeError(
              `error: error executing jsonpath "${template}": array index out of bounds: index ${index}, length ${v.length}`,
            );
          next.push(item);
        } else if (/^\d*:\d*$/.test(inner) && Array.isArray(v)) {
          const [a, b] = inner.split(":");
          next.push(...v.slice(a ? Number(a) : 0, b ? Number(b) : undefined));
        }
      } else {
        const key = step.replace(/^\.+/, "");
        if (typeof v === "object" && key in (v as object)) next.push((v as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current;
}

/**
 * A filter step, `[?(@.type=="Ready")]` (client-go jsonpath evalFilter): `@.path OP literal` with
 * ==, !=, <, >, <=, >= against a quoted string or a number, or `@.path` alone (the path exists).
 */
function filterMatches(step: string, item: unknown, template: string): boolean {
  const m = /^\[\?\((@[^=!<>]*?)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\)\]$/.exec(step);
  if (!m) throw new KubeError(`error: error parsing jsonpath ${template}, unrecognized character in action: ${step}`);
  const [, path, op, literal] = m;
  const found = evaluate(path.trim(), item, template);
  if (!op) return found.length > 0;
  if (found.length === 0) return false;
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(literal.trim());
  const right: string | number = quoted ? (quoted[1] ?? quoted[2]) : Number(literal);
  const left = found[0];
  switch (op) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return (left as number) < (right as number);
    case ">":
      return (left as number) > (right as number);
    case "<=":
      return (left as number) <= (right as number);
    default:
      return (left as number) >= (right as number);
  }
}

const show = (v: unknown) =>
  typeof v === "string" ? v : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);

function render(nodes: Node[], value: unknown, template: string): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "expr") out += evaluate(node.path, value, template).map(show).join(" ");
    else for (const item of evaluate(node.path, value, template)) out += render(node.body, item, template);
  }
  return out;
}

export function jsonpath(template: string, value: unknown): string {
  const trimmed = template.replace(/^'(.*)'$/s, "$1");
  return render(parseTemplate(trimmed), value, trimmed);
}

/**
 * What each expression of a template finds in `value`, in order, with missing keys finding nothing
 * (client-go jsonpath FindResults with AllowMissingKeys, as custom-columns and --sort-by use it).
 */
export function jsonpathResults(template: string, value: unknown): unknown[][] {
  const results: unknown[][] = [];
  const walk = (nodes: Node[], v: unknown) => {
    for (const node of nodes) {
      if (node.kind === "expr") results.push(evaluate(node.path, v, template));
      else if (node.kind === "range") for (const item of evaluate(node.path, v, template)) walk(node.body, item);
    }
  };
  walk(parseTemplate(template), value);
  return results;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (kubectl pkg/cmd/get/customcolumn.go): `metadata.name`,
 * `.metadata.name`, `{metadata.name}` and `{.metadata.name}` all mean `{.metadata.name}`.
 */
export function relaxedJSONPath(expression: string): string {
  if (expression === "") return expression;
  const m = RELAXED.exec(expression);
  if (!m)
    throw new KubeError(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${m[1] ?? m[2]}}`;
}
