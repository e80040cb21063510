import type { Question } from "./types";

const norm = (t: string) => t.trim().toLowerCase();

/** The invariants every generated question keeps; returns what is wrong, empty when nothing is. */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  if (!q.prompt.trim()) problems.push("empty prompt");
  if (!q.explanation.trim()) problems.push("no explanation");
  if (q.concepts.length === 0) problems.push("no concept tags");
  if (!q.sectionId) problems.push("no lesson section");
  const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;
  switch (q.kind) {
    case "single":
    case "true-false":
    case "multiple": {
      if (q.options.length < 2) problems.push("fewer than two options");
      if (!uniqueIds(q.options.map((o) => o.id))) problems.push("duplicate option ids");
      if (new Set(q.options.map((o) => norm(o.text))).size !== q.options.length)
        problems.push("duplicate option texts");
      const keys = q.kind === "multiple" ? q.answer : [q.answer];
      if (keys.length === 0) problems.push("no correct option");
      if (keys.some((k) => q.options.filter((o) => o.id === k).length !== 1))
        problems.push("the answer is not among the options exactly once");
      if (q.kind === "multiple" && keys.length === q.options.length) problems.push("every option is correct");
      break;
    }
    case "matching":
      if (q.items.length < 2) problems.push("fewer than two items to match");
      if (!uniqueIds(q.items.map((i) => i.id)) || !uniqueIds(q.choices.map((c) => c.id)))
        problems.push("duplicate ids");
      if (q.items.some((i) => !q.choices.some((c) => c.id === q.answer[i.id])))
        problems.push("an item has no valid match");
      break;
    case "cloze":
      if (!q.answer.trim()) problems.push("empty answer");
      if (!(q.before + q.after).trim()) problems.push("nothing around the blank");
      break;
    case "ordering":
      if (q.items.length < 3) problems.push("fewer than three items to order");
      if (JSON.stringify([...q.answer].sort()) !== JSON.stringify(q.items.map((i) => i.id).sort()))
        problems.push("the order does not use every item once");
      break;
  }
  return problems;
}
