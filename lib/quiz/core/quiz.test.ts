import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { parseLesson } from "../../content/parse-lesson";
import { lessonWith } from "../../content/test-support/lesson-fixture";
import type { Lesson } from "../../content/types";
import { drawQuiz, subjectOf } from "./assemble";
import { checkLessonQuestions } from "./check-questions";
import { answerKey, gradeResponse, responseProblem } from "./grade";
import { questionPool } from "./pool";
import { toPublicQuestion } from "./public-question";
import type {
  ChoiceQuestion,
  ClozeQuestion,
  MatchingQuestion,
  MultipleQuestion,
  OrderingQuestion,
  Question,
} from "./types";
import { questionProblems } from "./validate-question";

const lessons = loadContent(path.resolve("content"), { includeDrafts: true }).lessons;
const SEEDS = Array.from({ length: 12 }, (_, i) => i * 7919 + 1);

function fixture(source: string): Lesson {
  const { lesson, problems } = parseLesson(source, "fixture.md");
  if (!lesson) throw new Error(JSON.stringify(problems));
  return lesson;
}
const stepsLesson = () =>
  fixture(
    lessonWith("1. First do this.\n2. Then that.", "1. First do this.\n2. Then that.\n3. Finally the last thing."),
  );

describe("generation invariants over every lesson and many seeds", () => {
  it("has lessons to check", () => expect(lessons.length).toBeGreaterThan(0));
  for (const lesson of lessons) {
    it(`${lesson.slug}: every question is well formed, explained and linked to a real section`, () => {
      const sections = new Set(lesson.toc.map((t) => t.id));
      const concepts = new Set(lesson.concepts.map((c) => c.id));
      for (const seed of SEEDS) {
        const pool = questionPool(lesson, seed);
        expect(pool.length).toBeGreaterThanOrEqual(20);
        for (const q of pool) {
          expect(questionProblems(q), q.id).toEqual([]);
          expect(sections.has(q.sectionId), `${q.id} links to #${q.sectionId}`).toBe(true);
          for (const c of q.concepts) expect(concepts.has(c), `${q.id} concept ${c}`).toBe(true);
          expect([1, 2, 3]).toContain(q.difficulty);
        }
        expect(new Set(pool.map((q) => q.id)).size).toBe(pool.length);
      }
    });

    it(`${lesson.slug}: generates every kind the lesson supports, including simulator scenarios`, () => {
      const kinds = new Set(questionPool(lesson, 1).map((q) => q.kind));
      if (lesson.comparison)
        for (const k of ["single", "true-false", "multiple", "matching"]) expect(kinds).toContain(k);
      if (lesson.keyPoints.length) expect(kinds).toContain("cloze");
      if (lesson.scenarios.length)
        expect(questionPool(lesson, 1).filter((q) => q.source === "simulator")).not.toHaveLength(0);
    });

    it(`${lesson.slug}: passes the content check`, () => expect(checkLessonQuestions(lesson)).toEqual([]));
  }

  it("never offers a distractor that is also true: table distractors differ from the concept's own cell", () => {
    const lesson = lessons[0];
    const table = lesson.comparison!;
    for (const q of questionPool(lesson, 5).filter((q): q is ChoiceQuestion => q.id.startsWith("table-value:"))) {
      const [, featureId, conceptId] = q.id.split(":");
      const row = table.rows.find((r) => r.featureId === featureId)!;
      const wrong = q.options.filter((o) => o.id !== q.answer);
      expect(wrong.every((o) => o.text !== row.values[conceptId])).toBe(true);
      expect(q.options.find((o) => o.id === q.answer)!.text).toBe(row.values[conceptId]);
      expect(wrong.every((o) => o.misconception)).toBe(true);
    }
  });

  it("builds an ordering question from a lesson's steps", () => {
    const q = questionPool(stepsLesson(), 1).find((q): q is OrderingQuestion => q.kind === "ordering")!;
    expect(q.items.map((i) => i.text)).toEqual(["First do this.", "Then that.", "Finally the last thing."]);
    expect(q.answer).toEqual(q.items.map((i) => i.id));
  });

  it("blanks a key term out of a key point for cloze questions", () => {
    const q = questionPool(lessons[0], 1).find(
      (q): q is ClozeQuestion => q.kind === "cloze" && q.answer === "container",
    )!;
    expect(`${q.before}____${q.after}`).toBe(
      "Restarting a ____ does not change the Pod IP, because the Pod itself survives.",
    );
  });

  it("is deterministic for a seed and varies across seeds", () => {
    const lesson = lessons[0];
    const ids = (seed: number) => drawQuiz(questionPool(lesson, seed), seed).map((q) => q.id);
    expect(ids(3)).toEqual(ids(3));
    expect(JSON.stringify(questionPool(lesson, 3))).toBe(JSON.stringify(questionPool(lesson, 3)));
    const draws = new Set(SEEDS.map((s) => ids(s).join(",")));
    expect(draws.size).toBeGreaterThan(SEEDS.length / 2);
  });

  it("fails the content check for a lesson that yields too few questions, and for an unknown scenario", () => {
    const thin = fixture(`---
title: Lonely
slug: lonely
module: testing
order: 1
concepts:
  - { id: only, name: Only }
summary: One concept.
---

## Only {#only}

### What it is

- Only is alone.
`);
    expect(checkLessonQuestions(thin)[0].message).toMatch(/only \d+ quiz questions? can be generated/);
    const unknown = fixture(
      lessonWith("summary: Two things compared.", "summary: Two things compared.\nscenarios: [no-such-scenario]"),
    );
    expect(checkLessonQuestions(unknown)[0].message).toContain('unknown scenario "no-such-scenario"');
  });
});

