import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportError, importConceptDocument } from "./import-concept-document";
import { parseLesson } from "./parse-lesson";
import { seedDocumentPath } from "./test-support/seed";

const seedPath = seedDocumentPath();

describe("importConceptDocument with the seed document", () => {
  const source = fs.readFileSync(seedPath, "utf8");
  const skeleton = importConceptDocument(source, {
    module: "imported",
    order: 3,
    sourceName: "cluster-ip-vs-pod-ip.md",
  });
  const { lesson, problems } = parseLesson(skeleton.markdown, "imported.md");

  it("produces a skeleton that parses as a lesson without problems", () => {
    expect(problems).toEqual([]);
    expect(skeleton).toMatchObject({ slug: "cluster-ip-vs-pod-ip", title: "Cluster IP vs Pod IP" });
    expect(lesson).toMatchObject({ module: "imported", order: 3, draft: true });
  });

  it("finds both concepts with their four attributes", () => {
    expect(lesson!.concepts.map((c) => c.id)).toEqual(["cluster-ip", "pod-ip"]);
    for (const concept of lesson!.concepts) {
      expect(concept.attributes.map((a) => a.key)).toEqual(["what-it-is", "purpose", "scope", "example"]);
    }
    const podPurpose = lesson!.concepts[1].attributes.find((a) => a.key === "purpose")!;
    expect(podPurpose.statements).toHaveLength(2);
  });

  it("turns the tab-separated table with <b> tags into the comparison table", () => {
    const rows = lesson!.comparison!.rows;
    expect(rows.map((r) => r.feature)).toEqual(["Assigned To", "Scope", "Purpose", "Visibility", "Example"]);
    expect(rows[0].values).toEqual({ "cluster-ip": "A Kubernetes Service", "pod-ip": "An individual pod" });
    expect(rows[4].values).toEqual({ "cluster-ip": "10.96.0.1", "pod-ip": "192.168.1.15" });
    expect(skeleton.markdown).not.toContain("<b>");
  });

  it("keeps the explanatory bullets as key points", () => {
    expect(lesson!.keyPoints.length).toBeGreaterThanOrEqual(4);
    expect(lesson!.keyPoints.some((k) => /remains constant/.test(k.text))).toBe(true);
  });
});

describe("importConceptDocument with unusable input", () => {
  it("explains a document without concept sections", () => {
    expect(() =>
      importConceptDocument("# Title\n\nJust prose.\n", { module: "m", order: 1, sourceName: "prose.md" }),
    ).toThrow(ImportError);
    expect(() =>
      importConceptDocument("# Title\n\nJust prose.\n", { module: "m", order: 1, sourceName: "prose.md" }),
    ).toThrow(/prose\.md: found no concept sections/);
  });

  it("explains a document without a comparison table", () => {
    const doc = "## Things\n\n### One\n\n- **What It Is:**\n  - The first.\n";
    expect(() => importConceptDocument(doc, { module: "m", order: 1, sourceName: "t.md" })).toThrow(
      /found no comparison table/,
    );
  });

  it("accepts a markdown pipe table too", () => {
    const doc =
      "## One vs Two\n\n### One\n\n- **Scope:**\n  - Wide.\n\n### Two\n\n- **Scope:**\n  - Narrow.\n\n## Comparison\n\n| Feature | One | Two |\n|---|---|---|\n| Scope | Wide | Narrow |\n";
    const skeleton = importConceptDocument(doc, { module: "m", order: 1, sourceName: "t.md" });
    const { lesson, problems } = parseLesson(skeleton.markdown, "t.md");
    expect(problems).toEqual([]);
    expect(lesson!.comparison!.rows[0].values).toEqual({ one: "Wide", two: "Narrow" });
  });
});
