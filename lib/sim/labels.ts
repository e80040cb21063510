import type { LabelSelector, Labels } from "./types";

/**
 * One requirement of a label selector, as apimachinery's labels.Requirement holds it. A query string
 * (`kubectl get -l`) and a LabelSelector object (a Deployment's, a NetworkPolicy's) both come down to
 * a list of these, and one function decides whether labels satisfy one.
 */
export interface LabelRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Equals" | "NotEquals" | "Gt" | "Lt";
  values: readonly string[];
}

const isInteger = (v: string | undefined) => v !== undefined && /^[+-]?\d+$/.test(v);

/** labels.Requirement.Matches (apimachinery pkg/labels/selector.go). */
export function matchesRequirement(labels: Labels, r: LabelRequirement): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case "In":
    case "Equals":
      return has && r.values.includes(value);
    case "NotIn":
    case "NotEquals":
      // A missing key satisfies `!=` and `notin`: `tier!=db` selects pods without a tier label.
      return !has || !r.values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      // Both sides must be integers, else the requirement does not match (no error at match time).
      if (!has || !isInteger(value) || r.values.length !== 1 || !isInteger(r.values[0])) return false;
      const [left, right] = [Number(value), Number(r.values[0])];
      return r.operator === "Gt" ? left > right : left < right;
    }
    default: {
      const unreachable: never = r.operator;
      return unreachable;
    }
  }
}

/** A LabelSelector object's requirements: matchLabels as Equals, then matchExpressions. */
function requirementsOf(selector: LabelSelector): LabelRequirement[] {
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(
      ([key, value]): LabelRequirement => ({ key, operator: "Equals", values: [value] }),
    ),
    ...(selector.matchExpressions ?? []).map((e): LabelRequirement => ({ ...e, values: e.values ?? [] })),
  ];
}

export function matchesSelector(labels: Labels | undefined, selector: LabelSelector | Labels | undefined): boolean {
  if (!selector) return false;
  const s: LabelSelector =
    "matchLabels" in selector || "matchExpressions" in selector
      ? (selector as LabelSelector)
      : { matchLabels: selector as Labels };
  const l = labels ?? {};
  return requirementsOf(s).every((r) => matchesRequirement(l, r));
}

// ---- Label queries: `-l` / `--selector` text, parsed as apimachinery's labels.Parse does ----
// (staging/src/k8s.io/apimachinery/pkg/labels/selector.go: its lexer, its recursive-descent parser
// and its error messages; the key and value checks are pkg/util/validation IsQualifiedName and
// IsValidLabelValue). Grammar: requirement {"," requirement}, where a requirement is
// [!]KEY, KEY (=|==|!=) VALUE, KEY (in|notin) (V1,V2,...), or KEY (>|<) INTEGER.

type TokenKind = "end" | "identifier" | "!" | "!=" | "==" | "=" | ">" | "<" | "(" | ")" | "," | "in" | "notin";

interface Token {
  kind: TokenKind;
  text: string;
}

const SYMBOLS = new Set(["!", "!=", "==", "=", ">", "<", "(", ")", ","]);
const isSpecial = (ch: string) => "=!(),><".includes(ch);
const isSpace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";

/** The lexer: identifiers run to the next special character or blank; symbols are taken greedily. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (true) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    if (isSpecial(text[i])) {
      let symbol = text[i++];
      if (i < text.length && SYMBOLS.has(symbol + text[i])) symbol += text[i++];
      tokens.push({ kind: symbol as TokenKind, text: symbol });
    } else {
      const start = i;
      while (i < text.length && !isSpecial(text[i]) && !isSpace(text[i])) i++;
      const word = text.slice(start, i);
      tokens.push({ kind: word === "in" || word === "notin" ? word : "identifier", text: word });
    }
  }
  tokens.push({ kind: "end", text: "" });
  return tokens;
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** validation.IsQualifiedName: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split("/");
  const errors: string[] = [];
  if (parts.length > 2)
    return [`a qualified name ${NAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) errors.push("prefix part must be non-empty");
    else {
      if (prefix.length > 253) errors.push("prefix part must be no more than 253 characters");
      if (!SUBDOMAIN.test(prefix)) errors.push(`prefix part ${SUBDOMAIN_RULE}`);
    }
  }
  if (name.length === 0) errors.push("name part must be non-empty");
  else if (name.length > 63) errors.push("name part must be no more than 63 characters");
  if (!NAME_PART.test(name)) errors.push(`name part ${NAME_RULE}`);
  return errors;
}

/** validation.IsValidLabelValue: empty, or at most 63 characters of the label alphabet. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(value)) errors.push(LABEL_VALUE_RULE);
  return errors;
}

class LabelQueryError extends Error {}

/** field.Invalid(...).Error() for a selector parsed without a field path (which prints as "<nil>"). */
const invalidValue = (path: string, value: string, errors: string[]) =>
  new LabelQueryError(`${path}: Invalid value: "${value}": ${errors.join("; ")}`);

