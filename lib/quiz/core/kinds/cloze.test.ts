import { describe, expect, it } from "vitest";
import { gradeResponse, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { lessons } from "../test-support/quiz-fixtures";
import type { ClozeQuestion } from "./cloze";

describe("cloze", () => {
  const pool = questionPool(lessons[0], 4);
  const cloze = pool.find((q): q is ClozeQuestion => q.kind === "cloze" && q.answer === "container")!;

  it("accepts cloze answers whatever their case, spacing or plural", () => {
    for (const text of ["container", "Container", " containers ", "CONTAINER"])
      expect(gradeResponse(cloze, { kind: "cloze", text }).correct).toBe(true);
    expect(gradeResponse(cloze, { kind: "cloze", text: "pod" }).correct).toBe(false);
  });

  it("refuses a blank answer", () => {
    expect(responseProblem(cloze, { kind: "cloze", text: "   " })).toBe("Type an answer before submitting.");
  });
});
