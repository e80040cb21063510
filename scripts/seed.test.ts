import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_SQLITE_URL } from "../lib/db/test-support/databases";

describe("scripts/seed.ts", () => {
  it("seeds the demo accounts and the demo class under plain Node (the app's client is server-only), once", () => {
    const classLines: string[] = [];
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed.ts"], {
        env: { ...process.env, DATABASE_URL: TEST_SQLITE_URL },
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("seed: learner learner@example.com");
      expect(result.stdout).toContain("seed: instructor instructor@example.com");
      classLines.push(result.stdout.split("\n").find((line) => line.startsWith("seed: demo class")) ?? "");
    }
    // The demo class with the demo learner and 36 generated learners, once.
    expect(classLines[0]).toMatch(/^seed: demo class K8SN-DMCL with 37 learners, \d+ activity rows/);
    expect(classLines[1]).toBe("seed: demo class K8SN-DMCL already there");
    // Two cold starts of tsx and a seed of 37 learners' activity: past 20 s when the other worker is busy.
  }, 60_000);
});
