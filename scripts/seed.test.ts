import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_SQLITE_URL } from "../lib/db/test-support/databases";

describe("scripts/seed.ts", () => {
  it("runs under plain Node although the app's database client is server-only, and is idempotent", () => {
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed.ts"], {
        env: { ...process.env, DATABASE_URL: TEST_SQLITE_URL },
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("seed: learner learner@example.com");
      expect(result.stdout).toContain("seed: instructor instructor@example.com");
    }
  });
});
