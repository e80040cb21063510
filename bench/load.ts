// npm run bench:load [-- --learners 50 --seconds 20]: the quiz flow under load, on SQLite and then on
// PostgreSQL (the machine's local server, database kubelearn_bench, wiped first). For each: migrate
// and seed, create the learners, start the production server, sign every learner in through the
// sign-in endpoint, then each learner starts, answers and finishes quizzes through the JSON API for
// a fixed time (the first answer of each attempt sent twice at once, the last one racing the
// finish). Afterwards the database must hold every acknowledged answer exactly once, nothing the
// server refused, and each finished attempt's score must be the mean of its stored answers. Then
// the same learners' worth of clients drive a bare node:http server doing one INSERT per request
// (bench/load-baseline-server.ts) on the same database. Figures only: nothing here passes or fails
// on speed, but a broken invariant exits 1.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../lib/auth/password";
import { createDb } from "../lib/db/create-db";
import { UserRepository } from "../lib/db/user-repository";
import type { PublicQuestion, Response } from "../lib/quiz/core/types";
import { macIdScheme } from "../lib/quiz/service/public-id-scheme";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const LEARNERS = arg("learners", 50);
const SECONDS = arg("seconds", 20);
const APP_PORT = 3260;
const BASELINE_PORT = 3261;
const LESSON = "cluster-ip-vs-pod-ip";
const PASSWORD = "bench-password-long";
const AUTH_SECRET = "bench-load-secret-not-for-production-0123456789";
const bin = (name: string) => path.resolve("node_modules", ".bin", name);

// ── measuring ──────────────────────────────────────────────────────────────
type Route = "start" | "submit" | "finish" | "baseline";
const newStats = () => ({ latencies: [] as number[], errors: 0, refused: 0 });
type Stats = Record<Route, ReturnType<typeof newStats>>;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

