// npm run bench:ceiling [-- --learners 50 --seconds 15 --postgres URL]: how close a quiz submit could
// come to the bare-INSERT baseline without Next.js. The same learners and requests as bench:load
// (load-client.ts), served by a plain node:http server that calls the same session checks, schemas
// and quiz service (submit-ceiling-server.ts), then the same baseline on the same database. SQLite
// on a fresh file; PostgreSQL on --postgres, else BENCH_POSTGRES_URL or TEST_POSTGRES_URL, whose
// public schema is dropped first (skipped without one). Learners are made through the real
// repository, with the session cookie next-auth's sign-in would set (its `encode`, the same secret,
// salt and claims), since there is no sign-in endpoint here; their first attempts through the server.
// BENCH_CPU_PROFILE=DIR profiles the server's measured window. Figures only; a broken invariant exits 1.
import { spawn } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { claimsAtSignIn } from "../lib/auth/session-token";
import { createDb } from "../lib/db/create-db";
import { providerOf } from "../lib/db/database-url";
import { repositoriesFor } from "../lib/db/repositories-for";
import {
  type Learner,
  type Ledger,
  learnerLoop,
  load,
  newStats,
  routeTable,
  type Stats,
  startAttempt,
  verifiedLine,
} from "./load-client";
import { freshDatabase, runBaseline, stop, verify, waitFor } from "./load-servers";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const LEARNERS = Number(arg("learners") ?? 50);
const SECONDS = Number(arg("seconds") ?? 15);
const POSTGRES = arg("postgres") ?? (process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL);
const APP_PORT = Number(arg("port") ?? 3240);
const BASELINE_PORT = APP_PORT + 1;
const AUTH_SECRET = "bench-ceiling-secret-not-for-production-0123456789";
const COOKIE = "authjs.session-token";
const SESSION_MAX_AGE = 30 * 24 * 60 * 60; // lib/auth/auth.ts

/** The learners, each signed in: a session cookie as next-auth's sign-in would set it (no bcrypt, no endpoint). */
async function learnersOn(url: string): Promise<Learner[]> {
  const db = createDb(url);
  const users = repositoriesFor(db, providerOf(url)).users;
  const learners: Learner[] = [];
  try {
    for (let i = 0; i < LEARNERS; i++) {
      const email = `bench-${i}@example.test`;
      // No one signs in with a password here, so the hash is never checked.
      const user = await users.create({ email, name: `Bench ${i}`, passwordHash: "" });
      const token = { name: user.name, email: user.email, ...claimsAtSignIn(user, new Date()) };
      const jwe = await encode({ token, secret: AUTH_SECRET, salt: COOKIE, maxAge: SESSION_MAX_AGE });
      learners.push({ email, cookie: `${COOKIE}=${jwe}` });
    }
  } finally {
    await db.$disconnect();
  }
  return learners;
}

async function benchDatabase(name: string, url: string) {
  console.log(`\n${name}: preparing (load average ${load()})`);
  await freshDatabase(url);
  const ledger: Ledger = new Map();
  const learners = await learnersOn(url);
  const stats: Stats = { start: newStats(), submit: newStats(), finish: newStats(), baseline: newStats() };
  // Through node itself (not the tsx CLI, which runs the script in a child) so a profile is of the server.
  const server = spawn(process.execPath, ["--import", "tsx", "bench/submit-ceiling-server.ts", String(APP_PORT)], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${APP_PORT}`;
  let seconds = 0;
  try {
    await waitFor(`${base}/`);
    // As bench:load's warm-up (not measured, but verified): every learner starts an attempt through
    // the server, so its pool cache is as warm as next start's when the window opens.
    const warm: Stats = { start: newStats(), submit: newStats(), finish: newStats(), baseline: newStats() };
    await Promise.all(learners.map((l) => startAttempt(base, l, warm, ledger)));
    console.log(
      `${name}: ${LEARNERS} learners with an attempt each; driving for ${SECONDS} s (load average ${load()})`,
    );
    const t0 = performance.now();
    await Promise.all(learners.map((l) => learnerLoop(base, l, t0 + SECONDS * 1000, stats, ledger)));
    seconds = (performance.now() - t0) / 1000;
  } finally {
    await stop(server);
  }
  const problems = await verify(url, ledger);
  const baselineSeconds = await runBaseline(url, BASELINE_PORT, LEARNERS, SECONDS, stats);

  console.log(`${name}: ${LEARNERS} learners, ${seconds.toFixed(1)} s (load average ${load()})`);
  const { submitRate, baselineRate } = routeTable(stats, seconds, baselineSeconds);
  console.log(`  ceiling/baseline submit ratio: ${(submitRate / baselineRate).toFixed(2)}`);
  verifiedLine(ledger, problems);
  return { ratio: (submitRate / baselineRate).toFixed(2), problems: problems.length };
}

async function main() {
  console.log(
    `kubelearn submit ceiling: ${LEARNERS} learners, ${SECONDS} s per database, ${os.cpus().length} cores (Node ${process.version})`,
  );
  const sqlite = await benchDatabase("sqlite", "file:./data/bench-ceiling.db");
  const postgres = POSTGRES ? await benchDatabase("postgresql", POSTGRES) : null;
  if (!postgres)
    console.log("\npostgresql: skipped (pass --postgres URL, or set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)");
  console.log(`\nceiling/baseline submit ratio: sqlite=${sqlite.ratio} postgresql=${postgres?.ratio ?? "skipped"}`);
  if (sqlite.problems + (postgres?.problems ?? 0) > 0) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
