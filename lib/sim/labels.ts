import type { LabelSelector, Labels } from "./types";

export function matchesSelector(labels: Labels | undefined, selector: LabelSelector | Labels | undefined): boolean {
  if (!selector) return false;
  const s: LabelSelector =
    "matchLabels" in selector || "matchExpressions" in selector
      ? (selector as LabelSelector)
      : { matchLabels: selector as Labels };
  const l = labels ?? {};
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of s.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
    if (e.operator === "In" && (!has || !(e.values ?? []).includes(l[e.key]))) return false;
    if (e.operator === "NotIn" && has && (e.values ?? []).includes(l[e.key])) return false;
  }
  return true;
}

/** Parses "app=web,tier!=db" (the equality-based subset kubectl's -l accepts). */
export function parseLabelQuery(text: string): ((labels: Labels | undefined) => boolean) | string {
  const tests: ((l: Labels) => boolean)[] = [];
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/.exec(part);
    if (m) {
      const [, key, op, value] = m;
      tests.push(op === "!=" ? (l) => l[key] !== value : (l) => l[key] === value);
    } else if (/^![A-Za-z0-9./_-]+$/.test(part)) {
      tests.push((l) => !Object.hasOwn(l, part.slice(1)));
    } else if (/^[A-Za-z0-9./_-]+$/.test(part)) {
      tests.push((l) => Object.hasOwn(l, part));
    } else {
      return `unable to parse requirement: ${part}`;
    }
  }
  return (labels) => tests.every((t) => t(labels ?? {}));
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
