// npm run bench (last part): what the dashboards cost as a class grows. Classes of 100, 300 and
// 1,000 learners with 60 days of generated activity (lib/classes/core/demo-activity.ts, the demo
// class's generator) on SQLite (a temporary file) and on PostgreSQL (BENCH_POSTGRES_URL or
// TEST_POSTGRES_URL; skipped when neither is set), then the time of the learner dashboard (mastery),
// the class insights, the class detail and both class CSVs (results.csv, items.csv), each next to one indexed query over the same rows (the
// quiz answers it reads). Figures and ratios only: nothing here passes or fails.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateClassActivity } from "../lib/classes/core/demo-activity";
import type { DemoCourse } from "../lib/classes/core/demo-types";
import { formatJoinCode } from "../lib/classes/core/results";
import { createClassInsights } from "../lib/classes/service/class-insights";
import { createClassService } from "../lib/classes/service/class-service";
import { DEMO_CLASS, demoAssignments, seedDemoClass } from "../lib/classes/service/demo-class";
import { loadContent } from "../lib/content/load-content";
import { createDb, type Db } from "../lib/db/create-db";
import { type DatabaseProvider, providerOf } from "../lib/db/database-url";
import { repositoriesFor } from "../lib/db/repositories-for";
import { loadDrills } from "../lib/drills/core/load-drills";
import { createProgressService } from "../lib/progress/service/progress-service";

/** Class sizes; BENCH_DASHBOARD_SIZES=20,50 for a quick look. */
const SIZES = (process.env.BENCH_DASHBOARD_SIZES ?? "100,300,1000").split(",").map(Number);
const root = path.resolve("content");
const library = loadContent(root);
const drills = loadDrills(root).drills;
const course: DemoCourse = { lessons: library.lessons, modules: library.modules, drills };
const drillLessons = () => new Map(drills.map((d) => [d.slug, d.lesson]));
const end = new Date();
const now = () => end;
const assignments = demoAssignments(course, end);
const run = randomBytes(3).toString("hex");

/** Why an operation could not be timed (it threw): printed in place of its figure. */
const failures = new Map<string, string>();

