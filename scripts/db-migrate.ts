// Applies the migrations of the provider that DATABASE_URL names (SQLite by default).
import { spawnSync } from "node:child_process";
import { databaseUrl, providerOf } from "../lib/db/database-url";

const url = databaseUrl();
const provider = providerOf(url);
const result = spawnSync(
  "./node_modules/.bin/prisma",
  ["migrate", "deploy", "--config", `prisma/${provider}/prisma.config.ts`],
  { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } },
);
process.exit(result.status ?? 1);
