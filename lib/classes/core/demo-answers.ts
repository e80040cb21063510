import { normaliseTerm, type Rng, shuffle } from "../../quiz/core/seeded";
import type { Option, Question, Response } from "../../quiz/core/types";
import { chance, weightedPick } from "./demo-random";

// What a generated learner answers: the key when they know it, else a wrong response of the
// question's kind. Wrong choices prefer distractors that carry a misconception, and among those the
// ones this learner is prone to, so a learner's misconceptions recur until practice wears them off.

/** How much a distractor draws this learner: 1 for one without a misconception, more for one they are prone to. */
export type DistractorPull = (option: Option) => number;

/** Words a learner might type into a blank instead of the right one. */
const COMMON_TERMS = ["Service", "Pod", "ClusterIP", "NodePort", "kube-proxy", "EndpointSlice", "CoreDNS", "node"];

function oneWrongOption(q: { options: Option[]; answer: string }, rng: Rng, pull: DistractorPull): string {
  return weightedPick(
    rng,
    q.options.filter((o) => o.id !== q.answer),
    pull,
  ).id;
}

function wrongSelection(q: Extract<Question, { kind: "multiple" }>, rng: Rng, pull: DistractorPull): string[] {
  const distractors = q.options.filter((o) => !q.answer.includes(o.id));
  const picked = new Set(q.answer);
  const add = chance(rng, 0.6) || q.answer.length === 1;
  if (add) picked.add(weightedPick(rng, distractors, pull).id);
  if (!add || (q.answer.length > 1 && chance(rng, 0.4))) picked.delete(rng.pick(q.answer));
  return q.options.map((o) => o.id).filter((id) => picked.has(id));
}

function wrongPairs(q: Extract<Question, { kind: "matching" }>, rng: Rng): Record<string, string> {
  const pairs = { ...q.answer };
  if (q.choices.length < 2) return pairs;
  for (const item of shuffle(q.items, rng).slice(0, 1 + rng.int(Math.min(2, q.items.length)))) {
    const others = q.choices.filter((c) => c.id !== q.answer[item.id]);
    pairs[item.id] = rng.pick(others).id;
  }
  return pairs;
}

function swappedOrder(answer: readonly string[], rng: Rng): string[] {
  const order = [...answer];
  const i = rng.int(order.length);
  const j = (i + 1 + rng.int(order.length - 1)) % order.length;
  [order[i], order[j]] = [order[j], order[i]];
  return order;
}

function wrongTerm(q: Extract<Question, { kind: "cloze" }>, rng: Rng, alternatives: readonly string[]): string {
  const right = new Set([q.answer, ...q.accepted].map(normaliseTerm));
  const wrong = [...alternatives, ...COMMON_TERMS].filter((t) => !right.has(normaliseTerm(t)));
  return wrong.length > 0 ? rng.pick(wrong) : "not sure";
}

/**
 * A response to `q` in its internal ids, as the quiz service stores it: the key when `knows`, else
 * a wrong one (a distractor, a wrong selection or pairing, two steps swapped, another term typed).
 * `alternatives` are terms a learner might confuse with a blank's answer (the lesson's concept names).
 */
export function demoResponse(
  q: Question,
  knows: boolean,
  rng: Rng,
  pull: DistractorPull,
  alternatives: readonly string[] = [],
): Response {
  switch (q.kind) {
    case "single":
    case "true-false":
    case "odd-one-out":
      return { kind: q.kind, optionId: knows ? q.answer : oneWrongOption(q, rng, pull) } as Response;
    case "multiple":
      return { kind: "multiple", optionIds: knows ? [...q.answer] : wrongSelection(q, rng, pull) };
    case "matching":
      return { kind: "matching", pairs: knows ? { ...q.answer } : wrongPairs(q, rng) };
    case "ordering":
      return { kind: "ordering", order: knows ? [...q.answer] : swappedOrder(q.answer, rng) };
    case "cloze":
      return { kind: "cloze", text: knows ? q.answer : wrongTerm(q, rng, alternatives) };
    default: {
      const unknown: never = q;
      throw new Error(`no demo response for question kind ${(unknown as Question).kind}`);
    }
  }
}
