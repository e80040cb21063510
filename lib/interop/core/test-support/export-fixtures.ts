import path from "node:path";
import { loadContent } from "../../../content/load-content";
import type { Question, QuestionBase } from "../../../quiz/core/types";
import { questionProblems } from "../../../quiz/core/validate-question";
import { type ExportSet, exportSet } from "../export-set";

// What the export tests share: the real course, and hand-made questions whose texts carry every
// character GIFT, HTML and XML treat specially.

export const library = loadContent(path.resolve("content"));

/** A real export, or the test fails with the reason. */
export function realSet(scope: ExportSet["scope"], target: string, seed = 1): ExportSet {
  const set = exportSet(library, scope, target, seed);
  if (!set.ok) throw new Error(set.error);
  return set.value;
}

/** Every character GIFT escapes, plus HTML's and XML's, plus GIFT's matching arrow and a CDATA end. */
export const TRICKY = String.raw`a {b} = c ~ d : e # f \ g -> h <none> & "q" ]]> end`;

const base = (id: string): QuestionBase => ({
  id,
  lessonSlug: "tricky",
  sectionId: "comparison",
  prompt: `Which one? ${TRICKY}`,
  explanation: `Because ${TRICKY}.`,
  concepts: ["tricky"],
  difficulty: 1,
  source: "lesson",
});

/** One question of every kind, every text tricky; the single choice is a scenario question with a transcript. */
export const trickyQuestions: Question[] = [
  {
    ...base("tricky:single"),
    kind: "single",
    source: "simulator",
    context: [{ command: "kubectl get pods -o wide", output: `NAME  IP\nweb   10.244.1.3   <none>\n` }],
    evidence: [{ command: "kubectl exec client -- curl -s web", output: "answered {ok}\n" }],
    options: [
      { id: "right", text: `Right ${TRICKY}` },
      { id: "wrong", text: `Wrong ${TRICKY}`, misconception: `Thinks ${TRICKY}` },
      { id: "weightlike", text: "%50% of the traffic", misconception: "Thinks half goes each way." },
    ],
    answer: "right",
  },
  {
    ...base("tricky:multiple"),
    kind: "multiple",
    options: [
      { id: "r1", text: `One ${TRICKY}` },
      { id: "r2", text: "Two" },
      { id: "w1", text: "Three", misconception: "First wrong idea." },
      { id: "w2", text: "Four", misconception: "Second wrong idea." },
      { id: "w3", text: "Five", misconception: "Third wrong idea." },
    ],
    answer: ["r1", "r2"],
  },
  {
    ...base("tricky:true-false"),
    kind: "true-false",
    options: [
      { id: "true", text: "True", misconception: `Believes ${TRICKY}` },
      { id: "false", text: "False" },
    ],
    answer: "false",
  },
  {
    ...base("tricky:matching"),
    kind: "matching",
    items: [
      { id: "i1", text: `Item ${TRICKY}` },
      { id: "i2", text: "Item two" },
      { id: "i3", text: "Item three" },
    ],
    choices: [
      { id: "c1", text: `Choice ${TRICKY}` },
      { id: "c2", text: "Pod IP" },
      { id: "c3", text: "Unused choice" },
    ],
    answer: { i1: "c1", i2: "c2", i3: "c2" },
  },
  {
    ...base("tricky:cloze"),
    kind: "cloze",
    prompt: "Fill in the missing term.",
    before: `A {braced} `,
    after: ` keeps its = and # : signs.`,
    answer: "ClusterIP",
    accepted: ["cluster IP", "ClusterIP"],
  },
  {
    ...base("tricky:ordering"),
    kind: "ordering",
    items: [
      { id: "s1", text: `First ${TRICKY}` },
      { id: "s2", text: "Second" },
      { id: "s3", text: "Third" },
    ],
    answer: ["s1", "s2", "s3"],
  },
  {
    ...base("tricky:odd-one-out"),
    kind: "odd-one-out",
    options: [
      { id: "odd", text: "Odd" },
      { id: "e1", text: "Even one", misconception: "Misses the odd one." },
      { id: "e2", text: "Even two", misconception: "Misses the odd one." },
      { id: "e3", text: "Even three", misconception: "Misses the odd one." },
    ],
    answer: "odd",
  },
];

for (const q of trickyQuestions) {
  const problems = questionProblems(q);
  if (problems.length) throw new Error(`fixture ${q.id}: ${problems.join("; ")}`);
}

export const trickySet: ExportSet = {
  scope: "lesson",
  target: "tricky",
  title: "Tricky {characters}",
  seed: 1,
  lessons: [
    {
      slug: "tricky",
      title: "Tricky {characters}",
      moduleId: "m",
      moduleTitle: "A/B module",
      questions: trickyQuestions,
    },
  ],
};

export const byKind = <K extends Question["kind"]>(kind: K) =>
  trickyQuestions.find((q): q is Extract<Question, { kind: K }> => q.kind === kind)!;
