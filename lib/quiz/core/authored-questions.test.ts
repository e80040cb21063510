import { describe, expect, it } from "vitest";
import { authoredQuestionsYaml, lessonWithQuestions } from "../../content/test-support/lesson-fixture";
import { drawQuiz, SOURCE_SHARES, subjectOf } from "./assemble";
import { authoredQuestionId, authoredQuestions } from "./authored-questions";
import { answerKey, gradeResponse, misconceptionOf } from "./grade";
import type { MultipleQuestion } from "./kinds/multiple";
import type { SingleQuestion } from "./kinds/single";
import type { TrueFalseQuestion } from "./kinds/true-false";
import { questionPool } from "./pool";
import { toInternalResponse, toPublicResponse } from "./public-ids";
import { toPublicQuestion } from "./public-question";
import { templateKey } from "./templates";
import { fixture, SEEDS } from "./test-support/quiz-fixtures";
import type { Question } from "./types";
import { questionProblems } from "./validate-question";

const lesson = fixture(lessonWithQuestions());
const [single, multiple, trueFalse] = authoredQuestions(lesson) as [
  SingleQuestion,
  MultipleQuestion,
  TrueFalseQuestion,
];
const optionWith = (q: SingleQuestion | MultipleQuestion, text: string) => q.options.find((o) => o.text === text)!;

describe("a lesson's hand-written questions as quiz questions", () => {
  it("are questions of their own kinds, from the authored source, well formed", () => {
    expect([single.kind, multiple.kind, trueFalse.kind]).toEqual(["single", "multiple", "true-false"]);
    for (const q of [single, multiple, trueFalse]) {
      expect(q.source).toBe("authored");
      expect(q.lessonSlug).toBe(lesson.slug);
      expect(questionProblems(q), q.id).toEqual([]);
    }
    expect(single).toMatchObject({
      prompt: "Why does the first thing outlast the second?",
      concepts: ["alpha", "beta"],
      sectionId: "comparison",
      difficulty: 2,
    });
    expect(multiple.prompt).toBe("Which of these hold for the first thing? Select all that apply.");
    expect(multiple.difficulty).toBe(3);
    expect(trueFalse.prompt).toBe("True or false? A user owns the first thing.");
  });

  it("key exactly the options the author marked, and carry each distractor's misconception", () => {
    expect(single.answer).toBe(optionWith(single, "The system owns it and keeps it for good.").id);
    expect(optionWith(single, "A user renews it every day.").misconception).toBe("Thinks a user keeps it alive.");
    expect(optionWith(single, "The system owns it and keeps it for good.")).not.toHaveProperty("misconception");
    expect(multiple.answer).toEqual([
      optionWith(multiple, "It lasts forever.").id,
      optionWith(multiple, "It is everywhere.").id,
    ]);
    expect(trueFalse.answer).toBe("false");
    expect(trueFalse.options).toEqual([
      { id: "true", text: "True", misconception: "Gives Alpha the owner of Beta." },
      { id: "false", text: "False" },
    ]);
    const trueOne = fixture(lessonWithQuestions(authoredQuestionsYaml.replace("answer: false", "answer: true")));
    expect(authoredQuestions(trueOne)[2]).toMatchObject({
      answer: "true",
      options: [
        { id: "true", text: "True" },
        { id: "false", text: "False", misconception: "Gives Alpha the owner of Beta." },
      ],
    });
  });

  it("keep their ids while the prompt stays, wherever the lesson changes", () => {
    expect(single.id).toBe(authoredQuestionId(lesson.slug, single.prompt));
    const edited = fixture(lessonWithQuestions().replace("Alpha is the first thing.", "Alpha comes first."));
    expect(authoredQuestions(edited).map((q) => q.id)).toEqual([single.id, multiple.id, trueFalse.id]);
    const reworded = authoredQuestionsYaml.replace("outlast the second?", "last longer than the second?");
    expect(authoredQuestions(fixture(lessonWithQuestions(reworded)))[0].id).not.toBe(single.id);
  });

  it("join the lesson's pool for every seed, the generated questions unchanged", () => {
    const without = fixture(lessonWithQuestions("questions: []"));
    for (const seed of SEEDS.slice(0, 4)) {
      const pool = questionPool(lesson, seed);
      expect(pool.filter((q) => q.source === "authored")).toEqual([single, multiple, trueFalse]);
      expect(pool.filter((q) => q.source !== "authored")).toEqual(questionPool(without, seed));
    }
  });
});

