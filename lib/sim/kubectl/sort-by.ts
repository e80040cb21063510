import { KubeError } from "../errors";
import { jsonpathResults, relaxedJSONPath } from "./jsonpath";
import type { Listable } from "./resources";

// `kubectl get --sort-by=EXPR` (kubectl pkg/cmd/get/sorter.go): EXPR is a relaxed JSONPath; the
// first value it finds in each object is the key. Objects without one sort first; strings compare in
// natural order (github.com/fvbommel/sortorder NaturalLess: runs of digits by their number, so
// 10.244.1.9 sorts before 10.244.1.10), unless both parse as quantities; numbers compare as numbers.
// If the path finds a value in no object at all, kubectl refuses with "couldn't find any field".

const isDigit = (c: string) => c >= "0" && c <= "9";

/** sortorder.NaturalLess: digits sort before other characters; numbers compare by value, then by fewer leading zeros. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [ca, cb] = [a[i], b[j]];
    const [da, db] = [isDigit(ca), isDigit(cb)];
    if (da !== db) return da;
    if (!da) {
      if (ca !== cb) return ca < cb;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === "0") i++;
    while (j < b.length && b[j] === "0") j++;
    const [startA, startB] = [i, j];
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    const [numA, numB] = [a.slice(startA, i), b.slice(startB, j)];
    if (numA.length !== numB.length) return numA.length < numB.length;
    if (numA !== numB) return numA < numB;
    if (startA !== startB) return startA < startB;
  }
  return a.length < b.length;
}

const SUFFIX: Record<string, number> = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** resource.ParseQuantity, as far as ordering needs it: "100m", "2Gi", "3", "1e3". */
function quantity(text: string): number | null {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(text);
  if (!m) return null;
  return Number(m[1] + (m[2] ?? "")) * SUFFIX[m[3] ?? ""];
}

/** sorter.go isLess for the values an unstructured object holds. */
function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") {
    const [qa, qb] = [quantity(a), quantity(b)];
    return qa !== null && qb !== null ? qa < qb : naturalLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (!isLess(a[k], b[k])) return false;
    return true;
  }
  throw new KubeError(`error: unsortable type: ${typeof a}`);
}

/** The objects in --sort-by order (a stable sort: equal keys keep the API server's order). */
export function sortObjects<T extends Listable>(objects: readonly T[], expression: string): T[] {
  let template: string;
  try {
    template = relaxedJSONPath(expression);
  } catch {
    template = expression;
  }
  const keyed = objects.map((object) => ({ object, key: jsonpathResults(template, object)[0] ?? [] }));
  if (keyed.length > 0 && keyed.every((k) => k.key.length === 0))
    throw new KubeError(`error: couldn't find any field with path "${template}" in the list of objects`);
  const compare = (x: (typeof keyed)[number], y: (typeof keyed)[number]) => {
    if (x.key.length === 0) return y.key.length === 0 ? 0 : -1;
    if (y.key.length === 0) return 1;
    if (isLess(x.key[0], y.key[0])) return -1;
    return isLess(y.key[0], x.key[0]) ? 1 : 0;
  };
  return [...keyed].sort(compare).map((k) => k.object);
}
