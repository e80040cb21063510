import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type RetryEvent } from "./create-db";
import { transientKind } from "./database-unavailable";
import { TEST_SQLITE_TEMPLATE } from "./test-support/databases";

// SQLite's transient error: another connection holds the file's write lock. better-sqlite3 waits
// its busy timeout (5 s) and then reports SQLITE_BUSY; the statement never ran, so the retrying
// client tries again. A copy of the migrated template keeps the lock away from other suites.
const file = path.resolve("data/vitest-busy.db");

describe("retries on a busy SQLite file", () => {
  afterAll(() => fs.rmSync(file, { force: true }));

  it("tries a write again once another writer's lock is gone, and stores it once", async () => {
    fs.copyFileSync(path.resolve(TEST_SQLITE_TEMPLATE), file);
    const retries: RetryEvent[] = [];
    const db = createDb(`file:${file}`, { onRetry: (e) => retries.push(e) });
    try {
      await db.user.count();
      const other = new Database(file);
      other.exec("BEGIN EXCLUSIVE");
      // Runs once the first try has given up (better-sqlite3 waits synchronously), before the retry.
      setTimeout(() => {
        other.exec("COMMIT");
        other.close();
      }, 50);
      const email = `busy-${Date.now()}@example.test`;
      await db.user.create({ data: { email, name: "Busy", passwordHash: "h" } });
      expect(retries).toHaveLength(1);
      expect(retries[0].operation).toBe("create");
      expect(transientKind(retries[0].error)).toBe("not-sent");
      expect(await db.user.count({ where: { email } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
