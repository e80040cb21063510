import { withArticle } from "./articles";
import type { ConceptRef } from "./types";

// A lesson's own question for a comparison row (frontmatter `rowQuestions`), such as
// "Who allocates {a concept}'s address?". `{concept}` is the concept's name, `{a concept}` the name
// with its article ("a ClusterIP", "an IPVS scheduler"; capitalised at the start of the question).

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(["concept", "a concept"]);

/** What is wrong with a row question as written, or null. */
export function rowQuestionProblem(template: string): string | null {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length) return `unknown placeholder {${unknown[0]}}: use {concept} or {a concept}`;
  if (names.length !== 1) return "name the concept exactly once, as {concept} or {a concept}";
  if (!template.trim().endsWith("?")) return "a question ends with a question mark";
  return null;
}

/** The row question asked about one concept. */
export function fillRowQuestion(template: string, concept: ConceptRef): string {
  return template.replace(PLACEHOLDER, (_m, name: string, at: number) => {
    const text = name === "a concept" ? withArticle(concept.name, concept.article) : concept.name;
    return at === 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
