import { describe, expect, it } from "vitest";
import { indefiniteArticle } from "../../content/articles";
import type { Lesson } from "../../content/types";
import { giveawaysIn } from "./giveaways";
import { responseProblem } from "./grade";
import { questionPool } from "./pool";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";
import type { Question, Response } from "./types";

// The question bank's wording rules, over every lesson in content/ (drafts included) and many seeds,
// so lessons added later are judged too: generated text reads as a person would write it, and no
// concept name gives an answer away.

/** The generator's own words: quoted lesson text (“…”) and code spans taken out. */
const framing = (text: string) => text.replace(/“[^”]*”/g, "“…”").replace(/`[^`]*`/g, "`…`");

/** What is wrong with a sentence the generator wrote, or null. */
function wordingProblem(text: string): string | null {
  const own = framing(text);
  if (/[{}]/.test(own)) return "a placeholder was left in";
  if (/\b(undefined|null|NaN)\b/.test(own)) return "a missing value was printed";
  const noun = /\b(by|to|for|in|with|from|at|on|of)\s+of\b/i.exec(own);
  if (noun) return `a column label used as a noun ("${noun[0]}")`;
  const doubled = /\b(\w+)\s+\1\b/i.exec(own);
  if (doubled) return `a doubled word ("${doubled[0]}")`;
  for (const m of own.matchAll(/\b(a|an)\s+([A-Za-z][\w-]*)/g))
    if (m[1] !== indefiniteArticle(m[2])) return `"${m[0]}" should read "${indefiniteArticle(m[2])} ${m[2]}"`;
  return null;
}

const misconceptions = (q: Question) =>
  "options" in q ? q.options.flatMap((o) => (o.misconception ? [o.misconception] : [])) : [];

/** The texts a learner chooses between, when they are statements (not concept names, True/False or steps). */
function statementChoices(q: Question): string[] | null {
  if (q.source !== "lesson") return null;
  if (q.kind === "matching") return q.items.map((i) => i.text);
  if (q.kind === "single" || q.kind === "multiple" || q.kind === "odd-one-out")
    return q.id.startsWith("table-concept:") ? null : q.options.map((o) => o.text);
  return null;
}

/** For a question that quotes one lesson entry and asks whose it is (or whether it is the named concept's). */
function quotedEntry(q: Question): string | null {
  if (!q.id.startsWith("table-concept:") && !q.id.startsWith("table-tf:")) return null;
  const quotes = q.prompt.match(/“[^”]*”/g) ?? [];
  const quoted = quotes.at(-1) ?? null;
  // A true/false statement's row label is the same whether it is true or false: only its value can
  // point at the concept it belongs to. A "which concept" entry is judged whole (its label too).
  return quoted && q.id.startsWith("table-tf:") ? quoted.slice(quoted.indexOf(": ") + 2) : quoted;
}

const pools = lessons.flatMap((lesson) => SEEDS.map((seed) => ({ lesson, seed, pool: questionPool(lesson, seed) })));

const namesIn = (lesson: Lesson, text: string) =>
  lesson.concepts.filter((c) => new RegExp(`\\b${c.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i").test(text));

describe("the question bank over every lesson", () => {
  it("has lessons to judge", () => {
    expect(pools.length).toBeGreaterThan(0);
  });

  it("writes prompts and misconceptions as a person would (no “the allocated by of”, a/an right)", () => {
    for (const { lesson, seed, pool } of pools)
      for (const q of pool)
        for (const text of [q.prompt, ...misconceptions(q)])
          expect(wordingProblem(text), `${lesson.slug} seed ${seed} ${q.id}: ${text}`).toBeNull();
  });

  it("words the message for a response of the wrong kind right for every kind", () => {
    const kinds = new Map(pools.flatMap(({ pool }) => pool).map((q) => [q.kind, q]));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    for (const q of kinds.values()) {
      const other = (
        q.kind === "cloze" ? { kind: "true-false", answer: "true" } : { kind: "cloze", text: "x" }
      ) as Response;
      const message = responseProblem(q, other);
      expect(message, q.kind).toMatch(/expects an? /);
      expect(wordingProblem(message ?? ""), message ?? "").toBeNull();
    }
  });

  it("ends every prompt as a question or an instruction", () => {
    for (const { lesson, pool } of pools)
      for (const q of pool) expect(q.prompt.trim(), `${lesson.slug} ${q.id}`).toMatch(/[?.)]$/);
  });

  it("uses the lesson's own row questions where it has them", () => {
    for (const { lesson, pool } of pools)
      for (const row of lesson.comparison?.rows ?? [])
        if (row.question) {
          const asked = pool.filter((q) => q.id.startsWith(`table-value:${row.featureId}:`));
          expect(asked.length, `${lesson.slug} ${row.feature}`).toBeGreaterThan(0);
          for (const q of asked) expect(q.prompt).not.toContain(`“${row.feature}`);
        }
  });

  it("never lets a concept's name, or a word of it, tell the choices apart", () => {
    for (const { lesson, seed, pool } of pools)
      for (const q of pool) {
        const choices = statementChoices(q);
        if (!choices) continue;
        const where = `${lesson.slug} seed ${seed} ${q.id}: ${choices.join(" | ")}`;
        expect(giveawaysIn(lesson, choices), where).toEqual([]);
        expect(
          choices.flatMap((c) => namesIn(lesson, c)).map((c) => c.name),
          where,
        ).toEqual([]);
      }
  });

  it("never lets a concept's name, or a word of it, in a quoted entry point at its owner", () => {
    for (const { lesson, seed, pool } of pools)
      for (const q of pool) {
        const entry = quotedEntry(q);
        if (!entry) continue;
        const where = `${lesson.slug} seed ${seed} ${q.id}: ${q.prompt}`;
        expect(giveawaysIn(lesson, [entry]), where).toEqual([]);
        expect(namesIn(lesson, entry), where).toEqual([]);
      }
  });
});

describe("the wording rules themselves", () => {
  it.each([
    ["Gives Pod IP the allocated by of ClusterIP.", "column label"],
    ["This question expects a odd-one-out answer.", "an odd-one-out"],
    ["Which is {concept}?", "placeholder"],
    ["Which is is it?", "doubled"],
  ])("%s", (text, problem) => {
    expect(wordingProblem(text)).toContain(problem);
  });

  it("accepts what a person would write", () => {
    expect(wordingProblem("Who allocates a Pod IP? Which of these does “Allocated by: The API server” describe?")).toBe(
      null,
    );
  });
});
