import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./create-db";

// Why WAL with synchronous FULL: see SQLITE_PRAGMAS in ./driver-adapter.
describe("the SQLite connection", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-journal-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes ahead to a log and syncs it at every commit", async () => {
    const file = path.join(dir, "journal.db");
    const db = createDb(`file:${file}`, { retry: false });
    try {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
      expect(mode.journal_mode).toBe("wal");
      // 2 is FULL (sqlite.org/pragma.html#pragma_synchronous); NORMAL (1) could lose commits on power loss.
      expect(Number(sync.synchronous)).toBe(2);
      await db.$executeRawUnsafe("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      await db.$executeRawUnsafe("INSERT INTO t (id) VALUES (1)");
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await db.$disconnect();
    }
    // What was committed through the log is in the database for the next connection.
    const again = createDb(`file:${file}`, { retry: false });
    try {
      expect(await again.$queryRawUnsafe("SELECT id FROM t")).toEqual([{ id: 1 }]);
    } finally {
      await again.$disconnect();
    }
  });
});
