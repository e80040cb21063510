import { describe, expect, it } from "vitest";
import { lessonSections } from "./lesson-sections";

describe("lessonSections", () => {
  it("cuts the text at ## and ### headings with their ids, keeping code and dropping formatting", () => {
    const body = [
      "Some **intro** text.",
      "## First {#first}",
      "A [link](glossary:service) here.",
      "### Detail",
      "```",
      "kubectl get  pods",
      "```",
      "## Second",
      "| a | b |\n| - | - |\n| `x` | y |",
    ].join("\n\n");
    expect(lessonSections({ title: "Lesson", body })).toEqual([
      { id: "", title: "Lesson", text: "Some intro text." },
      { id: "first", title: "First", text: "A link here." },
      { id: "detail", title: "Detail", text: "kubectl get pods" },
      { id: "second", title: "Second", text: "a b x y" },
    ]);
  });
});