class QueryParser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  /** `in` and `notin` are plain words where a value is expected (`x in (in)`). */
  private peek(asValue: boolean): Token {
    const t = this.tokens[this.position];
    return asValue && (t.kind === "in" || t.kind === "notin") ? { kind: "identifier", text: t.text } : t;
  }

  private next(asValue: boolean): Token {
    const t = this.peek(asValue);
    this.position++;
    return t;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    while (true) {
      const t = this.peek(true);
      if (t.kind === "end") return requirements;
      if (t.kind !== "identifier" && t.kind !== "!")
        throw new LabelQueryError(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (err) {
        if (err instanceof LabelQueryError) throw new LabelQueryError(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const after = this.next(true);
      if (after.kind === "end") return requirements;
      if (after.kind !== ",") throw new LabelQueryError(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.peek(true);
      if (following.kind !== "identifier" && following.kind !== "!")
        throw new LabelQueryError(`found '${following.text}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let t = this.next(true);
    const negated = t.kind === "!";
    if (negated) t = this.next(true);
    if (t.kind !== "identifier") throw new LabelQueryError(`found '${t.text}', expected: identifier`);
    const key = t.text;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length) throw invalidValue("<nil>", key, keyErrors);
    const ahead = this.peek(true).kind;
    if (negated || ahead === "end" || ahead === ",") {
      // `!key` with anything after it fails later, at the "expected ','" check, as upstream.
      return { key, operator: negated ? "DoesNotExist" : "Exists", values: [] };
    }
    const op = this.next(false);
    let operator: LabelRequirement["operator"];
    if (op.kind === "in") operator = "In";
    else if (op.kind === "notin") operator = "NotIn";
    else if (op.kind === "=" || op.kind === "==") operator = "Equals";
    else if (op.kind === "!=") operator = "NotEquals";
    else if (op.kind === ">") operator = "Gt";
    else if (op.kind === "<") operator = "Lt";
    else throw new LabelQueryError(`found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === "In" || operator === "NotIn" ? this.valueSet() : [this.exactValue()];
    values.forEach((value, i) => {
      if ((operator === "Gt" || operator === "Lt") && !isInteger(value))
        throw invalidValue(`values[${i}]`, value, ["for 'Gt', 'Lt' operators, the value must be an integer"]);
      const errors = labelValueErrors(value);
      if (errors.length) throw invalidValue(`values[${i}][${key}]`, value, errors);
    });
    return { key, operator, values };
  }

  /** "(a,b,c)"; empty members are the empty value ("(a,)", "()"); the set is sorted and deduplicated. */
  private valueSet(): string[] {
    const open = this.next(true);
    if (open.kind !== "(") throw new LabelQueryError(`found '${open.text}' expected: '('`);
    const first = this.peek(true);
    if (first.kind === ")") {
      this.next(true);
      return [""];
    }
    if (first.kind !== "identifier" && first.kind !== ",")
      throw new LabelQueryError(`found '${first.text}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    while (true) {
      const t = this.next(true);
      if (t.kind === "identifier") {
        values.add(t.text);
        const after = this.peek(true);
        if (after.kind === ",") continue;
        if (after.kind === ")") break;
        throw new LabelQueryError(`found '${after.text}', expected: ',' or ')'`);
      }
      if (t.kind === ",") {
        if (values.size === 0) values.add("");
        const after = this.peek(true);
        if (after.kind === ")") {
          values.add("");
          break;
        }
        if (after.kind === ",") values.add("");
        continue;
      }
      throw new LabelQueryError(`found '${t.text}', expected: ',', or identifier`);
    }
    const close = this.next(true);
    if (close.kind !== ")") throw new LabelQueryError(`found '${first.text}', expected: ')'`);
    return [...values].sort();
  }

  /** The one value after =, ==, !=, > or <; nothing at all (`app=`) is the empty value. */
  private exactValue(): string {
    const ahead = this.peek(true);
    if (ahead.kind === "end" || ahead.kind === ",") return "";
    const t = this.next(true);
    if (t.kind === "identifier") return t.text;
    throw new LabelQueryError(`found '${t.text}', expected: identifier`);
  }
}

/** labels.Parse: the requirements of a label query, or the parser's error message. */
export function parseLabelRequirements(text: string): LabelRequirement[] | string {
  try {
    return new QueryParser(lex(text)).parse();
  } catch (err) {
    if (err instanceof LabelQueryError) return err.message;
    throw err;
  }
}

/**
 * Parses a label query such as "app=web,tier!=db", "env in (prod,staging)", "tier notin (x)", "app" or
 * "!app" into a test over labels; a string is the parser's error, worded as the API server words it.
 */
export function parseLabelQuery(text: string): ((labels: Labels | undefined) => boolean) | string {
  const requirements = parseLabelRequirements(text);
  if (typeof requirements === "string") return requirements;
  return (labels) => requirements.every((r) => matchesRequirement(labels ?? {}, r));
}

export const formatLabels = (labels: Labels | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",") || "<none>";

/**
 * metav1.FormatLabelSelector: the selector as a label query, requirements sorted by key
 * ("app=web,tier in (api,db)"); an empty selector is "<none>".
 */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts: [string, string][] = [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]): [string, string] => [k, `${k}=${v}`]),
    ...(selector.matchExpressions ?? []).map((e): [string, string] => {
      const values = `(${[...(e.values ?? [])].sort().join(",")})`;
      if (e.operator === "Exists") return [e.key, e.key];
      if (e.operator === "DoesNotExist") return [e.key, `!${e.key}`];
      return [e.key, `${e.key} ${e.operator === "In" ? "in" : "notin"} ${values}`];
    }),
  ];
  if (parts.length === 0) return "<none>";
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(",");
}
