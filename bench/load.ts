// npm run bench:load [-- --learners 50 --seconds 20]: the quiz flow under load, on SQLite and then on
// PostgreSQL (the machine's local server, database kubelearn_bench, wiped first). For each: migrate
// and seed, create the learners, start the production server, sign every learner in through the
// sign-in endpoint, then each learner starts, answers and finishes quizzes through the JSON API for
// a fixed time (the first answer of each attempt sent twice at once, the last one racing the
// finish). Afterwards the database must hold every acknowledged answer exactly once, nothing the
// server refused, and each finished attempt's score must be the mean of its stored answers. Then
// the same learners' worth of clients drive a bare node:http server doing one INSERT per request
// (bench/load-baseline-server.ts) on the same database. Figures only: nothing here passes or fails
// on speed, but a broken invariant exits 1. The learners' requests are in load-client.ts (shared
// with bench:ceiling), the databases, baseline and invariants in load-servers.ts.
import { execFileSync, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../lib/auth/password";
import { createDb } from "../lib/db/create-db";
import { UserRepository } from "../lib/db/user-repository";
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
import { freshDatabase, run, runBaseline, stop, verify, waitFor } from "./load-servers";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const LEARNERS = arg("learners", 50);
const SECONDS = arg("seconds", 20);
const APP_PORT = 3260;
const BASELINE_PORT = 3261;
const PASSWORD = "bench-password-long";
const AUTH_SECRET = "bench-load-secret-not-for-production-0123456789";

// ── signing in ─────────────────────────────────────────────────────────────
const cookiesOf = (res: globalThis.Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

async function signIn(base: string, email: string): Promise<Learner> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: "/" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return { email, cookie: session };
}

// ── one database ───────────────────────────────────────────────────────────
async function benchDatabase(provider: "sqlite" | "postgresql") {
  console.log(`\n${provider}: preparing (load average ${load()})`);
  const url = await freshDatabase(
    provider === "sqlite"
      ? "file:./data/bench-load.db"
      : execFileSync("bash", ["scripts/local-postgres.sh", "kubelearn_bench"], { encoding: "utf8" }).trim(),
  );
  const db = createDb(url);
  const users = new UserRepository(db);
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: LEARNERS }, (_, i) => `bench-${i}@example.test`);
  for (const email of emails) await users.create({ email, name: `Bench ${email}`, passwordHash });
  await db.$disconnect();

  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET, NODE_ENV: "production" as const };
  // BENCH_CPU_PROFILE=DIR: the app server writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const nextCli = path.resolve("node_modules", "next", "dist", "bin", "next");
  const app = spawn(process.execPath, [...profile, nextCli, "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    env,
    stdio: "ignore",
  });
  const stats: Stats = { start: newStats(), submit: newStats(), finish: newStats(), baseline: newStats() };
  const ledger: Ledger = new Map();
  const base = `http://127.0.0.1:${APP_PORT}`;
  let seconds = 0;
  try {
    await waitFor(`${base}/signin`);
    const learners: Learner[] = [];
    for (const email of emails) learners.push(await signIn(base, email));
    // Warm-up, not measured (but verified with the rest): every learner starts an attempt, so the
    // measured run does not open with a burst of ${LEARNERS} pool generations.
    const warm: Stats = { start: newStats(), submit: newStats(), finish: newStats(), baseline: newStats() };
    await Promise.all(learners.map((l) => startAttempt(base, l, warm, ledger)));
    console.log(`${provider}: ${LEARNERS} learners signed in; driving for ${SECONDS} s (load average ${load()})`);
    const t0 = performance.now();
    await Promise.all(learners.map((l) => learnerLoop(base, l, t0 + SECONDS * 1000, stats, ledger)));
    seconds = (performance.now() - t0) / 1000;
  } finally {
    await stop(app);
  }
  const problems = await verify(url, ledger);

  const baselineSeconds = await runBaseline(url, BASELINE_PORT, LEARNERS, SECONDS, stats);

  console.log(`${provider}: ${LEARNERS} learners, ${seconds.toFixed(1)} s (load average ${load()})`);
  const { submitRate, baselineRate } = routeTable(stats, seconds, baselineSeconds);
  const total = stats.start.latencies.length + stats.submit.latencies.length + stats.finish.latencies.length;
  console.log(
    `  all app routes: ${(total / seconds).toFixed(1)}/s (${(total / seconds / baselineRate).toFixed(2)} of the baseline)`,
  );
  console.log(`  app/baseline submit ratio: ${(submitRate / baselineRate).toFixed(2)}`);
  verifiedLine(ledger, problems);
  return { ratio: submitRate / baselineRate, problems: problems.length };
}

async function main() {
  console.log(
    `kubelearn load benchmark: ${LEARNERS} learners, ${SECONDS} s per database, ${os.cpus().length} cores (Node ${process.version})`,
  );
  run("node", ["scripts/build-if-stale.mjs"], {});
  const sqlite = await benchDatabase("sqlite");
  const postgres = await benchDatabase("postgresql");
  console.log(`\napp/baseline submit ratio: sqlite=${sqlite.ratio.toFixed(2)} postgresql=${postgres.ratio.toFixed(2)}`);
  if (sqlite.problems + postgres.problems > 0) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
