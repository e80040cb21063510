import type { Checks } from "./checks";
import { describeStatuses, Heartbeats } from "./heartbeats";
import { createLearners, signIn, storedSeconds } from "./learners";
import { NextServer } from "./next-server";
import { checkStoredWrites } from "./stored-writes";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * (a) kill -9 under load, on SQLite: learners write while the server is killed without warning and
 * started again on the same file. Nothing acknowledged may be missing, and the server answers again.
 */
export async function killUnderLoad(
  checks: Checks,
  env: { databaseUrl: string; port: number; logDir: string; lessonSlug: string },
) {
  const scenario = "kill -9 under load (SQLite)";
  const server = new NextServer("kill-9", env.port, env.databaseUrl, env.logDir);
  const learners = await createLearners(env.databaseUrl, 8, "kill9");
  await server.start();
  const load = new Heartbeats(learners, env.lessonSlug);
  try {
    for (const learner of learners) await signIn(server.baseURL, learner);
    load.start([server.baseURL]);
    await pause(2_000);
    const killedAt = Date.now();
    server.signal("SIGKILL");
    const exit = await server.exit(10_000);
    checks.check(`${scenario}: the server died at once`, exit?.signal === "SIGKILL", `exit ${JSON.stringify(exit)}`);
    await pause(500);
    await server.start();
    const restartedAt = Date.now();
    await pause(2_000);
    await load.stop();

    const before = load.statuses(0, killedAt);
    checks.check(`${scenario}: load ran before the kill`, (before[200] ?? 0) > 0, describeStatuses(before));
    const after = load.statuses(restartedAt);
    checks.check(
      `${scenario}: the restarted server answers every learner again`,
      (after[200] ?? 0) > 0 && Object.keys(after).every((s) => s === "200"),
      `after restart ${describeStatuses(after)}; sessions from before the kill still valid`,
    );
    const all = load.statuses();
    checks.check(
      `${scenario}: nothing but 200 or a refused connection while it was down`,
      Object.keys(all).every((s) => s === "200" || s === "network"),
      describeStatuses(all),
    );
    checkStoredWrites(checks, scenario, load, await storedSeconds(env.databaseUrl, learners, env.lessonSlug));
  } finally {
    await load.stop();
    await server.stop();
  }
}
