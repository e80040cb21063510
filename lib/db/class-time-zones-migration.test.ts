import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// The class_time_zones migration gives users and classes a time zone (UTC for existing rows) and
// makes an assignment unique per quiz and class. Classes given one quiz twice before it keep the
// first assignment; their other assignments and everything else survive. Each database is migrated
// up to the previous migration, given such rows, then migrated on.

const MIGRATION = "_class_time_zones";

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

// Timestamps as literals both databases read (SQLite stores Prisma DateTimes as epoch milliseconds).
const OLD_ROWS = (time: (iso: string) => string) => [
  `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES ('t1', 'teacher@example.test', 'T', 'h', 'INSTRUCTOR')`,
  `INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'learner@example.test', 'L', 'h')`,
  `INSERT INTO "Class" ("id", "name", "joinCode", "instructorId") VALUES ('c1', 'Term', 'BCDF-GHJK', 't1')`,
  `INSERT INTO "ClassMember" ("id", "classId", "userId") VALUES ('m1', 'c1', 'u1')`,
  `INSERT INTO "Assignment" ("id", "classId", "scope", "target", "dueAt", "createdAt")
     VALUES ('a2', 'c1', 'lesson', 'cluster-ip-vs-pod-ip', ${time("2026-10-01T00:00:00Z")}, ${time("2026-09-02T00:00:00Z")})`,
  `INSERT INTO "Assignment" ("id", "classId", "scope", "target", "dueAt", "createdAt")
     VALUES ('a1', 'c1', 'lesson', 'cluster-ip-vs-pod-ip', ${time("2026-09-20T00:00:00Z")}, ${time("2026-09-01T00:00:00Z")})`,
  `INSERT INTO "Assignment" ("id", "classId", "scope", "target", "dueAt", "createdAt")
     VALUES ('a3', 'c1', 'module', 'services', ${time("2026-09-20T00:00:00Z")}, ${time("2026-09-03T00:00:00Z")})`,
];
const READ_USERS = `SELECT "id", "timeZone" FROM "User" ORDER BY "id"`;
const READ_CLASSES = `SELECT "id", "timeZone" FROM "Class"`;
const READ_ASSIGNMENTS = `SELECT "id" FROM "Assignment" ORDER BY "id"`;
const DUPLICATE = `INSERT INTO "Assignment" ("id", "classId", "scope", "target", "dueAt")
  VALUES ('a4', 'c1', 'module', 'services', CURRENT_TIMESTAMP)`;

const EXPECTED = {
  users: [
    { id: "t1", timeZone: "UTC" },
    { id: "u1", timeZone: "UTC" },
  ],
  classes: [{ id: "c1", timeZone: "UTC" }],
  assignments: [{ id: "a1" }, { id: "a3" }],
};

describe("the class_time_zones migration keeps classes stored before it", () => {
  it("on SQLite", () => {
    const file = path.resolve("data", `vitest-migration-tz-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const db = new Database(file);
    try {
      const { before, migration } = migrationsOf("sqlite");
      for (const m of before) db.exec(m.sql);
      for (const row of OLD_ROWS((iso) => String(Date.parse(iso)))) db.exec(row);
      db.exec(migration.sql);
      expect({
        users: db.prepare(READ_USERS).all(),
        classes: db.prepare(READ_CLASSES).all(),
        assignments: db.prepare(READ_ASSIGNMENTS).all(),
      }).toEqual(EXPECTED);
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "ClassMember"`).get()).toEqual({ n: 1 });
      expect(() => db.exec(DUPLICATE)).toThrow(/UNIQUE constraint failed/);
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
      fs.rmSync(file, { force: true });
    }
  });

  const postgresUrl = process.env.TEST_POSTGRES_URL;
  describe.runIf(postgresUrl)("on PostgreSQL", () => {
    const schema = `migration_tz_${process.pid}_${Date.now().toString(36)}`;
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
      for (const row of OLD_ROWS((iso) => `TIMESTAMP '${iso.replace("T", " ").replace("Z", "")}'`))
        await client.query(row);
      await client.query(migration.sql);
      expect({
        users: (await client.query(READ_USERS)).rows,
        classes: (await client.query(READ_CLASSES)).rows,
        assignments: (await client.query(READ_ASSIGNMENTS)).rows,
      }).toEqual(EXPECTED);
      await expect(client.query(DUPLICATE)).rejects.toThrow(/duplicate key value violates unique constraint/);
    });
  });
});
