import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../lib/content/load-content";

const run = (args: string[]) =>
  spawnSync(path.resolve("node_modules/.bin/tsx"), [path.resolve("scripts/quiz-preview.ts"), ...args], {
    encoding: "utf8",
  });

describe("npm run quiz:preview -- --stats", () => {
  it("prints every lesson's pool by kind, source and concept, and its near-duplicate share", () => {
    const result = run(["--stats"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^cluster-ip-vs-pod-ip \(seed 1\): \d+ questions$/m);
    expect(result.stdout).toMatch(/^ {2}by kind: .*single \d+/m);
    expect(result.stdout).toMatch(/^ {2}by source: lesson \d+, simulator \d+, authored \d+$/m);
    expect(result.stdout).toMatch(/^ {2}by concept: cluster-ip \d+, pod-ip \d+$/m);
    expect(result.stdout).toMatch(/near-duplicates .*: \d+% of the structure questions$/m);
  });

  it("counts each lesson's hand-written questions as its authored source", () => {
    const result = run(["--stats"]);
    const { lessons } = loadContent(path.resolve("content"), { includeDrafts: true });
    const authored = [
      ...result.stdout.matchAll(/^(\S+) \(seed 1\):[^\n]*\n(?: {2}.*\n)*? {2}by source: .*authored (\d+)$/gm),
    ];
    expect(Object.fromEntries(authored.map((m) => [m[1], Number(m[2])]))).toEqual(
      Object.fromEntries(lessons.map((l) => [l.slug, l.authoredQuestions.length])),
    );
  });

  it("refuses an unknown lesson", () => {
    expect(run(["--stats", "no-such-lesson"]).status).toBe(2);
  });
});
