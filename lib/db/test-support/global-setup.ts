import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEST_SQLITE_TEMPLATE, testSqliteFile } from "./databases";

function migrate(url: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`could not migrate ${url}:\n${result.stdout}\n${result.stderr}`);
}

const removeSqlite = (file: string) => {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
};

/**
 * Vitest global setup: a fresh, migrated SQLite file copied once per worker, and the PostgreSQL test
 * database if configured (the workers share it; PostgreSQL takes concurrent writers).
 */
export default function setup(project: TestProject) {
  const template = path.resolve(TEST_SQLITE_TEMPLATE);
  fs.mkdirSync(path.dirname(template), { recursive: true });
  removeSqlite(template);
  migrate(`file:${template}`);
  // The migration closed its connection, so the template is whole in its main file.
  if (fs.existsSync(`${template}-wal`)) throw new Error(`${template} was left with a write-ahead log`);
  for (let poolId = 1; poolId <= project.config.maxWorkers; poolId++) {
    const copy = path.resolve(testSqliteFile(poolId));
    removeSqlite(copy);
    fs.copyFileSync(template, copy);
  }
  if (process.env.TEST_POSTGRES_URL) migrate(process.env.TEST_POSTGRES_URL);
}
