import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// The quiz_secrets migration turns QuizAttempt.seed from Int into text and adds the nullable
// secret and questions columns. Attempts and answers stored by the previous code must survive it
// with their seed's digits intact (the quiz service rebuilds such an attempt once from its seed).
// Each database is migrated up to the previous migration, given an old attempt, then migrated on.

const MIGRATION = "_quiz_secrets";

function migrationsOf(provider: "sqlite" | "postgres") {
  const dir = path.resolve("prisma", provider, "migrations");
  const all = fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
  const at = all.findIndex((m) => m.name.endsWith(MIGRATION));
  return { before: all.slice(0, at), migration: all[at] };
}

const OLD_ROWS = [
  `INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'old@example.test', 'Old', 'h')`,
  `INSERT INTO "QuizAttempt" ("id", "userId", "scope", "target", "seed", "feedback", "questionIds")
     VALUES ('a1', 'u1', 'lesson', 'cluster-ip-vs-pod-ip', 2147483646, 'end', '["q1","q2"]')`,
  `INSERT INTO "QuizAnswer" ("id", "attemptId", "questionId", "response", "score", "correct")
     VALUES ('n1', 'a1', 'q1', '{"kind":"single","optionId":"0j5bd83"}', 1, true)`,
];
const READ_BACK = `SELECT a."seed", a."secret", a."questions", a."questionIds", n."questionId", n."response"
  FROM "QuizAttempt" a JOIN "QuizAnswer" n ON n."attemptId" = a."id" WHERE a."id" = 'a1'`;
const EXPECTED = [
  {
    seed: "2147483646",
    secret: null,
    questions: null,
    questionIds: '["q1","q2"]',
    questionId: "q1",
    response: '{"kind":"single","optionId":"0j5bd83"}',
  },
];

describe("the quiz_secrets migration keeps attempts stored before it", () => {
  it("on SQLite", () => {
    const file = path.resolve("data", `vitest-migration-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const db = new Database(file);
    try {
      const { before, migration } = migrationsOf("sqlite");
      for (const m of before) db.exec(m.sql);
      for (const row of OLD_ROWS) db.exec(row);
      db.exec(migration.sql);
      expect(db.prepare(READ_BACK).all()).toEqual(EXPECTED);
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
      fs.rmSync(file, { force: true });
    }
  });

  const postgresUrl = process.env.TEST_POSTGRES_URL;
  describe.runIf(postgresUrl)("on PostgreSQL", () => {
    const schema = `migration_${process.pid}_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: postgresUrl });
    afterAll(async () => {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    });
    it("in a scratch schema", async () => {
      await client.connect();
      await client.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
      const { before, migration } = migrationsOf("postgres");
      for (const m of before) await client.query(m.sql);
      for (const row of OLD_ROWS) await client.query(row);
      await client.query(migration.sql);
      expect((await client.query(READ_BACK)).rows).toEqual(EXPECTED);
    });
  });
});
