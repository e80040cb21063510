import type { ThrowawayPostgres } from "../../lib/db/test-support/throwaway-postgres";
import type { Checks } from "./checks";
import { describeStatuses, Heartbeats } from "./heartbeats";
import { createLearners, signIn, storedSeconds } from "./learners";
import { NextServer } from "./next-server";
import { OutagePage } from "./outage-page";
import { checkStoredWrites } from "./stored-writes";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Down at least this long, beyond the data layer's retry budget (about 2 s), so some requests must give up. */
const OUTAGE_MS = 4_000;

/**
 * (b) PostgreSQL restarted under load: the database goes away for a few seconds while learners
 * write. Requests that cannot wait it out answer 503 (never 500, never a dropped connection), pages
 * say "briefly unavailable", nothing acknowledged is lost, and the same server process recovers.
 */
export async function postgresRestart(
  checks: Checks,
  env: { cluster: ThrowawayPostgres; databaseUrl: string; port: number; logDir: string; lessonSlug: string },
) {
  const scenario = "PostgreSQL restart under load";
  const server = new NextServer("postgres-restart", env.port, env.databaseUrl, env.logDir);
  const learners = await createLearners(env.databaseUrl, 8, "pgrestart");
  await server.start();
  const pid = server.pid;
  const load = new Heartbeats(learners, env.lessonSlug);
  let browser: OutagePage | null = null;
  try {
    for (const learner of learners) await signIn(server.baseURL, learner);
    browser = await OutagePage.open(server.baseURL, learners[0].cookie);
    load.start([server.baseURL]);
    await pause(2_000);
    const stoppedAt = Date.now();
    await env.cluster.stop("fast");
    // While it is down: the health probe, the raw page a client without JavaScript gets, and what a browser shows.
    const [health, raw, shown] = await Promise.all([
      fetch(`${server.baseURL}/api/health`),
      fetch(`${server.baseURL}/lessons`, { headers: { cookie: learners[0].cookie } }),
      browser.showsUnavailable("/lessons"),
    ]);
    const rawText = await raw.text();
    await pause(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    await env.cluster.start();
    const upAt = Date.now();
    const recovered = await browser.recoversOnRetry("Lessons");
    await pause(3_000);
    await load.stop();

    checks.check(
      `${scenario}: a signed-in page during the outage shows "briefly unavailable" with a retry button`,
      shown,
      `in chromium; the HTTP status is ${raw.status} (Next.js lets a page render set only 401, 403 or 404)`,
    );
    checks.check(`${scenario}: pressing "Try again" once the database is back shows the page`, recovered);
    checks.check(
      `${scenario}: the error page leaks no stack trace, only the outage digest`,
      // The payload sits in a script as an escaped string: E{\"digest\":\"DATABASE_UNAVAILABLE\"}.
      /E\{\\?"digest\\?":\\?"DATABASE_UNAVAILABLE/.test(rawText) && !/\bat .+\.js:\d+|Invalid `prisma/.test(rawText),
    );
    const during = load.statuses(stoppedAt, upAt);
    const failures = load.outcomes.filter((o) => o.status !== 200);
    checks.check(
      `${scenario}: requests that could not wait answered 503, none 500 or dropped`,
      (during[503] ?? 0) > 0 && failures.every((o) => o.status === 503),
      `during the outage ${describeStatuses(during)}`,
    );
    const unavailable = failures.find((o) => o.status === 503);
    checks.check(
      `${scenario}: a 503 says so in JSON, with Retry-After`,
      unavailable?.retryAfter === "2" && /briefly unavailable/.test(unavailable.body ?? ""),
      unavailable ? `Retry-After ${unavailable.retryAfter}; ${unavailable.body}` : "no 503 seen",
    );
    checks.check(`${scenario}: /api/health says 503 while the database is down`, health.status === 503);
    const afterwards = load.outcomes.filter((o) => o.at >= upAt + 1_000);
    checks.check(
      `${scenario}: the same server process recovered without a restart`,
      server.pid === pid && afterwards.length > 0 && afterwards.every((o) => o.status === 200),
      `pid ${pid} unchanged; ${describeStatuses(load.statuses(upAt + 1_000))} from 1 s after the database came back`,
    );
    const pageRequestId = raw.headers.get("x-request-id");
    const pageError = server
      .logLines()
      .find((l) => l.requestId === pageRequestId && l.digest === "DATABASE_UNAVAILABLE");
    checks.check(
      `${scenario}: the page's error is logged with the request id its response carried`,
      pageRequestId !== null && pageError !== undefined,
      pageError ? `${pageError.level}: ${pageError.msg} (${pageRequestId})` : `no line for ${pageRequestId}`,
    );
    const retried = server
      .logLines()
      .filter((l) => l.msg === "database unavailable for a moment; trying the query again");
    checks.check(`${scenario}: retries were logged as JSON`, retried.length > 0, `${retried.length} retry lines`);
    checkStoredWrites(checks, scenario, load, await storedSeconds(env.databaseUrl, learners, env.lessonSlug));
  } finally {
    await load.stop();
    await browser?.close();
    await server.stop();
  }
}
