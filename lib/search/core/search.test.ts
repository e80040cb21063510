import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import type { GlossaryTerm, Lesson } from "../../content/types";
import { lessonCards } from "../../flashcards/core/cards";
import { buildSearchIndex, queryWords, search, snippet } from "./search";

const lesson = {
  slug: "dns",
  title: "Cluster DNS",
  body: "Intro about names.\n\n## Search paths {#search-paths}\n\nA Pod tries its namespace first, then svc.cluster.local.\n\n## ndots {#ndots}\n\nFive dots by default.",
} as Lesson;
const glossary: GlossaryTerm[] = [
  { id: "ndots", term: "ndots", definition: "A resolver option.", aliases: ["options ndots"], line: 1 },
];
const cards = [
  {
    id: "c1",
    lessonSlug: "dns",
    sectionId: "ndots",
    front: "What is ndots in a Pod?",
    back: "5",
    concepts: [],
    source: "authored" as const,
  },
];
const index = buildSearchIndex({ lessons: [lesson], glossary, cards });

describe("search", () => {
  it("finds lesson sections, glossary terms and cards, linking each to its section or term", () => {
    expect(search(index, "ndots").map((r) => [r.kind, r.title, r.context, r.href])).toEqual([
      ["lesson", "ndots", "Cluster DNS", "/lessons/dns#ndots"],
      ["glossary", "ndots", "Glossary", "/glossary#term-ndots"],
      ["card", "What is ndots in a Pod?", "Flashcard · Cluster DNS", "/lessons/dns#ndots"],
    ]);
    expect(search(index, "names")[0]).toMatchObject({
      title: "Cluster DNS",
      context: "Introduction",
      href: "/lessons/dns",
    });
  });

  it("needs every word, ignores case and accents, and ranks title matches first", () => {
    expect(search(index, "POD namespace").map((r) => r.href)).toEqual(["/lessons/dns#search-paths"]);
    expect(search(index, "pod nothing-like-this")).toEqual([]);
    expect(search(index, "Nämespace").map((r) => r.href)).toEqual(["/lessons/dns#search-paths"]);
    expect(search(index, "pod").map((r) => r.kind)).toEqual(["card", "lesson"]);
  });

  it("returns nothing for an empty or punctuation-only query, and at most `limit` results", () => {
    expect(search(index, "")).toEqual([]);
    expect(search(index, "  ?!  ")).toEqual([]);
    expect(search(index, "ndots", 2)).toHaveLength(2);
  });

  it("reads at most eight distinct words from a query of at most 200 characters", () => {
    expect(queryWords("a b a c")).toEqual(["a", "b", "c"]);
    expect(queryWords("w1 w2 w3 w4 w5 w6 w7 w8 w9")).toHaveLength(8);
    expect(queryWords(`${"x".repeat(199)} tail`)).toEqual(["x".repeat(199)]);
  });
});

describe("snippet", () => {
  it("marks every match and cuts long text at word boundaries around the first one", () => {
    const text = `${"lead ".repeat(40)}the ClusterIP is stable while a clusterip client ${"tail ".repeat(60)}`;
    const parts = snippet(text, ["clusterip"]);
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["ClusterIP", "clusterip"]);
    expect(parts[1].text.startsWith("lead")).toBe(true);
  });
});

describe("the content library", () => {
  it("finds the ClusterIP lesson, the glossary entry and cards for 'Pod IP'", () => {
    const library = loadContent(path.resolve("content"));
    const all = buildSearchIndex({
      lessons: library.lessons,
      glossary: library.glossary,
      cards: library.lessons.flatMap(lessonCards),
    });
    const kinds = new Set(search(all, "pod ip", 100).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(["card", "glossary", "lesson"]);
    expect(search(all, "pod ip")[0].href).toBe("/lessons/cluster-ip-vs-pod-ip#pod-ip");
  });
});
