import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { loadContent } from "../../../content/load-content";
import { createDb, type Db } from "../../../db/create-db";
import { providerOf } from "../../../db/database-url";
import { type Repositories, repositoriesFor } from "../../../db/repositories";
import { uniqueEmail } from "../../../db/test-support/databases";
import { answerKey } from "../../core/grade";
import { toPublicResponse } from "../../core/public-ids";
import type { QuizSeed } from "../../core/seeded";
import type { Question, Response } from "../../core/types";
import { newAttemptSecret } from "../attempt-secrets";
import type { PoolCache } from "../pool-cache";
import { macIdScheme } from "../public-id-scheme";
import { type AttemptView, createQuizService, type QuizService } from "../quiz-service";

export const library = loadContent(path.resolve("content"));
export const lesson = library.lessons[0];

export interface StartedAttempt {
  user: { id: string };
  view: AttemptView;
  /** The server's own copy of the questions, in order, to answer right or wrong on purpose. */
  serverQuestions: Question[];
  secret: string;
}

/**
 * Inside a describe block: the quiz service on a real database, with crypto secrets and the
 * seeds `newSeed` gives (a counter unless the test needs the same draw twice), and its own pool
 * cache unless the test passes one.
 */
export function quizServiceOn(url: string, newSeed?: () => QuizSeed, pools?: PoolCache) {
  // Long, 64-bit-sized seeds: a short one ("1000") turns up by chance inside random ids, and the
  // tests assert the seed never reaches the browser.
  let nextSeed = 7_346_029_185_736_401n;
  const ctx = {} as { db: Db; repos: Repositories; service: QuizService };
  beforeAll(() => {
    ctx.db = createDb(url);
    ctx.repos = repositoriesFor(ctx.db, providerOf(url));
    ctx.service = createQuizService({
      repos: ctx.repos,
      library: () => library,
      now: () => new Date("2026-04-01T12:00:00Z"),
      newSeed: newSeed ?? (() => String(nextSeed++)),
      newSecret: newAttemptSecret,
      pools,
    });
  });
  afterAll(() => ctx.db.$disconnect());

  const learner = () => ctx.repos.users.create({ email: uniqueEmail("svc"), name: "Quiz Service", passwordHash: "h" });

  async function started(feedback: "immediate" | "end", user?: { id: string }): Promise<StartedAttempt> {
    const owner = user ?? (await learner());
    const start = await ctx.service.start(owner.id, "lesson", lesson.slug, feedback);
    if (!start.ok) throw new Error(start.error);
    const stored = (await ctx.repos.quizzes.find(owner.id, start.value.id))!;
    return { user: owner, view: start.value, serverQuestions: stored.questions!, secret: stored.secret! };
  }

  /** The key of a server question, in the public ids of the attempt with this secret. */
  const rightAnswer = (q: Question, secret: string): Response => toPublicResponse(q, answerKey(q), macIdScheme(secret));

  return { ctx, learner, started, rightAnswer };
}
