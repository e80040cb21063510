import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TEST_SQLITE_URL } from "./databases";

function migrate(url: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`could not migrate ${url}:\n${result.stdout}\n${result.stderr}`);
}

/** Vitest global setup: a fresh, migrated SQLite file, and the PostgreSQL test database if configured. */
export default function setup() {
  const file = path.resolve(TEST_SQLITE_URL.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  migrate(TEST_SQLITE_URL);
  if (process.env.TEST_POSTGRES_URL) migrate(process.env.TEST_POSTGRES_URL);
}