describe("drawing a quiz", () => {
  const pool = questionPool(lessons[0], 11);
  const quiz = drawQuiz(pool, 11);

  it("has ten questions, each subject once, simulator questions included, easy first", () => {
    expect(quiz).toHaveLength(10);
    expect(new Set(quiz.map(subjectOf)).size).toBe(10);
    expect(quiz.filter((q) => q.source === "simulator").length).toBeGreaterThanOrEqual(2);
    expect(quiz.map((q) => q.difficulty)).toEqual([...quiz.map((q) => q.difficulty)].sort());
  });

  it("mixes kinds", () => {
    expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it("uses what there is when the pool is smaller than the quiz", () => {
    const distinct = pool.filter((q, i) => pool.findIndex((o) => subjectOf(o) === subjectOf(q)) === i).slice(0, 4);
    expect(drawQuiz(distinct, 1)).toHaveLength(4);
    // Two questions on one subject never go into the same quiz.
    expect(
      drawQuiz(
        pool.filter((q) => subjectOf(q) === subjectOf(pool[0])),
        1,
      ),
    ).toHaveLength(1);
  });
});

describe("what the browser receives before answering", () => {
  const pool = questionPool(lessons[0], 2);
  it("has no answer key, explanation, misconception or evidence", () => {
    for (const q of pool) {
      const sent = toPublicQuestion(q, 99);
      const text = JSON.stringify(sent);
      for (const field of ["answer", "explanation", "misconception", "evidence", "accepted", "sectionId"])
        expect(sent).not.toHaveProperty(field);
      expect(text).not.toContain(q.explanation);
      if (q.kind === "cloze") expect(text).not.toContain(`"${q.answer}"`);
    }
  });
  it("keeps option order stable for an attempt and shuffles it between attempts", () => {
    const q = pool.find((q): q is ChoiceQuestion => q.kind === "single" && q.options.length >= 3)!;
    const order = (seed: number) =>
      (toPublicQuestion(q, seed) as { options: { id: string }[] }).options.map((o) => o.id).join();
    expect(order(1)).toBe(order(1));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order)).size).toBeGreaterThan(1);
  });
  it("never hands out an ordering question already in order", () => {
    const q = questionPool(stepsLesson(), 1).find((q) => q.kind === "ordering")!;
    for (let seed = 0; seed < 30; seed++) {
      const sent = toPublicQuestion(q, seed) as { items: { id: string }[] };
      expect(sent.items.map((i) => i.id)).not.toEqual((q as OrderingQuestion).answer);
    }
  });
});

