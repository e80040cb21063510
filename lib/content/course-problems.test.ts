import { describe, expect, it } from "vitest";
import { linkProblems, prerequisiteProblems } from "./course-problems";
import { parseGlossary } from "./glossary";
import { parseLesson } from "./parse-lesson";
import { lessonWith } from "./test-support/lesson-fixture";
import type { Lesson } from "./types";

/** A fixture lesson with its own slug, prerequisites and an extra paragraph of body text. */
function lesson(slug: string, prerequisites: string[] = [], text = ""): Lesson {
  const source = lessonWith(
    "slug: alpha-vs-beta",
    `slug: ${slug}${prerequisites.length ? `\nprerequisites: [${prerequisites.join(", ")}]` : ""}`,
  ).replace("Intro paragraph.", `Intro paragraph. ${text}`);
  const result = parseLesson(source, `${slug}.md`);
  if (!result.lesson) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.lesson;
}

const messages = (problems: { file: string; message: string }[]) => problems.map((p) => `${p.file}: ${p.message}`);

describe("prerequisiteProblems", () => {
  it("accepts a chain of prerequisites and no prerequisites at all", () => {
    expect(prerequisiteProblems([lesson("a"), lesson("b", ["a"]), lesson("c", ["a", "b"])])).toEqual([]);
  });

  it("reports a prerequisite that is not a lesson", () => {
    expect(messages(prerequisiteProblems([lesson("a", ["not-written-yet"])]))).toEqual([
      'a.md: prerequisite "not-written-yet" is not a lesson slug',
    ]);
  });

  it("reports a lesson that requires itself, and a longer cycle once", () => {
    expect(messages(prerequisiteProblems([lesson("a", ["a"])]))).toEqual(["a.md: prerequisites form a cycle: a → a"]);
    expect(
      messages(prerequisiteProblems([lesson("a", ["c"]), lesson("b", ["a"]), lesson("c", ["b"]), lesson("d", ["a"])])),
    ).toEqual(["b.md: prerequisites form a cycle: a → c → b → a"]);
  });
});

describe("linkProblems", () => {
  const glossary = parseGlossary(
    [
      "- id: service",
      "  term: Service",
      "  definition: One stable name and address for a changing set of Pods.",
      "  lesson: a#alpha",
      "- id: pod-ip",
      "  term: Pod IP",
      "  definition: The address of one Pod.",
      "  lesson: a#no-such-section",
      "- id: cni",
      "  term: CNI",
      "  definition: The plugin interface that wires Pods to the network.",
      "  lesson: not-written-yet",
    ].join("\n"),
    "glossary.yaml",
  );

  it("parses terms with the line of each and their lesson links", () => {
    expect(glossary.problems).toEqual([]);
    expect(glossary.terms.map((t) => [t.id, t.line, t.lesson])).toEqual([
      ["service", 1, { slug: "a", sectionId: "alpha" }],
      ["pod-ip", 5, { slug: "a", sectionId: "no-such-section" }],
      ["cni", 9, { slug: "not-written-yet" }],
    ]);
  });

  it("accepts links to existing terms, lessons and sections, and reports every other one", () => {
    const lessons = [
      lesson("a", [], "See [Services](glossary:service), [b](lesson:b) and [its table](lesson:b#comparison)."),
      lesson("b", [], "See [x](glossary:no-term), [y](lesson:missing) and [z](lesson:a#missing-section)."),
    ];
    expect(messages(linkProblems(lessons, glossary.terms, "glossary.yaml"))).toEqual([
      'b.md: link: no glossary term has the id "no-term"',
      'b.md: link: no lesson has the slug "missing"',
      'b.md: link: lesson "a" has no section "missing-section"',
      'glossary.yaml: glossary term "pod-ip": lesson "a" has no section "no-such-section"',
      'glossary.yaml: glossary term "cni": no lesson has the slug "not-written-yet"',
    ]);
  });

  it("reports a malformed glossary or lesson href where it is written", () => {
    const result = parseLesson(
      lessonWith("Intro paragraph.", "Intro paragraph.\n\nSee [bad](glossary:Not_An_Id)."),
      "bad.md",
    );
    expect(result.lesson).toBeNull();
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [
        16,
        'link "glossary:Not_An_Id" is not a glossary or lesson link: write glossary:term-id, lesson:slug or lesson:slug#section-id',
      ],
    ]);
  });

  it("reports a duplicate term id and a lesson field that is not a slug", () => {
    const bad = parseGlossary(
      "- id: a\n  term: A\n  definition: x\n- id: a\n  term: A again\n  definition: y\n  lesson: 'Bad Slug'\n",
      "g.yaml",
    );
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'glossary term id "a" is used twice'],
      [1, 'glossary term "a": lesson "Bad Slug" is not slug or slug#section-id'],
    ]);
  });
});
