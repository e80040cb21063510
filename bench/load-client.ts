// The load generator shared by bench/load.ts and bench/submit-ceiling.ts: learners as HTTP clients of
// the quiz JSON API (start, answer, finish, with the double click and the answer racing the finish),
// the bare-INSERT baseline's clients, and the per-route figures. Whatever serves the API (next start,
// or the ceiling's plain node:http server) gets exactly the same requests.
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { PublicQuestion, Response } from "../lib/quiz/core/types";

export const LESSON = "cluster-ip-vs-pod-ip";

// ── measuring ──────────────────────────────────────────────────────────────
export type Route = "start" | "submit" | "finish" | "baseline";
export const newStats = () => ({ latencies: [] as number[], errors: 0, refused: 0 });
export type Stats = Record<Route, ReturnType<typeof newStats>>;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

export function row(label: string, s: ReturnType<typeof newStats>, seconds: number) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(sorted, p).toFixed(1)} ms`.padStart(10);
  const extra = `${s.errors ? `  errors ${s.errors}` : ""}${s.refused ? `  refused (finished) ${s.refused}` : ""}`;
  console.log(
    `  ${label.padEnd(18)} ${String(sorted.length).padStart(7)} ${(sorted.length / seconds).toFixed(1).padStart(9)}/s ${ms(50)}${ms(95)}${ms(99)}${extra}`,
  );
  return sorted.length / seconds;
}
/** The table of one run's routes and the baseline; answers the submit and baseline rates. */
export function routeTable(stats: Stats, seconds: number, baselineSeconds: number) {
  console.log(
    `  ${"route".padEnd(18)} ${"requests".padStart(7)} ${"rate".padStart(11)} ${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
  );
  row("POST attempts", stats.start, seconds);
  const submitRate = row("POST answers", stats.submit, seconds);
  row("POST finish", stats.finish, seconds);
  const baselineRate = row("baseline INSERT", stats.baseline, baselineSeconds);
  return { submitRate, baselineRate };
}

/** What the check after a run found: every acknowledged answer stored once, or the problems. */
export function verifiedLine(ledger: Ledger, problems: string[]) {
  const acknowledged = [...ledger.values()].reduce((n, m) => n + m.size, 0);
  console.log(
    `  verified ${ledger.size} attempts, ${acknowledged} acknowledged answers: ${problems.length ? `${problems.length} PROBLEMS` : "each stored exactly once, scores match"}`,
  );
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
}

export const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

// ── HTTP as a learner ──────────────────────────────────────────────────────
export interface Learner {
  email: string;
  cookie: string;
  /** The attempt being answered, carried from the warm-up into the measured run. */
  current?: { id: string; questions: PublicQuestion[]; next: number };
}

export async function call(base: string, learner: Learner, path: string, body: unknown, stats: Stats[Route]) {
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
export function responseFor(q: PublicQuestion): Response {
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
export type Ledger = Map<string, Map<string, { acks: number; firsts: number }>>;

export async function startAttempt(base: string, learner: Learner, stats: Stats, ledger: Ledger) {
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
export async function learnerLoop(base: string, learner: Learner, until: number, stats: Stats, ledger: Ledger) {
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

export async function baselineLoop(base: string, until: number, stats: Stats["baseline"], n: number) {
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