describe("grading", () => {
  const pool = questionPool(lessons[0], 4);
  const single = pool.find((q): q is ChoiceQuestion => q.kind === "single")!;
  const multiple = pool.find(
    (q): q is MultipleQuestion => q.kind === "multiple" && q.answer.length === 2 && q.options.length === 4,
  )!;
  const matching = pool.find((q): q is MatchingQuestion => q.kind === "matching")!;
  const cloze = pool.find((q): q is ClozeQuestion => q.kind === "cloze" && q.answer === "container")!;

  it("scores a single choice right or wrong", () => {
    const wrong = single.options.find((o) => o.id !== single.answer)!;
    expect(gradeResponse(single, { kind: "single", optionId: single.answer })).toEqual({ score: 1, correct: true });
    expect(gradeResponse(single, { kind: "single", optionId: wrong.id })).toEqual({ score: 0, correct: false });
  });

  it("gives partial credit for multiple select: right picks minus wrong picks, never below zero", () => {
    const [a, b] = multiple.answer;
    const [x, y] = multiple.options.filter((o) => !multiple.answer.includes(o.id)).map((o) => o.id);
    const grade = (ids: string[]) => gradeResponse(multiple, { kind: "multiple", optionIds: ids }).score;
    expect(grade([a, b])).toBe(1);
    expect(grade([a])).toBe(0.5);
    expect(grade([a, b, x])).toBe(0.5);
    expect(grade([a, x])).toBe(0);
    expect(grade([x, y])).toBe(0);
  });

  it("gives partial credit for matching", () => {
    const pairs = { ...matching.answer };
    expect(gradeResponse(matching, { kind: "matching", pairs }).score).toBe(1);
    const [first] = matching.items;
    const other = matching.choices.find((c) => c.id !== pairs[first.id])!;
    const oneWrong = { ...pairs, [first.id]: other.id };
    expect(gradeResponse(matching, { kind: "matching", pairs: oneWrong }).score).toBeCloseTo(
      1 - 1 / matching.items.length,
      3,
    );
  });

  it("accepts cloze answers whatever their case, spacing or plural", () => {
    for (const text of ["container", "Container", " containers ", "CONTAINER"])
      expect(gradeResponse(cloze, { kind: "cloze", text }).correct).toBe(true);
    expect(gradeResponse(cloze, { kind: "cloze", text: "pod" }).correct).toBe(false);
  });

  it("scores ordering by items in the right place", () => {
    const q = questionPool(stepsLesson(), 1).find((q): q is OrderingQuestion => q.kind === "ordering")!;
    const [a, b, c] = q.answer;
    expect(gradeResponse(q, { kind: "ordering", order: [a, b, c] }).score).toBe(1);
    expect(gradeResponse(q, { kind: "ordering", order: [a, c, b] }).score).toBeCloseTo(1 / 3, 3);
  });

  it("rejects responses that do not fit the question with a clear message", () => {
    expect(responseProblem(single, { kind: "single", optionId: "forged" })).toBe(
      "That option is not part of this question.",
    );
    expect(responseProblem(single, { kind: "cloze", text: "x" })).toBe("This question expects a single answer.");
    expect(responseProblem(multiple, { kind: "multiple", optionIds: [] })).toBe("Select at least one option.");
    expect(responseProblem(multiple, { kind: "multiple", optionIds: [multiple.answer[0], multiple.answer[0]] })).toBe(
      "An option was selected twice.",
    );
    expect(responseProblem(matching, { kind: "matching", pairs: {} })).toBe("Match every item before submitting.");
    expect(responseProblem(cloze, { kind: "cloze", text: "   " })).toBe("Type an answer before submitting.");
    expect(responseProblem(single, { kind: "single", optionId: single.answer })).toBeNull();
  });

  it("reveals a key that grades as fully correct", () => {
    for (const q of pool) {
      const key = answerKey(q);
      expect(gradeResponse(q, key).score, q.id).toBe(1);
    }
  });
});

// The generator computes a scenario's answer by running lib/sim; these checks replay each scenario
// on a fresh cluster and hold the answers to what Kubernetes does.
describe("simulator scenarios", () => {
  const scenarioPool = (seed: number) => questionPool(lessons[0], seed).filter((q) => q.source === "simulator");
  const correctTexts = (q: Question) =>
    q.kind === "multiple"
      ? q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text)
      : q.kind === "single" || q.kind === "true-false"
        ? [q.options.find((o) => o.id === q.answer)!.text]
        : [];

  it("records evidence that a fresh simulator run reproduces exactly", async () => {
    const { findScenario } = await import("./scenarios");
    for (const seed of [1, 2]) {
      for (const q of scenarioPool(seed)) {
        const [, templateId, variantSeed] = q.id.split(":");
        const again = findScenario(templateId)!.build(Number(variantSeed));
        expect(again.evidence, q.id).toEqual(q.evidence);
        expect(again.answer, q.id).toEqual((q as ChoiceQuestion | MultipleQuestion).answer);
      }
    }
  });

  for (const seed of SEEDS.slice(0, 6)) {
    it(`match Kubernetes behaviour (seed ${seed})`, () => {
      for (const q of scenarioPool(seed)) {
        const right = correctTexts(q);
        const template = q.id.split(":")[1];
        switch (template) {
          case "pod-recreated":
            // The ClusterIP, the name and untouched pods keep working; the deleted pod's IP does not.
            expect(right.map((t) => t.split(",")[0].split(" ")[0])).toHaveLength(3);
            expect(right.some((t) => t.includes("the IP of the deleted pod"))).toBe(false);
            break;
          case "restart-or-recreate":
            expect(right).toEqual([q.prompt.includes("kill 1") ? "True" : "False"]);
            break;
          case "scale-lookup":
            expect(right).toEqual(["One address"]);
            break;
          case "headless-lookup":
            expect(right[0]).toMatch(/^\d addresses: the IPs of the ready pods$/);
            break;
          case "outside-cluster-ip":
            expect(right).toEqual(["The connection hangs until it times out"]);
            break;
          case "no-ready-pods":
            expect(right).toEqual(["The connection is refused at once"]);
            break;
          case "nodeport-from-outside":
            expect(right).toEqual(["One of the pods answers with its name"]);
            break;
          case "drain-node":
            expect(right).toEqual([expect.stringMatching(/^The IPs of the \w+ pods that ran on worker-\d$/)]);
            break;
          default:
            throw new Error(`no expectation for scenario ${template}`);
        }
      }
    });
  }
});
