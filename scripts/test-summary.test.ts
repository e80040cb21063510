import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function summarise(files: Record<string, unknown>, steps = "typecheck pass\n") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-summary-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  fs.writeFileSync(path.join(dir, "steps.txt"), steps);
  const r = spawnSync(process.execPath, [path.resolve("scripts/test-summary.mjs"), dir], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, lines: r.stdout.trim().split("\n") };
}

const vitest = (over: object = {}) => ({
  numPassedTests: 5,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  success: true,
  testResults: [],
  ...over,
});
const playwright = (over: object = {}) => ({
  stats: { expected: 2, flaky: 0, unexpected: 0, skipped: 0, ...over },
  errors: [],
});

describe("the test summary line", () => {
  it("sums checks, Vitest and Playwright", () => {
    expect(summarise({ "vitest.json": vitest(), "playwright.json": playwright() })).toEqual({
      status: 0,
      lines: ["8 passed, 0 failed"],
    });
  });
  it("counts failed tests and failed checks, and exits non-zero", () => {
    const r = summarise(
      {
        "vitest.json": vitest({ numFailedTests: 2, success: false }),
        "playwright.json": playwright({ unexpected: 1 }),
      },
      "typecheck fail\n",
    );
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(["check failed: typecheck", "7 passed, 4 failed"]);
  });
  it("counts a Vitest run that failed before its tests, and a missing report, as failures", () => {
    const early = summarise({
      "vitest.json": vitest({ numPassedTests: 0, success: false }),
      "playwright.json": playwright(),
    });
    expect(early).toEqual({
      status: 1,
      lines: ["vitest: the run failed before its tests (see the output above)", "3 passed, 1 failed"],
    });
    const missing = summarise({ "vitest.json": vitest() });
    expect(missing.lines.at(-1)).toBe("6 passed, 1 failed");
  });
});
