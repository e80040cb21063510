import { describe, expect, it } from "vitest";
import { parseSteps } from "./test-support/content-drills";

describe("drill files with mistakes", () => {
  it("reports schema errors with the field", () => {
    expect(
      parseSteps(
        "  - { id: a, type: predict, prompt: P, options: [{ text: x, value: x }], run: [], observe: output, explanation: E }",
      ).problems.map((p) => p.message),
    ).toEqual([
      "drill steps.0.options: a prediction needs at least two options",
      "drill steps.0.run: a prediction runs at least one command",
    ]);
  });
});
