import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "./check-content";
import { loadContent } from "./load-content";
import { lessonWith, validLesson } from "./test-support/lesson-fixture";

const dirs: string[] = [];
function contentTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-content-"));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const moduleYaml = "title: Testing\norder: 1\ndescription: Lessons for tests.\n";

describe("loadContent", () => {
  it("loads modules and lessons in order and hides drafts unless asked", () => {
    const root = contentTree({
      "testing/module.yaml": moduleYaml,
      "testing/02-second.md": lessonWith("slug: alpha-vs-beta", "slug: second").replace("order: 1", "order: 2"),
      "testing/01-first.md": validLesson,
      "testing/03-draft.md": lessonWith("slug: alpha-vs-beta", "slug: draft-one").replace(
        "order: 1",
        "order: 3\ndraft: true",
      ),
    });
    const published = loadContent(root);
    expect(published.problems).toEqual([]);
    expect(published.modules.map((m) => [m.id, m.title, m.lessons.map((l) => l.slug)])).toEqual([
      ["testing", "Testing", ["alpha-vs-beta", "second"]],
    ]);
    expect(loadContent(root, { includeDrafts: true }).lessons.map((l) => l.slug)).toContain("draft-one");
  });

  it("reports duplicate slugs, a module mismatch and a missing module file", () => {
    const root = contentTree({
      "testing/module.yaml": moduleYaml,
      "testing/01-a.md": validLesson,
      "testing/02-b.md": validLesson,
      "testing/03-c.md": lessonWith("slug: alpha-vs-beta", "slug: other").replace(
        "module: testing",
        "module: elsewhere",
      ),
      "orphans/01-x.md": lessonWith("slug: alpha-vs-beta", "slug: orphan").replace(
        "module: testing",
        "module: orphans",
      ),
    });
    const messages = checkContent(root).problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
    expect(messages).toContain(
      '02-b.md:2: slug "alpha-vs-beta" is already used by ' +
        path.relative(process.cwd(), path.join(root, "testing/01-a.md")),
    );
    expect(messages).toContain('03-c.md:2: frontmatter module "elsewhere" does not match its folder "testing"');
    expect(messages).toContain('module.yaml:0: module folder "orphans" has no module.yaml (title, order, description)');
  });

  it("checkContent includes drafts, so a broken draft fails the check", () => {
    const root = contentTree({
      "testing/module.yaml": moduleYaml,
      "testing/01-draft.md": lessonWith("order: 1", "order: 1\ndraft: true").replace(
        "| Lifetime | Forever | Short |",
        "| Lifetime | Forever |",
      ),
    });
    expect(checkContent(root).problems.map((p) => p.message)).toContain("comparison row has 2 cells, the header has 3");
  });
});

describe("course-wide checks", () => {
  it("load the glossary and report unknown prerequisites, cycles and broken links with their files", () => {
    const root = contentTree({
      "testing/module.yaml": moduleYaml,
      "testing/01-a.md": lessonWith("slug: alpha-vs-beta", "slug: a\nprerequisites: [b]").replace(
        "Intro paragraph.",
        "Intro paragraph, see [beta](glossary:beta) and [gone](glossary:gone).",
      ),
      "testing/02-b.md": lessonWith("slug: alpha-vs-beta", "slug: b\nprerequisites: [a, later]"),
      "glossary.yaml": "- id: beta\n  term: Beta\n  definition: The second thing.\n  lesson: b#beta\n",
    });
    const library = loadContent(root);
    expect(library.glossary.map((t) => [t.id, t.lesson])).toEqual([["beta", { slug: "b", sectionId: "beta" }]]);
    expect(checkContent(root).problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([
      '01-a.md:15: link: no glossary term has the id "gone"',
      '02-b.md:2: prerequisite "later" is not a lesson slug',
      "02-b.md:2: prerequisites form a cycle: a → b → a",
    ]);
  });
});

describe("the lessons in content/", () => {
  it("pass the content check", () => {
    const result = checkContent(path.resolve("content"));
    expect(result.problems).toEqual([]);
    expect(result.lessonCount).toBeGreaterThan(0);
  });

  it("have a glossary that covers the course outline's terms (issue 12)", () => {
    const { glossary } = loadContent(path.resolve("content"));
    const names = glossary.flatMap((t) => [t.term, ...t.aliases].map((n) => n.toLowerCase()));
    const outline = ["Service", "ClusterIP", "Pod IP", "NodePort", "LoadBalancer", "ExternalName", "headless Service"]
      .concat(["StatefulSet", "EndpointSlice", "kube-proxy", "iptables", "IPVS", "nftables", "session affinity"])
      .concat(["externalTrafficPolicy", "internalTrafficPolicy", "CoreDNS", "SRV record", "ndots", "search path"])
      .concat(["NetworkPolicy", "CNI", "targetPort", "PTR record", "default deny"]);
    expect(outline.filter((term) => !names.some((n) => n.includes(term.toLowerCase())))).toEqual([]);
  });

  it("include the ClusterIP vs Pod IP lesson with its comparison table", () => {
    const lesson = loadContent(path.resolve("content")).lessons.find((l) => l.slug === "cluster-ip-vs-pod-ip")!;
    expect(lesson.concepts.map((c) => c.id)).toEqual(["cluster-ip", "pod-ip"]);
    const features = lesson.comparison!.rows.map((r) => r.featureId);
    // The seed's five rows are all there.
    for (const feature of ["assigned-to", "scope", "purpose", "visibility", "example"])
      expect(features).toContain(feature);
    for (const concept of lesson.concepts) {
      expect(concept.attributes.map((a) => a.key)).toEqual(["what-it-is", "purpose", "scope", "example"]);
    }
  });
});
