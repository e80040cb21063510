import http from "node:http";
import pg from "pg";
import type { Checks } from "./checks";
import { createLearners, signIn, storedSeconds } from "./learners";
import { NextServer } from "./next-server";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IN_FLIGHT = 4;

/**
 * A request that is certainly in flight when SIGTERM arrives: its headers and half its body are
 * sent, and the rest follows only after the signal. Resolves with the status and body.
 */
function halfSentHeartbeat(baseURL: string, cookie: string, slug: string) {
  const body = JSON.stringify({ slug, seconds: 1 });
  const url = new URL("/api/progress", baseURL);
  let finish = () => {};
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent: false,
        headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.write(body.slice(0, 8));
    finish = () => request.end(body.slice(8));
  });
  return { response, finish: () => finish() };
}

/** Whether a new connection is still accepted on `port`. */
const accepts = (baseURL: string) =>
  fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

/** Sessions the server holds open on the database (PostgreSQL), ours excluded. */
async function databaseSessions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/**
 * (d) SIGTERM drains: requests in flight when the signal arrives complete with 200 and are stored,
 * new connections are refused, the process exits with 143, and its database sessions are gone.
 */
export async function sigtermDrain(
  checks: Checks,
  env: { databaseUrl: string; port: number; logDir: string; lessonSlug: string },
) {
  const scenario = "SIGTERM drains";
  const server = new NextServer("sigterm", env.port, env.databaseUrl, env.logDir);
  const learners = await createLearners(env.databaseUrl, IN_FLIGHT, "sigterm");
  await server.start();
  try {
    for (const learner of learners) await signIn(server.baseURL, learner);
    const sessionsBefore = await databaseSessions(env.databaseUrl);
    const requests = learners.map((l) => halfSentHeartbeat(server.baseURL, l.cookie, env.lessonSlug));
    await pause(500);
    const signalledAt = Date.now();
    server.signal("SIGTERM");
    await pause(300);
    const acceptsNew = await accepts(server.baseURL);
    for (const r of requests) r.finish();
    const answers = await Promise.all(
      requests.map((r) => r.response.catch((err: Error) => ({ status: 0, body: err.message }))),
    );
    checks.check(
      `${scenario}: requests in flight at SIGTERM complete with 200`,
      answers.every((a) => a.status === 200),
      answers.map((a) => a.status).join(", "),
    );
    checks.check(`${scenario}: no new connections once SIGTERM arrived`, !acceptsNew);
    const exit = await server.exit(20_000);
    checks.check(
      `${scenario}: the process exits, with 143 (128 + SIGTERM)`,
      exit?.code === 143,
      exit
        ? `exit ${JSON.stringify(exit)} ${((Date.now() - signalledAt) / 1000).toFixed(1)} s after the signal`
        : "still running after 20 s",
    );
    const stored = await storedSeconds(env.databaseUrl, learners, env.lessonSlug);
    checks.check(
      `${scenario}: the drained writes are stored`,
      learners.every((l) => stored.get(l.id) === 1),
      `${[...stored.values()].reduce((a, b) => a + b, 0)} of ${IN_FLIGHT}`,
    );
    const logged = server.logLines().some((l) => String(l.msg).startsWith("SIGTERM received"));
    checks.check(`${scenario}: the shutdown is logged`, logged);
    // PostgreSQL ends a session when it reads the closed socket; give it a moment.
    let sessionsAfter = await databaseSessions(env.databaseUrl);
    for (let i = 0; i < 50 && sessionsAfter > 0; i++) {
      await pause(100);
      sessionsAfter = await databaseSessions(env.databaseUrl);
    }
    checks.check(
      `${scenario}: the exited server left no database sessions behind`,
      sessionsAfter === 0,
      `${sessionsBefore} open while it ran, ${sessionsAfter} after it exited`,
    );
  } finally {
    await server.stop();
  }
}