describe("grading a hand-written question", () => {
  it("gives full marks for the key and names no misconception for it", () => {
    for (const q of [single, multiple, trueFalse]) {
      expect(gradeResponse(q, answerKey(q)), q.id).toEqual({ score: 1, correct: true });
      expect(misconceptionOf(q, answerKey(q))).toBeNull();
    }
  });

  it("gives nothing for a distractor, and names the misconception the author wrote for it", () => {
    const wrong = optionWith(single, "It is copied whenever it would expire.");
    expect(gradeResponse(single, { kind: "single", optionId: wrong.id })).toEqual({ score: 0, correct: false });
    expect(misconceptionOf(single, { kind: "single", optionId: wrong.id })).toBe(
      "Thinks it is replaced rather than kept.",
    );
    expect(gradeResponse(trueFalse, { kind: "true-false", optionId: "true" })).toEqual({ score: 0, correct: false });
    expect(misconceptionOf(trueFalse, { kind: "true-false", optionId: "true" })).toBe("Gives Alpha the owner of Beta.");
  });

  it("gives partial credit in a multiple select: right picks minus wrong picks", () => {
    const [first, second] = multiple.answer;
    const wrong = optionWith(multiple, "A user owns it.").id;
    expect(gradeResponse(multiple, { kind: "multiple", optionIds: [first] }).score).toBe(0.5);
    expect(gradeResponse(multiple, { kind: "multiple", optionIds: [first, second, wrong] }).score).toBe(0.5);
    expect(gradeResponse(multiple, { kind: "multiple", optionIds: [first, wrong] }).score).toBe(0);
    expect(misconceptionOf(multiple, { kind: "multiple", optionIds: [first, wrong] })).toBe(
      "Gives it the other thing's owner.",
    );
  });
});

describe("what the browser receives of a hand-written question", () => {
  // A scheme like the service's: public ids say nothing about internal ones.
  const scheme = {
    question: (id: string) => `q-${id.length}`,
    choice: (questionId: string, id: string) => `c-${[...`${questionId}/${id}`].reverse().join("")}`,
  };

  it("has prompt and options only: no key, marks, misconceptions or explanation", () => {
    for (const q of [single, multiple, trueFalse]) {
      const sent = toPublicQuestion(q, 7, scheme);
      const text = JSON.stringify(sent);
      for (const field of ["answer", "explanation", "misconception", "sectionId", "correct"])
        expect(sent, q.id).not.toHaveProperty(field);
      expect(text).not.toContain(q.explanation);
      expect(text).not.toContain('"correct"');
      for (const o of q.options) {
        if (o.misconception) expect(text, q.id).not.toContain(o.misconception);
        expect(text, q.id).not.toContain(`"${o.id}"`);
      }
      expect(sent).toMatchObject({ source: "authored", prompt: q.prompt });
      expect("options" in sent && sent.options.map((o) => o.text).sort()).toEqual(q.options.map((o) => o.text).sort());
    }
  });

  it("takes the key back under its public ids and grades it right, and refuses internal ids", () => {
    for (const q of [single, multiple, trueFalse] as Question[]) {
      const publicKey = toPublicResponse(q, answerKey(q), scheme);
      const internal = toInternalResponse(q, publicKey, scheme);
      expect(internal, q.id).toEqual({ ok: true, value: answerKey(q) });
      expect(toInternalResponse(q, answerKey(q), scheme).ok, q.id).toBe(false);
    }
  });
});

describe("an attempt over a lesson with hand-written questions", () => {
  it("asks at least one of them and, while other questions are left, no more than its share, for every seed", () => {
    // The fixture's pool is small: a ten-question attempt takes nearly all of it, so judge the share
    // on short attempts (the course's lessons are judged at full length in bank-draw.test.ts).
    for (const length of [4, 10])
      for (const seed of SEEDS) {
        const quiz = drawQuiz(questionPool(lesson, seed), seed, { length });
        const where = `length ${length} seed ${seed}`;
        const authored = quiz.filter((q) => q.source === "authored").length;
        expect(authored, where).toBeGreaterThanOrEqual(1);
        if (length === 4) expect(authored, where).toBe(Math.ceil(length * (SOURCE_SHARES.authored as number)));
        expect(new Set(quiz.map(templateKey)).size, where).toBe(quiz.length);
        expect(new Set(quiz.map(subjectOf)).size, where).toBe(quiz.length);
      }
  });

  it("may ask two of them about the same concepts: each is a template of its own", () => {
    const sameConcepts = fixture(
      lessonWithQuestions(authoredQuestionsYaml.replaceAll("concepts: [alpha, beta]", "concepts: [alpha]")),
    );
    const authored = authoredQuestions(sameConcepts);
    expect(new Set(authored.map(templateKey)).size).toBe(authored.length);
    const quiz = drawQuiz(authored, 1);
    expect(quiz).toHaveLength(authored.length);
  });
});
