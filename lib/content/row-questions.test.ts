import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { fillRowQuestion, rowQuestionProblem } from "./row-questions";
import { lessonWith, validLesson } from "./test-support/lesson-fixture";

const withRowQuestions = (yaml: string) =>
  parseLesson(
    lessonWith("summary: Two things compared.", `summary: Two things compared.\nrowQuestions:\n${yaml}`),
    "x.md",
  );

describe("a comparison row's own question", () => {
  it("fills {concept} and {a concept}, capitalising the article at the start", () => {
    expect(fillRowQuestion("Who allocates {a concept}?", { id: "p", name: "Pod IP" })).toBe("Who allocates a Pod IP?");
    expect(fillRowQuestion("{a concept} lasts how long?", { id: "e", name: "EndpointSlice" })).toBe(
      "An EndpointSlice lasts how long?",
    );
    expect(fillRowQuestion("How is {concept} set?", { id: "s", name: "session affinity", article: "none" })).toBe(
      "How is session affinity set?",
    );
    expect(fillRowQuestion("What holds {a concept}?", { id: "s", name: "session affinity", article: "none" })).toBe(
      "What holds session affinity?",
    );
  });

  it("names what is wrong with a question as written", () => {
    expect(rowQuestionProblem("Who allocates {a concept}?")).toBeNull();
    expect(rowQuestionProblem("Who allocates {thing}?")).toContain("unknown placeholder {thing}");
    expect(rowQuestionProblem("Who allocates it?")).toContain("exactly once");
    expect(rowQuestionProblem("Who allocates {concept}")).toContain("question mark");
  });

  it("is attached to its row by feature name, from the frontmatter", () => {
    const { lesson, problems } = withRowQuestions("  Lifetime: How long does {a concept} last?");
    expect(problems).toEqual([]);
    expect(lesson!.comparison!.rows.find((r) => r.featureId === "lifetime")!.question).toBe(
      "How long does {a concept} last?",
    );
    expect(lesson!.comparison!.rows.find((r) => r.featureId === "owner")!.question).toBeUndefined();
  });

  it("is a content problem when its row does not exist or it is malformed", () => {
    expect(withRowQuestions("  Colour: What colour is {a concept}?").problems.map((p) => p.message)).toEqual([
      'frontmatter rowQuestions: the comparison has no row "Colour"',
    ]);
    expect(withRowQuestions("  Lifetime: How long does it last?").problems[0].message).toContain(
      'rowQuestions."Lifetime": name the concept exactly once',
    );
    expect(parseLesson(validLesson, "x.md").lesson!.rowQuestions).toEqual({});
  });
});
