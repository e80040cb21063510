// Sums the runners' JSON reports and the check steps into one line "N passed, N failed".
// Exits non-zero when anything failed, or when a runner that should have reported did not.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".reports";
const read = (name) => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

const steps = fs.existsSync(path.join(dir, "steps.txt"))
  ? fs.readFileSync(path.join(dir, "steps.txt"), "utf8").trim().split("\n").filter(Boolean)
  : [];
for (const line of steps) {
  const [name, result] = line.split(" ");
  if (result === "pass") passed++;
  else {
    failed++;
    notes.push(`check failed: ${name}`);
  }
}

const vitest = read("vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but is a failure all the same.
  const brokenSuites = vitest.testResults.filter(
    (r) => r.status === "failed" && r.assertionResults.length === 0,
  ).length;
  failed += brokenSuites;
  if (brokenSuites) notes.push(`vitest: ${brokenSuites} test file(s) failed to run`);
  // A run that fails before any test (its global set-up, say) reports success: false and nothing else.
  if (vitest.success === false && vitest.numFailedTests === 0 && brokenSuites === 0) {
    failed++;
    notes.push("vitest: the run failed before its tests (see the output above)");
  }
} else {
  failed++;
  notes.push("vitest: no report (the runner did not finish)");
}

const playwright = read("playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  for (const error of playwright.errors ?? []) {
    failed++;
    notes.push(`playwright: ${String(error.message).split("\n")[0]}`);
  }
} else {
  failed++;
  notes.push("playwright: no report (the build failed or the runner did not finish)");
}

for (const note of notes) console.log(note);
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
fs.writeFileSync(path.join(dir, "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
