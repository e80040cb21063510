// The server of npm run bench:ceiling: the quiz JSON API (start, answer, finish) on a plain node:http
// server, doing per request what the app does minus Next.js, so the benchmark can tell how much of
// a submit's cost is Next.js and how much is the work itself. Per request, as proxy.ts does: a
// request id, one log line, the Content-Security-Policy; then, as the route handlers do: the session
// cookie decrypted with next-auth's `decode` and checked with the one read of the session version
// (a finish reads the whole user row, as `signedInUser` does), the body size- and depth-capped and
// parsed with the route's zod schema, the same quiz service on its own repositories (the `server`
// entry is server-only), and the answer as JSON with its length. Not done: gzip of bodies over 1 KB,
// Next's static headers, and the LTI score sending after a finish (no bench learner came from LTI).
// Env: DATABASE_URL, AUTH_SECRET; BENCH_CPU_PROFILE=DIR writes a V8 CPU profile of the time between
// listening and SIGTERM there. At SIGTERM its CPU time per request goes to stderr.
// Usage: tsx bench/submit-ceiling-server.ts <port>
import fs from "node:fs";
import http from "node:http";
import { Session } from "node:inspector/promises";
import path from "node:path";
import type { z } from "zod";
import { readSessionToken, sessionSecret } from "../lib/auth/session-cookie";
import { subjectForToken, userForToken } from "../lib/auth/session-token";
import { contentLibrary } from "../lib/content/library";
import { createDb } from "../lib/db/create-db";
import { databaseUrl, providerOf } from "../lib/db/database-url";
import { repositoriesFor } from "../lib/db/repositories-for";
import { DEFAULT_MAX_JSON_BYTES, jsonDepth, MAX_JSON_DEPTH } from "../lib/http/read-json-body";
import { requestIdFor } from "../lib/http/request-id";
import { contentSecurityPolicy } from "../lib/http/security-headers";
import { logger } from "../lib/log/logger";
import { newAttemptSecret, newAttemptSeed } from "../lib/quiz/service/attempt-secrets";
import { createPoolCache } from "../lib/quiz/service/pool-cache";
import { createQuizService, type QuizResult } from "../lib/quiz/service/quiz-service";
import { answerBodySchema, attemptIdSchema, startQuizSchema } from "../lib/quiz/service/schemas";
import { reportCpu } from "./server-cpu";

const port = Number(process.argv[2]);
const db = createDb(databaseUrl(), {
  onRetry: ({ operation, model, attempt, delayMs, error }) =>
    logger.warn({ operation, model, attempt, delayMs, err: error }, "database unavailable; trying again"),
});
const repos = repositoriesFor(db, providerOf(databaseUrl()));
// What lib/quiz/service/server.ts builds, on this process's client.
const quiz = createQuizService({
  repos,
  library: contentLibrary,
  now: () => new Date(),
  newSeed: newAttemptSeed,
  newSecret: newAttemptSecret,
  pools: createPoolCache(),
});

type Reply = { status: number; body: unknown };
const refuse = (status: number, error: string): Reply => ({ status, body: { ok: false, error } });
const result = <T>(r: QuizResult<T>, status = 200): Reply =>
  r.ok ? { status, body: { ok: true, value: r.value } } : refuse(r.status, r.error);
const SIGN_IN = refuse(401, "Sign in to take a quiz.");

/** The request's cookies as next's `cookies()` would list them. */
function cookieJar(header: string | undefined) {
  const all = (header ?? "").split(/;\s*/).flatMap((pair) => {
    const eq = pair.indexOf("=");
    return eq > 0 ? [{ name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)) }] : [];
  });
  return { getAll: () => all };
}

/** The body, capped while it streams as read-json-body.ts caps it, or null once it is too large. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DEFAULT_MAX_JSON_BYTES) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The checks of read-json-body.ts on a node request: type, size, UTF-8, depth, JSON, the schema. */
async function jsonBody<S extends z.ZodType>(req: http.IncomingMessage, schema: S): Promise<z.output<S> | Reply> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
    return refuse(400, "Send the body as JSON (Content-Type: application/json).");
  const bytes = await readBody(req);
  if (!bytes) return refuse(413, "The request body is too large.");
  let json: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (jsonDepth(text) > MAX_JSON_DEPTH) return refuse(400, "The request body nests too deeply.");
    json = JSON.parse(text);
  } catch {
    return refuse(400, "The request body must be JSON text in UTF-8.");
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : refuse(400, parsed.error.issues.map((i) => i.message).join("; "));
}

const isReply = (value: unknown): value is Reply =>
  typeof value === "object" && value !== null && "status" in value && "body" in value;

async function route(req: http.IncomingMessage): Promise<Reply> {
  const match = /^\/api\/quiz\/attempts(?:\/([^/]+)\/(answers|finish))?$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) return refuse(404, "Not found.");
  const token = await readSessionToken(cookieJar(req.headers.cookie), sessionSecret());
  if (!token) return SIGN_IN;
  const [, rawId, action] = match;
  if (action === "finish") {
    const user = await userForToken(token, (id) => repos.users.findById(id));
    if (!user) return SIGN_IN;
    const attemptId = attemptIdSchema.safeParse(decodeURIComponent(rawId));
    if (!attemptId.success) return refuse(404, "There is no such quiz attempt.");
    return result(await quiz.finish(user.id, attemptId.data));
  }
  const userId = await subjectForToken(token, (id) => repos.users.sessionVersionOf(id));
  if (!userId) return SIGN_IN;
  if (!action) {
    const input = await jsonBody(req, startQuizSchema);
    if (isReply(input)) return input;
    return result(await quiz.start(userId, input.scope, input.target, input.feedback), 201);
  }
  const attemptId = attemptIdSchema.safeParse(decodeURIComponent(rawId));
  if (!attemptId.success) return refuse(404, "There is no such quiz attempt.");
  const input = await jsonBody(req, answerBodySchema);
  if (isReply(input)) return input;
  return result(await quiz.submit(userId, attemptId.data, input.questionId, input.response));
}

let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  const requestId = requestIdFor(null, false);
  logger.info({ requestId, method: req.method, path: req.url?.split("?")[0] }, "request");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const send = ({ status, body }: Reply) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "x-request-id": requestId,
      "content-security-policy": contentSecurityPolicy({ nonce, development: false, https: false }),
    });
    res.end(text);
  };
  route(req)
    .then(send)
    .catch((err: Error) => {
      logger.error({ requestId, err }, "request failed");
      send(refuse(500, "Something went wrong."));
    });
});
server.keepAliveTimeout = 60_000;

/** The profiler (and the CPU count) runs from listening to SIGTERM: the learners' window, not the module loading before it. */
async function main() {
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const inspector = profileDir ? new Session() : null;
  if (inspector) {
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
  }
  const cpu = process.cpuUsage();
  process.once("SIGTERM", async () => {
    reportCpu("ceiling server", cpu, requests);
    if (inspector && profileDir) {
      const { profile } = await inspector.post("Profiler.stop");
      fs.mkdirSync(profileDir, { recursive: true });
      const file = path.join(profileDir, `ceiling-${providerOf(databaseUrl())}-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
    }
    process.exit(0);
  });
  server.listen(port, "127.0.0.1");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
