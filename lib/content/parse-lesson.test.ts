import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { lessonWith, validLesson } from "./test-support/lesson-fixture";

const parse = (source: string) => parseLesson(source, "content/testing/01-alpha.md");
const messages = (source: string) => parse(source).problems.map((p) => `${p.line}: ${p.message}`);

describe("parseLesson", () => {
  it("reads frontmatter, concepts with attributes, the comparison table, steps and key points", () => {
    const { lesson, problems } = parse(validLesson);
    expect(problems).toEqual([]);
    expect(lesson).toMatchObject({
      title: "Alpha vs Beta",
      slug: "alpha-vs-beta",
      module: "testing",
      order: 1,
      draft: false,
    });
    expect(lesson!.concepts.map((c) => [c.id, c.name, c.attributes.map((a) => a.key)])).toEqual([
      ["alpha", "Alpha", ["what-it-is", "scope"]],
      ["beta", "Beta", ["what-it-is"]],
    ]);
    expect(lesson!.concepts[0].attributes[1].statements).toEqual(["Alpha lasts forever.", "Alpha is everywhere."]);
    expect(lesson!.concepts[1].attributes[0].statements).toEqual(["Beta is the second thing, said in a paragraph."]);
    expect(lesson!.comparison).toEqual({
      sectionId: "comparison",
      conceptIds: ["alpha", "beta"],
      rows: [
        { featureId: "lifetime", feature: "Lifetime", values: { alpha: "Forever", beta: "Short" }, line: 37 },
        { featureId: "owner", feature: "Owner", values: { alpha: "The system", beta: "A user" }, line: 38 },
      ],
    });
    expect(lesson!.steps).toEqual(["First do this.", "Then that."]);
    expect(lesson!.keyPoints.map((k) => k.text)).toEqual(["Alpha lasts.", "Beta does not."]);
  });

  it("builds a table of contents whose ids are unique even when headings repeat", () => {
    const { lesson } = parse(validLesson);
    const ids = lesson!.toc.map((t) => t.id);
    expect(ids).toEqual(["alpha", "what-it-is", "scope", "beta", "what-it-is-2", "comparison", "steps", "key-points"]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lesson!.toc.find((t) => t.id === "alpha")).toEqual({ id: "alpha", title: "Alpha", level: 2 });
  });

  it("reports missing frontmatter", () => {
    expect(messages("## Just a heading\n")).toEqual(["1: missing frontmatter: the file must start with a line '---'"]);
  });

  it("reports invalid frontmatter fields by name", () => {
    const problems = messages(
      lessonWith("slug: alpha-vs-beta", "slug: Alpha Beta").replace("summary: Two things compared.\n", ""),
    );
    expect(problems).toContain("2: frontmatter slug: slug must be lowercase words joined by hyphens");
    expect(problems.some((p) => p.startsWith("2: frontmatter summary:"))).toBe(true);
  });

  it("reports YAML errors with a line inside the frontmatter", () => {
    const problems = parse(lessonWith("order: 1", "order: [1")).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^frontmatter is not valid YAML/);
    expect(problems[0].line).toBeGreaterThan(1);
  });

  it("reports a concept without a section, pointing at the heading to add", () => {
    expect(messages(lessonWith("## Beta {#beta}", "## Something else"))).toContain(
      '13: concept "beta" has no section: add a heading "## Beta {#beta}"',
    );
  });

  it("reports a concept section without attributes", () => {
    const source = lessonWith("### What it is\n\nBeta is the second thing, said in a paragraph.\n", "");
    expect(messages(source)).toContain(
      '27: concept section "beta" has no attributes: add ### headings such as "What it is", "Purpose", "Scope", "Example"',
    );
  });

  it("reports comparison rows whose cell count differs from the header, with the row's line", () => {
    expect(messages(lessonWith("| Lifetime | Forever | Short |", "| Lifetime | Forever |"))).toContain(
      "37: comparison row has 2 cells, the header has 3",
    );
    expect(messages(lessonWith("| Lifetime | Forever | Short |", "| Lifetime | Forever | Short | Extra |"))).toContain(
      "37: comparison row has 4 cells, the header has 3",
    );
  });

  it("reports a column that is not a concept, an empty cell and a repeated feature", () => {
    expect(messages(lessonWith("| Feature | Alpha | Beta |", "| Feature | Alpha | Gamma |"))).toContain(
      '35: comparison column 3 "Gamma" is not one of the lesson\'s concepts (Alpha, Beta)',
    );
    expect(messages(lessonWith("| Lifetime | Forever | Short |", "| Lifetime |  | Short |"))).toContain(
      '37: comparison cell for "Lifetime" / "alpha" is empty',
    );
    expect(messages(lessonWith("| Owner |", "| Lifetime |"))).toContain(
      '38: comparison feature "Lifetime" appears twice',
    );
  });

  it("reports a comparison section without a table and a level-one heading", () => {
    const noTable = validLesson.replace(/\| Feature[\s\S]*?\| Owner .*\n/, "No table here.\n");
    expect(messages(noTable)).toContain("33: the comparison section has no table");
    expect(messages(lessonWith("Intro paragraph.", "# Title again"))).toContain(
      "14: use ## and ### headings: the lesson title comes from the frontmatter",
    );
  });

  it("reports a steps section without an ordered list", () => {
    expect(messages(lessonWith("1. First do this.\n2. Then that.", "- not ordered"))).toContain(
      "40: the steps section needs an ordered list of at least two steps",
    );
  });

  it("accepts a lesson without comparison, steps or key points", () => {
    const minimal = validLesson.split("## Comparison")[0];
    const { lesson, problems } = parse(minimal);
    expect(problems).toEqual([]);
    expect(lesson!.comparison).toBeNull();
    expect(lesson!.steps).toEqual([]);
    expect(lesson!.keyPoints).toEqual([]);
  });
});
