import type { Checks } from "./checks";
import { describeStatuses, Heartbeats } from "./heartbeats";
import { createLearners, signIn, storedSeconds } from "./learners";
import { NextServer } from "./next-server";
import { checkStoredWrites } from "./stored-writes";

const ROUNDS = 20;

/**
 * (c) Two instances on one PostgreSQL database, as behind a load balancer: each learner signs in on
 * one and then alternates between both. Sessions work on both (one AUTH_SECRET), each answer
 * continues the total the other instance left, and the rows add up.
 */
export async function twoInstances(
  checks: Checks,
  env: { databaseUrl: string; ports: [number, number]; logDir: string; lessonSlug: string },
) {
  const scenario = "two instances on one PostgreSQL";
  const a = new NextServer("instance-a", env.ports[0], env.databaseUrl, env.logDir);
  const b = new NextServer("instance-b", env.ports[1], env.databaseUrl, env.logDir);
  const learners = await createLearners(env.databaseUrl, 6, "twoinst");
  await Promise.all([a.start(), b.start()]);
  const load = new Heartbeats(learners, env.lessonSlug);
  try {
    // Half sign in on A, half on B: every session is then used on the other instance too.
    await Promise.all(learners.map((l, i) => signIn((i % 2 === 0 ? a : b).baseURL, l)));
    const totals = new Map<string, number[]>();
    await Promise.all(
      learners.map(async (learner, i) => {
        const order = i % 2 === 0 ? [a, b] : [b, a];
        const seen: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const outcome = await load.send(learner, order[round % 2].baseURL);
          if (outcome.total !== undefined) seen.push(outcome.total);
        }
        totals.set(learner.id, seen);
      }),
    );
    const statuses = load.statuses();
    checks.check(
      `${scenario}: sessions signed in on either instance are valid on both`,
      statuses[200] === learners.length * ROUNDS,
      `${describeStatuses(statuses)} over ${learners.length} learners × ${ROUNDS} alternating requests`,
    );
    const continuous = [...totals.values()].every((seen) => seen.every((total, i) => total === i + 1));
    checks.check(
      `${scenario}: each instance continues the total the other one stored`,
      continuous,
      "totals 1, 2, 3 … with every request on the other instance",
    );
    checkStoredWrites(checks, scenario, load, await storedSeconds(env.databaseUrl, learners, env.lessonSlug));
    const ids = [a, b].flatMap((s) =>
      s
        .logLines()
        .filter((l) => l.msg === "request")
        .map((l) => l.requestId),
    );
    checks.check(
      `${scenario}: every request logged once, with its own request id`,
      ids.length >= learners.length * ROUNDS && new Set(ids).size === ids.length,
      `${ids.length} request lines, ${new Set(ids).size} distinct ids`,
    );
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
