import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { staticImports } from "./test-support/static-imports";

// What the browser's first load of a page holds follows from the static imports of its client
// components (issue 14, "fast on a phone": every page at most 200 KB of script). Two things once
// made pages heavy by one import each, and these checks fail if either comes back: zod (31 KB, for
// schemas only the server parses with) and, on the drill page, the simulator (lib/sim, 125 KB),
// which the workspace loads with import() on the learner's first use of the terminal.

const clientComponents = execFileSync("grep", ["-rlE", "^.use client.", "components", "app"], { encoding: "utf8" })
  .trim()
  .split("\n");

describe("the browser's first-load script", () => {
  it("finds the client components to check", () => {
    expect(clientComponents).toContain("components/drills/drill-workspace.tsx");
    expect(clientComponents).toContain("components/quiz/quiz-player.tsx");
    expect(clientComponents).toContain("components/review/review-session.tsx");
  });

  it.each(clientComponents)("%s does not bring zod into the browser", (file) => {
    const chain = staticImports(file).packages.get("zod");
    expect(chain && `zod via ${chain.join(" > ")}`).toBeUndefined();
  });

  it("the drill page loads the simulator only when the terminal is used", () => {
    const { files } = staticImports("components/drills/drill-workspace.tsx");
    const sim = [...files].filter(([f]) => f.startsWith("lib/sim/")).map(([f, chain]) => [...chain, f].join(" > "));
    expect(sim).toEqual([]);
    // The engine chunk itself does have it: the check above is looking at the right graph.
    expect([...staticImports("components/drills/drill-engine.ts").files.keys()]).toContain("lib/sim/index.ts");
  });

  it("follows re-exports and stops at server actions, whose code stays on the server", () => {
    const { files, packages } = staticImports("components/drills/drill-workspace.tsx");
    expect(files.has("app/drills/actions.ts")).toBe(true);
    expect([...files.keys()].some((f) => f.startsWith("lib/drills/service/drill-service"))).toBe(false);
    expect(packages.has("react")).toBe(true);
  });
});
