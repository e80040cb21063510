// Servers and databases for the load benchmarks (bench/load.ts, bench/submit-ceiling.ts): child
// processes started and stopped, a fresh migrated and seeded database, the bare-INSERT baseline
// driven by the shared clients, and the invariants checked afterwards.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "../lib/db/create-db";
import { providerOf, sqliteFilePath } from "../lib/db/database-url";
import { macIdScheme } from "../lib/quiz/service/public-id-scheme";
import { baselineLoop, type Ledger, type Stats } from "./load-client";

export const bin = (name: string) => path.resolve("node_modules", ".bin", name);

export function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export async function waitFor(url: string) {
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

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * A fresh database at `url`, migrated and seeded: a SQLite file is deleted first, a PostgreSQL
 * database has its public schema dropped (so the URL must name a database only benchmarks use).
 */
export async function freshDatabase(url: string): Promise<string> {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  } else {
    const db = createDb(url);
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS public CASCADE");
    await db.$executeRawUnsafe("CREATE SCHEMA public");
    await db.$disconnect();
  }
  run(bin("tsx"), ["scripts/db-migrate.ts"], { DATABASE_URL: url });
  run(bin("tsx"), ["scripts/seed.ts"], { DATABASE_URL: url });
  return url;
}

/**
 * The baseline (bench/load-baseline-server.ts) on `url`, driven by `learners` clients for `seconds`;
 * the measured seconds. Run after the app's window, so the two never share the machine.
 */
export async function runBaseline(url: string, port: number, learners: number, seconds: number, stats: Stats) {
  const baseline = spawn(bin("tsx"), ["bench/load-baseline-server.ts", url, String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: learners }, (_, n) => baselineLoop(`http://127.0.0.1:${port}`, until, stats.baseline, n)),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await stop(baseline);
  }
}

// ── the invariants ─────────────────────────────────────────────────────────
export async function verify(url: string, ledger: Ledger): Promise<string[]> {
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
