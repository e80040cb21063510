import { normaliseTerm } from "./seeded";
import type { AnswerKey, Grade, Question, Response } from "./types";

/** Why a response does not fit its question (unknown option, wrong kind...), or null when it does. */
export function responseProblem(q: Question, r: Response): string | null {
  const kinds: Record<Question["kind"], Response["kind"][]> = {
    single: ["single"],
    "true-false": ["true-false", "single"],
    multiple: ["multiple"],
    matching: ["matching"],
    cloze: ["cloze"],
    ordering: ["ordering"],
  };
  if (!kinds[q.kind].includes(r.kind)) return `This question expects a ${q.kind} answer.`;
  if ((q.kind === "single" || q.kind === "true-false") && r.kind !== "multiple" && "optionId" in r) {
    return q.options.some((o) => o.id === r.optionId) ? null : "That option is not part of this question.";
  }
  if (q.kind === "multiple" && r.kind === "multiple") {
    if (r.optionIds.length === 0) return "Select at least one option.";
    if (new Set(r.optionIds).size !== r.optionIds.length) return "An option was selected twice.";
    return r.optionIds.every((id) => q.options.some((o) => o.id === id))
      ? null
      : "That option is not part of this question.";
  }
  if (q.kind === "matching" && r.kind === "matching") {
    const entries = Object.entries(r.pairs);
    if (entries.some(([item]) => !q.items.some((i) => i.id === item))) return "That item is not part of this question.";
    if (entries.some(([, choice]) => !q.choices.some((c) => c.id === choice)))
      return "That choice is not part of this question.";
    return entries.length === q.items.length ? null : "Match every item before submitting.";
  }
  if (q.kind === "cloze" && r.kind === "cloze") return r.text.trim() ? null : "Type an answer before submitting.";
  if (q.kind === "ordering" && r.kind === "ordering") {
    const ids = q.items.map((i) => i.id).sort();
    return JSON.stringify([...r.order].sort()) === JSON.stringify(ids) ? null : "Order every item exactly once.";
  }
  return `This question expects a ${q.kind} answer.`;
}

/** Scores a response that fits its question (see responseProblem). Partial credit where the kind allows it. */
export function gradeResponse(q: Question, r: Response): Grade {
  let score = 0;
  switch (q.kind) {
    case "single":
    case "true-false":
      score = "optionId" in r && r.optionId === q.answer ? 1 : 0;
      break;
    case "multiple": {
      const picked = r.kind === "multiple" ? r.optionIds : [];
      const hits = picked.filter((id) => q.answer.includes(id)).length;
      const misses = picked.length - hits;
      score = Math.max(0, (hits - misses) / q.answer.length);
      break;
    }
    case "matching": {
      const pairs = r.kind === "matching" ? r.pairs : {};
      score = q.items.filter((i) => pairs[i.id] === q.answer[i.id]).length / q.items.length;
      break;
    }
    case "cloze": {
      const given = normaliseTerm(r.kind === "cloze" ? r.text : "");
      score = [q.answer, ...q.accepted].some((a) => normaliseTerm(a) === given) ? 1 : 0;
      break;
    }
    case "ordering": {
      const order = r.kind === "ordering" ? r.order : [];
      score = q.answer.filter((id, i) => order[i] === id).length / q.answer.length;
      break;
    }
  }
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, correct: rounded === 1 };
}

export function answerKey(q: Question): AnswerKey {
  switch (q.kind) {
    case "single":
    case "true-false":
      return { kind: q.kind, optionId: q.answer };
    case "multiple":
      return { kind: "multiple", optionIds: q.answer };
    case "matching":
      return { kind: "matching", pairs: q.answer };
    case "cloze":
      return { kind: "cloze", text: q.answer };
    case "ordering":
      return { kind: "ordering", order: q.answer };
  }
}