/** The median of `n` runs after one warm-up, in ms; NaN when it throws (the reason goes to `failures`). */
async function median(label: string, n: number, work: () => Promise<unknown>): Promise<number> {
  try {
    await work();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Prisma's messages end with the reason, after the invocation they quote.
    failures.set(
      label,
      message
        .split("\n")
        .filter((l) => /[a-z]{3}/i.test(l))
        .at(-1) ?? message,
    );
    return Number.NaN;
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

const ms = (t: number) => (Number.isNaN(t) ? "failed" : t < 10 ? `${t.toFixed(2)} ms` : `${t.toFixed(0)} ms`);

function migrate(url: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`could not migrate ${url}:\n${result.stdout}\n${result.stderr}`);
}

interface Figures {
  learners: number;
  dashboard: number;
  learnerAnswers: number;
  insights: number;
  detail: number;
  resultsCsv: number;
  itemsCsv: number;
  classAnswers: number;
}

async function measureClass(
  db: Db,
  provider: DatabaseProvider,
  instructorId: string,
  size: number,
  activity: ReturnType<typeof generateClassActivity>,
) {
  const started = performance.now();
  const seeded = await seedDemoClass(db, () => course, {
    instructorId,
    name: `Bench ${size}`,
    joinCode: formatJoinCode(new Uint8Array(randomBytes(8))),
    seed: DEMO_CLASS.seed,
    members: [],
    learners: size,
    days: DEMO_CLASS.days,
    end,
    assignments,
    passwordHash: async () => "bench: no password",
    emailFor: (email) => email.replace("@", `+bench-${run}-${size}@`),
    activity,
  });
  const rows = Object.values(seeded.counts!).reduce((a, b) => a + b, 0);
  console.log(
    `  class of ${size}: seeded ${rows.toLocaleString("en")} activity rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const repos = repositoriesFor(db, provider);
  const deps = { repos, library: () => library, drillLessons, now };
  const learner = seeded.memberIds[0]; // a steady learner: the busiest kind of dashboard
  const progress = createProgressService(deps);
  const insights = createClassInsights(deps);
  const classes = createClassService({
    ...deps,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    drills: () => drills,
  });
  const classId = seeded.classId;
  const heavy = size >= 1000 ? 3 : 5;
  const figures: Figures = {
    learners: size,
    dashboard: await median("dashboard", 9, () => progress.mastery(learner)),
    learnerAnswers: await median("learner answers", 9, () =>
      db.quizAnswer.findMany({ where: { attempt: { userId: learner } } }),
    ),
    insights: await median("insights", heavy, () => insights.insights(instructorId, classId)),
    detail: await median("detail", heavy, () => classes.classDetail(instructorId, classId)),
    resultsCsv: await median("results.csv", heavy, () => classes.resultsCsv(instructorId, classId)),
    itemsCsv: await median("items.csv", heavy, () => insights.itemsCsv(instructorId, classId)),
    classAnswers: await median("class answers", heavy, () =>
      db.quizAnswer.findMany({ where: { attempt: { user: { memberships: { some: { classId } } } } } }),
    ),
  };
  const line = (label: string, t: number, base: number, baseLabel: string, perLearner: boolean) =>
    console.log(
      `    ${label.padEnd(34)} ${ms(t).padStart(9)}   ${(Number.isNaN(t / base) ? "–" : `${(t / base).toFixed(1)}x`).padStart(7)} ${baseLabel} (${ms(base)})${
        perLearner && !Number.isNaN(t) ? `   ${ms(t / size)} per learner` : ""
      }`,
    );
  line("learner dashboard (mastery)", figures.dashboard, figures.learnerAnswers, "the learner's answers", false);
  line("class insights", figures.insights, figures.classAnswers, "the class's answers", true);
  line("class detail", figures.detail, figures.classAnswers, "the class's answers", true);
  line("results.csv", figures.resultsCsv, figures.classAnswers, "the class's answers", true);
  line("items.csv", figures.itemsCsv, figures.classAnswers, "the class's answers", true);
  for (const [what, why] of failures) console.log(`    ${what} failed: ${why}`);
  failures.clear();
  return figures;
}

async function bench(name: string, url: string, activity: ReturnType<typeof generateClassActivity>) {
  console.log(`\n${name}`);
  migrate(url);
  const db = createDb(url);
  try {
    const instructor = await repositoriesFor(db, providerOf(url)).users.create({
      email: `instructor+bench-${run}@example.test`,
      name: "Bench Instructor",
      passwordHash: "bench: no password",
      role: "INSTRUCTOR",
    });
    const all: Figures[] = [];
    for (const size of SIZES) all.push(await measureClass(db, providerOf(url), instructor.id, size, activity));
    const [small, large] = [all[0], all[all.length - 1]];
    const growth = (f: (x: Figures) => number) => {
      const ratio = f(large) / f(small);
      return Number.isNaN(ratio) ? "(failed)" : `${ratio.toFixed(1)}x`;
    };
    console.log(
      `    growth ${small.learners} → ${large.learners} learners (linear ${large.learners / small.learners}x): insights ${growth((x) => x.insights)}, class detail ${growth((x) => x.detail)}, results.csv ${growth((x) => x.resultsCsv)}, items.csv ${growth((x) => x.itemsCsv)}, the class's answers ${growth((x) => x.classAnswers)}, one learner's dashboard ${growth((x) => x.dashboard)}`,
    );
    // Everything this run made hangs off its users: deleting them cascades to their rows and classes.
    await db.user.deleteMany({ where: { email: { contains: `+bench-${run}` } } });
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const cpus = os.cpus();
  console.log(
    `kubelearn dashboard benchmark (Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  const started = performance.now();
  const activity = generateClassActivity(course, {
    seed: DEMO_CLASS.seed,
    learners: Math.max(...SIZES),
    days: DEMO_CLASS.days,
    end,
    assignments,
  });
  console.log(
    `generated ${Math.max(...SIZES)} learners × ${DEMO_CLASS.days} days in ${((performance.now() - started) / 1000).toFixed(1)} s; the smaller classes are their first learners`,
  );

  const file = path.join(os.tmpdir(), `kubelearn-bench-dashboards-${process.pid}.db`);
  try {
    await bench("SQLite (a temporary file)", `file:${file}`, activity);
  } finally {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  const postgres = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
  if (postgres) await bench("PostgreSQL", postgres, activity);
  else console.log("\nPostgreSQL: skipped (set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
