import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../create-db";
import { providerOf } from "../database-url";
import { type Repositories, repositoriesFor } from "../repositories";

/** The migrated SQLite file global setup makes; no test writes to it. */
export const TEST_SQLITE_TEMPLATE = "data/vitest.db";
/**
 * Each Vitest worker tests on its own copy of the template: two processes writing one SQLite file
 * collide inside transactions (SQLITE_BUSY_SNAPSHOT), which no retry may repeat. Production runs
 * one process per SQLite file.
 */
export const testSqliteFile = (poolId: number) => `data/vitest-${poolId}.db`;
export const TEST_SQLITE_URL = `file:./${testSqliteFile(Number(process.env.VITEST_POOL_ID ?? 1))}`;

/**
 * The real databases integration tests run against: always a SQLite file, and PostgreSQL when
 * TEST_POSTGRES_URL is set (npm test and .ci/run start a local server and set it).
 */
export const testDatabases: { name: string; url: string }[] = [
  { name: "SQLite", url: TEST_SQLITE_URL },
  ...(process.env.TEST_POSTGRES_URL ? [{ name: "PostgreSQL", url: process.env.TEST_POSTGRES_URL }] : []),
];

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** Inside a describe block: a client and repositories on `url`, connected before and closed after its tests. */
export function repositoriesOn(url: string): { db: Db; repos: Repositories } {
  const ctx = {} as { db: Db; repos: Repositories };
  beforeAll(() => {
    ctx.db = createDb(url);
    ctx.repos = repositoriesFor(ctx.db, providerOf(url));
  });
  afterAll(() => ctx.db.$disconnect());
  return ctx;
}
