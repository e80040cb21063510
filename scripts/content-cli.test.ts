import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  authoredQuestionsYaml,
  lessonWith,
  lessonWithQuestions,
  lineContaining,
} from "../lib/content/test-support/lesson-fixture";
import { seedDocumentPath } from "../lib/content/test-support/seed";

const tsx = path.resolve("node_modules/.bin/tsx");
const run = (script: string, args: string[], cwd = process.cwd()) =>
  spawnSync(tsx, [path.resolve("scripts", script), ...args], { cwd, encoding: "utf8" });

describe("npm run content:check", () => {
  it("passes on the repository's content", () => {
    const result = run("content-check.ts", []);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/content:check: \d+ lessons? and \d+ drills? OK/);
    // A cold start of tsx and every drill walked on the simulator: past 20 s when the other worker is busy.
  }, 60_000);

  it("exits non-zero with file:line messages for a bad lesson", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-check-"));
    fs.mkdirSync(path.join(root, "testing"));
    fs.writeFileSync(path.join(root, "testing/module.yaml"), "title: T\norder: 1\ndescription: D\n");
    fs.writeFileSync(
      path.join(root, "testing/01-bad.md"),
      lessonWith("| Lifetime | Forever | Short |", "| Lifetime | Forever |"),
    );
    const result = run("content-check.ts", [root]);
    fs.rmSync(root, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/testing\/01-bad\.md:37: comparison row has 2 cells, the header has 3/);
    expect(result.stderr).toMatch(/content:check: 2 problems/);
  });

  it("fails on a hand-written question with no right option, at the line of its options", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-check-"));
    fs.mkdirSync(path.join(root, "testing"));
    fs.writeFileSync(path.join(root, "testing/module.yaml"), "title: T\norder: 1\ndescription: D\n");
    const source = lessonWithQuestions(authoredQuestionsYaml.replace("        correct: true\n", ""));
    fs.writeFileSync(path.join(root, "testing/01-bad.md"), source);
    const result = run("content-check.ts", [root]);
    fs.rmSync(root, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `testing/01-bad.md:${lineContaining(source, "    options:")}: frontmatter questions.0.options: mark exactly one option correct: 0 are marked`,
    );
  });
});

describe("npm run content:import", () => {
  const seed = seedDocumentPath();

  it("writes a draft skeleton into content/<module>/ and refuses to overwrite it", () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-import-"));
    const first = run("content-import.ts", [seed, "--module", "drafts"], cwd);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const written = path.join(cwd, "content/drafts/01-cluster-ip-vs-pod-ip.md");
    expect(fs.readFileSync(written, "utf8")).toContain("draft: true");
    expect(fs.existsSync(path.join(cwd, "content/drafts/module.yaml"))).toBe(true);
    // A second import of the same document gets the next order number rather than clobbering.
    const second = run("content-import.ts", [seed, "--module", "drafts"], cwd);
    expect(second.status).toBe(0);
    expect(fs.existsSync(path.join(cwd, "content/drafts/02-cluster-ip-vs-pod-ip.md"))).toBe(true);
    const check = run("content-check.ts", [path.join(cwd, "content")], cwd);
    expect(check.stderr).toContain('slug "cluster-ip-vs-pod-ip" is already used');
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it("explains a missing file", () => {
    const result = run("content-import.ts", ["/no/such/file.md"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content:import: no such file: /no/such/file.md");
  });
});
