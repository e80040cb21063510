import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Plain Node, as a tsx script or a client bundle would load these modules: without Next's
// `react-server` condition, `server-only` must throw (vitest.config.mts maps it away for the
// tests themselves, so this runs them in a child process).
const SERVER_ENTRIES = [
  "lib/db/client.ts",
  "lib/db/repositories.ts",
  "lib/classes/service/server.ts",
  "lib/drills/service/server.ts",
  "lib/flashcards/service/server.ts",
  "lib/progress/service/server.ts",
  "lib/quiz/service/server.ts",
];

// One import after another: Node 20 sometimes fails an assertion of its own ("This is caused by
// either a bug in Node.js…") when concurrent imports share a module whose evaluation throws, which
// made this test fail about one run in three. A module that failed once fails the same way again.
function loadInPlainNode(modules: string[]): Record<string, string> {
  const script = `(async () => {
    const outcomes = [];
    for (const m of ${JSON.stringify(modules.map((m) => `./${m}`))}) {
      outcomes.push(await import(m).then(() => "loaded", (err) => String(err.message)));
    }
    console.log(JSON.stringify(outcomes));
  })()`;
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["-e", script], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  const outcomes: string[] = JSON.parse(result.stdout.trim().split("\n").at(-1)!);
  return Object.fromEntries(modules.map((m, i) => [m, outcomes[i]]));
}

describe("lib/db/client", () => {
  it("and every service's server entry refuse to load outside a React Server environment", () => {
    const outcomes = loadInPlainNode([...SERVER_ENTRIES, "lib/db/create-db.ts"]);
    for (const entry of SERVER_ENTRIES) expect(outcomes[entry], entry).toMatch(/only be used from a Server Component/);
    // The factory scripts use has no marker.
    expect(outcomes["lib/db/create-db.ts"]).toBe("loaded");
  });
});