function row(label: string, s: ReturnType<typeof newStats>, seconds: number) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(sorted, p).toFixed(1)} ms`.padStart(10);
  const extra = `${s.errors ? `  errors ${s.errors}` : ""}${s.refused ? `  refused (finished) ${s.refused}` : ""}`;
  console.log(
    `  ${label.padEnd(18)} ${String(sorted.length).padStart(7)} ${(sorted.length / seconds).toFixed(1).padStart(9)}/s ${ms(50)}${ms(95)}${ms(99)}${extra}`,
  );
  return sorted.length / seconds;
}
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

// ── HTTP as a learner ──────────────────────────────────────────────────────
interface Learner {
  email: string;
  cookie: string;
  /** The attempt being answered, carried from the warm-up into the measured run. */
  current?: { id: string; questions: PublicQuestion[]; next: number };
}
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

async function call(base: string, learner: Learner, path: string, body: unknown, stats: Stats[Route]) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: learner.cookie },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
  stats.latencies.push(performance.now() - t0);
  return { status: res.status, json };
}

/** A response that fits the question (right or wrong does not matter here). */
function responseFor(q: PublicQuestion): Response {
  switch (q.kind) {
    case "single":
    case "true-false":
    case "odd-one-out":
      return { kind: q.kind, optionId: q.options[0].id };
    case "multiple":
      return { kind: "multiple", optionIds: [q.options[0].id] };
    case "matching":
      return { kind: "matching", pairs: Object.fromEntries(q.items.map((i) => [i.id, q.choices[0].id])) };
    case "ordering":
      return { kind: "ordering", order: q.items.map((i) => i.id) };
    case "cloze":
      return { kind: "cloze", text: "Service" };
    default: {
      const unknown: never = q;
      throw new Error(`no response for ${JSON.stringify(unknown)}`);
    }
  }
}

/** What the server acknowledged, per attempt and public question id: how often, and how often as the first answer. */
type Ledger = Map<string, Map<string, { acks: number; firsts: number }>>;

async function startAttempt(base: string, learner: Learner, stats: Stats, ledger: Ledger) {
  const started = await call(
    base,
    learner,
    "/api/quiz/attempts",
    { scope: "lesson", target: LESSON, feedback: "immediate" },
    stats.start,
  );
  if (started.status !== 201) {
    stats.start.errors++;
    return;
  }
  const attempt = started.json.value as { id: string; questions: PublicQuestion[] };
  learner.current = { ...attempt, next: 0 };
  ledger.set(attempt.id, new Map());
}

/**
 * One learner until `until`: answers the current attempt's questions in order (the first one sent
 * twice at once, a double click; the last one at the same time as the finish), then starts the next.
 */
async function learnerLoop(base: string, learner: Learner, until: number, stats: Stats, ledger: Ledger) {
  while (performance.now() < until) {
    const attempt = learner.current;
    if (!attempt) {
      await startAttempt(base, learner, stats, ledger);
      continue;
    }
    const acked = ledger.get(attempt.id)!;
    const submit = async (q: PublicQuestion, racingFinish: boolean) => {
      const r = await call(
        base,
        learner,
        `/api/quiz/attempts/${attempt.id}/answers`,
        { questionId: q.id, response: responseFor(q) },
        stats.submit,
      );
      if (r.status === 200) {
        const entry = acked.get(q.id) ?? { acks: 0, firsts: 0 };
        entry.acks++;
        if (!(r.json.value as { duplicate: boolean }).duplicate) entry.firsts++;
        acked.set(q.id, entry);
      } else if (r.status === 409 && racingFinish) stats.submit.refused++;
      else stats.submit.errors++;
    };
    const finish = async () => {
      const r = await call(base, learner, `/api/quiz/attempts/${attempt.id}/finish`, {}, stats.finish);
      if (r.status !== 200) stats.finish.errors++;
    };
    const q = attempt.questions[attempt.next];
    const last = attempt.next === attempt.questions.length - 1;
    if (attempt.next === 0) await Promise.all([submit(q, false), submit(q, false)]);
    else if (last) await Promise.all([submit(q, true), finish()]);
    else await submit(q, false);
    attempt.next++;
    if (last) learner.current = undefined;
  }
}

async function baselineLoop(base: string, until: number, stats: Stats["baseline"], n: number) {
  for (let i = 0; performance.now() < until; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        attemptId: `a${n}`,
        questionId: `q${i}`,
        response: { kind: "single", optionId: "xxxxxxxxxxxxxxxx" },
      }),
    });
    await res.text();
    stats.latencies.push(performance.now() - t0);
    if (res.status !== 200) stats.errors++;
  }
}

// ── servers and databases ──────────────────────────────────────────────────
function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitFor(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A fresh database: SQLite a new file, PostgreSQL kubelearn_bench with its schema dropped; migrated and seeded. */
async function freshDatabase(provider: "sqlite" | "postgresql"): Promise<string> {
  let url = "file:./data/bench-load.db";
  if (provider === "sqlite") {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`data/bench-load.db${suffix}`, { force: true });
  } else {
    url = execFileSync("bash", ["scripts/local-postgres.sh", "kubelearn_bench"], { encoding: "utf8" }).trim();
    const db = createDb(url);
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS public CASCADE");
    await db.$executeRawUnsafe("CREATE SCHEMA public");
    await db.$disconnect();
  }
  run(bin("tsx"), ["scripts/db-migrate.ts"], { DATABASE_URL: url });
  run(bin("tsx"), ["scripts/seed.ts"], { DATABASE_URL: url });
  return url;
}

// ── the invariants ─────────────────────────────────────────────────────────
async function verify(url: string, ledger: Ledger): Promise<string[]> {
  const db = createDb(url);
  const problems: string[] = [];
  try {
    const ids = [...ledger.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const attempts = await db.quizAttempt.findMany({
        where: { id: { in: ids.slice(i, i + 500) } },
        select: {
          id: true,
          secret: true,
          questionIds: true,
          completedAt: true,
          score: true,
          answers: { select: { questionId: true, score: true, answeredAt: true } },
        },
      });
      for (const a of attempts) {
        const acked = ledger.get(a.id)!;
        const ids = macIdScheme(a.secret!);
        const stored = a.answers.map((s) => ids.question(s.questionId));
        const expected = [...acked.keys()];
        if (stored.length !== new Set(stored).size) problems.push(`${a.id}: an answer is stored twice`);
        if (JSON.stringify([...stored].sort()) !== JSON.stringify([...expected].sort()))
          problems.push(`${a.id}: stored ${stored.length} answers, acknowledged ${expected.length}`);
        for (const [q, e] of acked) if (e.firsts !== 1) problems.push(`${a.id} ${q}: ${e.firsts} first answers`);
        if (a.completedAt) {
          const mean = a.answers.reduce((sum, s) => sum + s.score, 0) / (JSON.parse(a.questionIds) as string[]).length;
          if (Math.abs((a.score ?? -1) - mean) > 1e-9)
            problems.push(`${a.id}: score ${a.score}, stored answers give ${mean}`);
          if (a.answers.some((s) => s.answeredAt > a.completedAt!))
            problems.push(`${a.id}: an answer after completion`);
        }
      }
      if (attempts.length !== Math.min(500, ids.length - i)) problems.push("an acknowledged attempt is missing");
    }
  } finally {
    await db.$disconnect();
  }
  return problems;
}

// ── one database ───────────────────────────────────────────────────────────
async function benchDatabase(provider: "sqlite" | "postgresql") {
  console.log(`\n${provider}: preparing (load average ${load()})`);
  const url = await freshDatabase(provider);
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

  const baseline = spawn(bin("tsx"), ["bench/load-baseline-server.ts", url, String(BASELINE_PORT)], {
    stdio: "ignore",
  });
  let baselineSeconds = 0;
  try {
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`);
    const t0 = performance.now();
    const until = t0 + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: LEARNERS }, (_, n) =>
        baselineLoop(`http://127.0.0.1:${BASELINE_PORT}`, until, stats.baseline, n),
      ),
    );
    baselineSeconds = (performance.now() - t0) / 1000;
  } finally {
    await stop(baseline);
  }

  console.log(`${provider}: ${LEARNERS} learners, ${seconds.toFixed(1)} s (load average ${load()})`);
  console.log(
    `  ${"route".padEnd(18)} ${"requests".padStart(7)} ${"rate".padStart(11)} ${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
  );
  row("POST attempts", stats.start, seconds);
  const submitRate = row("POST answers", stats.submit, seconds);
  row("POST finish", stats.finish, seconds);
  const baselineRate = row("baseline INSERT", stats.baseline, baselineSeconds);
  const total = stats.start.latencies.length + stats.submit.latencies.length + stats.finish.latencies.length;
  const acknowledged = [...ledger.values()].reduce((n, m) => n + m.size, 0);
  console.log(
    `  all app routes: ${(total / seconds).toFixed(1)}/s (${(total / seconds / baselineRate).toFixed(2)} of the baseline)`,
  );
  console.log(`  app/baseline submit ratio: ${(submitRate / baselineRate).toFixed(2)}`);
  console.log(
    `  verified ${ledger.size} attempts, ${acknowledged} acknowledged answers: ${problems.length ? `${problems.length} PROBLEMS` : "each stored exactly once, scores match"}`,
  );
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
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
