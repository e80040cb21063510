// npm run test:faults: what happens to the production server when things go wrong underneath it.
//   (a) kill -9 under load on SQLite           (b) PostgreSQL restarted under load
//   (c) two instances on one PostgreSQL        (d) SIGTERM drains in-flight requests
// Builds first if the build is stale, runs each scenario against real servers (`next start`) and a
// throwaway PostgreSQL cluster of its own (never the machine's shared one), prints one line per
// check and exits 1 on any failure. Not part of npm test: it restarts databases. About 2 minutes.
// Ports: FAULTS_BASE_PORT (default 3270) to +3. Logs: data/faults/*.log.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { contentLibrary } from "../lib/content/library";
import { ThrowawayPostgres } from "../lib/db/test-support/throwaway-postgres";
import { Checks } from "./faults/checks";
import { killUnderLoad } from "./faults/kill-under-load";
import { postgresRestart } from "./faults/postgres-restart";
import { sigtermDrain } from "./faults/sigterm-drain";
import { twoInstances } from "./faults/two-instances";

const basePort = Number(process.env.FAULTS_BASE_PORT ?? 3270);
const logDir = path.resolve("data/faults");

function migrate(databaseUrl: string) {
  const result = spawnSync("./node_modules/.bin/tsx", ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate failed for ${databaseUrl}:\n${result.stdout}\n${result.stderr}`);
}

async function main() {
  const started = Date.now();
  const build = spawnSync("node", ["scripts/build-if-stale.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const lessonSlug = contentLibrary().lessons[0].slug;
  const checks = new Checks();

  const sqliteFile = path.join(logDir, "faults.db");
  const sqliteUrl = `file:${sqliteFile}`;
  migrate(sqliteUrl);
  try {
    await killUnderLoad(checks, { databaseUrl: sqliteUrl, port: basePort, logDir, lessonSlug });
  } catch (err) {
    checks.crashed("kill -9 under load", err);
  }

  if (!ThrowawayPostgres.available()) {
    checks.check("PostgreSQL server binaries are installed (scenarios b–d need them)", false);
  } else {
    const cluster = await ThrowawayPostgres.create();
    // Stop it even when the script is interrupted.
    process.once("exit", () => cluster.destroy());
    try {
      const databaseUrl = await cluster.createDatabase("kubelearn_faults");
      migrate(databaseUrl);
      const env = { databaseUrl, logDir, lessonSlug };
      const scenarios: [string, () => Promise<void>][] = [
        ["PostgreSQL restart", () => postgresRestart(checks, { ...env, cluster, port: basePort + 1 })],
        ["two instances", () => twoInstances(checks, { ...env, ports: [basePort + 2, basePort + 3] })],
        ["SIGTERM drains", () => sigtermDrain(checks, { ...env, port: basePort })],
      ];
      for (const [name, run] of scenarios) {
        try {
          await run();
        } catch (err) {
          checks.crashed(name, err);
        }
      }
    } finally {
      cluster.destroy();
    }
  }

  console.log(`faults: ${checks.summary()} in ${Math.round((Date.now() - started) / 1000)} s (server logs: ${logDir})`);
  process.exitCode = checks.failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
