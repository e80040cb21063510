import { spawnSync } from "node:child_process";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parse } from "gift-pegjs";
import { describe, expect, it } from "vitest";

const run = (args: string[]) =>
  spawnSync(path.resolve("node_modules/.bin/tsx"), [path.resolve("scripts/export.ts"), ...args], { encoding: "utf8" });

describe("npm run export", () => {
  it("prints a lesson's pool as GIFT that a GIFT parser reads, and says what it wrote on stderr", () => {
    const result = run(["gift", "cluster-ip-vs-pod-ip"]);
    expect(result.status).toBe(0);
    const questions = parse(result.stdout).filter((q) => q.type !== "Category");
    expect(questions.length).toBeGreaterThan(20);
    expect(result.stderr).toBe(`export: gift: ${questions.length} questions from ClusterIP vs Pod IP (seed 1)\n`);
  });

  it("prints a module's pool as well-formed Moodle XML for the seed given, and reports GIFT's left-out ordering questions", () => {
    const xml = run(["moodle-xml", "discovery", "--seed", "7"]);
    expect(xml.status).toBe(0);
    expect(XMLValidator.validate(xml.stdout)).toBe(true);
    expect(xml.stdout).toContain("seed 7");
    expect(xml.stdout).toContain('<question type="ordering">');
    const gift = run(["gift", "module:discovery", "--seed=7"]);
    expect(gift.status).toBe(0);
    expect(gift.stderr).toMatch(/^export: left out 1 ordering question: GIFT has no ordering question type/m);
  });

  it("refuses an unknown lesson or module with a readable error and exit code 1", () => {
    const result = run(["gift", "no-such-lesson"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^export: There is no lesson or module "no-such-lesson"\. Lessons: cluster-ip-vs-pod-ip, /,
    );
  });

  it("refuses an unknown format with exit code 1, and a command typed wrong with the usage and exit code 2", () => {
    const format = run(["pdf", "cluster-ip-vs-pod-ip"]);
    expect(format.status).toBe(1);
    expect(format.stderr).toBe('export: unknown format "pdf": use gift or moodle-xml\n');
    const typo = run(["gift", "cluster-ip-vs-pod-ip", "--seed", "x"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(
      "usage: npm run --silent export -- gift|moodle-xml <lesson-slug|module-id|course> [--seed N]",
    );
  });
});
