// The CPU time of one quiz submit, step by step, with nothing else running: the ceiling server's
// steps (next-auth decode, session-version read, zod, the quiz service's submit, the JSON answer)
// called in turn in this process, one submit at a time, on a fresh database. No HTTP and no
// concurrency, so it is the least a submit costs in this stack; load barely moves it (waiting for a
// core is not CPU time). The first ten attempts warm up and are not counted.
// Usage: tsx bench/submit-steps.ts [database-url] (default: a fresh SQLite file)
import { encode } from "next-auth/jwt";
import { readSessionToken } from "../lib/auth/session-cookie";
import { claimsAtSignIn, subjectForToken } from "../lib/auth/session-token";
import { contentLibrary } from "../lib/content/library";
import { createDb } from "../lib/db/create-db";
import { providerOf } from "../lib/db/database-url";
import { repositoriesFor } from "../lib/db/repositories-for";
import { newAttemptSecret, newAttemptSeed } from "../lib/quiz/service/attempt-secrets";
import { createQuizService } from "../lib/quiz/service/quiz-service";
import { answerBodySchema } from "../lib/quiz/service/schemas";
import { LESSON, responseFor } from "./load-client";
import { freshDatabase } from "./load-servers";

// In development the content library reloads on every call (lib/content/library.ts); the server runs in production.
Object.assign(process.env, { NODE_ENV: "production" });
const url = process.argv[2] ?? "file:./data/bench-steps.db";
const ATTEMPTS = 60;
const WARM_UP = 10;
const SECRET = "bench-steps-secret-not-for-production-0123456789";
const COOKIE = "authjs.session-token";
const steps = { decode: 0, version: 0, zod: 0, submit: 0, json: 0 };

async function main() {
  await freshDatabase(url);
  const db = createDb(url);
  const repos = repositoriesFor(db, providerOf(url));
  const quiz = createQuizService({
    repos,
    library: contentLibrary,
    now: () => new Date(),
    newSeed: newAttemptSeed,
    newSecret: newAttemptSecret,
  });
  const user = await repos.users.create({ email: "steps@example.test", name: "Steps", passwordHash: "" });
  const claims = { name: user.name, email: user.email, ...claimsAtSignIn(user, new Date()) };
  const jwe = await encode({ token: claims, secret: SECRET, salt: COOKIE });
  const jar = { getAll: () => [{ name: COOKIE, value: jwe }] };
  let submits = 0;
  let wall = 0;
  for (let a = 0; a < ATTEMPTS; a++) {
    const started = await quiz.start(user.id, "lesson", LESSON, "immediate");
    if (!started.ok) throw new Error(started.error);
    const counted = a >= WARM_UP;
    for (const q of started.value.questions) {
      const body = JSON.stringify({ questionId: q.id, response: responseFor(q) });
      const t0 = performance.now();
      let since = process.cpuUsage();
      const step = (name: keyof typeof steps) => {
        const { user, system } = process.cpuUsage(since);
        if (counted) steps[name] += (user + system) / 1000;
        since = process.cpuUsage();
      };
      const token = await readSessionToken(jar, SECRET);
      step("decode");
      const userId = token && (await subjectForToken(token, (id) => repos.users.sessionVersionOf(id)));
      if (!userId) throw new Error("the session did not check out");
      step("version");
      const input = answerBodySchema.parse(JSON.parse(body));
      step("zod");
      const result = await quiz.submit(userId, started.value.id, input.questionId, input.response);
      if (!result.ok) throw new Error(result.error);
      step("submit");
      JSON.stringify({ ok: true, value: result.value });
      step("json");
      if (counted) {
        submits++;
        wall += performance.now() - t0;
      }
    }
  }
  await db.$disconnect();
  const cpu = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
  const each = (ms: number) => (ms / submits).toFixed(2);
  console.log(
    `${providerOf(url)}: ${submits} submits, ${each(cpu)} ms CPU each (${each(wall)} ms wall); ` +
      Object.entries(steps)
        .map(([name, ms]) => `${name} ${each(ms)}`)
        .join(", "),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
