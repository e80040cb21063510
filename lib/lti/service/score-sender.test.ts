import { randomBytes } from "node:crypto";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/create-db";
import { LtiRepository } from "../../db/lti-repository";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { MAX_SCORE_TRIES } from "../core/score";
import { createScoreSender } from "./score-sender";
import { testPlatform, testToolKey } from "./test-support/platform";

/**
 * The repository with its sweep limited to one platform's rows: test files run at once on one
 * database, and a sweep here must not claim (or send) the rows another test is working on.
 */
class OnePlatformLti extends LtiRepository {
  constructor(
    private readonly raw: Db,
    private readonly platformId: string,
  ) {
    super(raw);
  }

  override async dueScores(now: Date, limit: number): Promise<string[]> {
    const ids = await super.dueScores(now, 100_000);
    const mine = await this.raw.ltiScoreSend.findMany({
      where: { id: { in: ids }, platformId: this.platformId },
      select: { id: true },
    });
    const keep = new Set(mine.map((r) => r.id));
    return ids.filter((id) => keep.has(id)).slice(0, limit);
  }
}

describe.each(testDatabases)("sending AGS scores on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const now = new Date("2026-06-01T09:00:00Z");

  /** A learner who launched a link to a lesson quiz with a line item, and a finished attempt on it. */
  async function finishedLaunch() {
    const p = await testPlatform(ctx.repos, now);
    const sub = `sub-${randomBytes(4).toString("hex")}`;
    const userId = await ctx.repos.lti.accountFor(p.platform.id, sub, {
      email: `${sub}@lti.invalid`,
      name: "Ada",
      passwordHash: "!",
      role: "LEARNER",
    });
    const link = await ctx.repos.lti.upsertResourceLink(
      p.platform.id,
      "rl-1",
      { kind: "lesson", id: "cluster-ip-vs-pod-ip" },
      `${p.platform.issuer}/lineitems/9?x=1`,
    );
    await ctx.repos.lti.recordLaunch(userId, link.id, now);
    const attempt = await ctx.db.quizAttempt.create({
      data: {
        userId,
        scope: "lesson",
        target: "cluster-ip-vs-pod-ip",
        seed: "1",
        feedback: "end",
        questionIds: "[]",
        completedAt: now,
        score: 0.6,
      },
    });
    const lti = new OnePlatformLti(ctx.db, p.platform.id);
    return { ...p, sub, userId, lti, learner: { id: userId, hasPassword: false }, attemptId: attempt.id };
  }

  /** A platform's token and score endpoints; `failScores` answers the first score POSTs with 503. */
  function fakePlatform(failScores: number) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const target = String(input);
      calls.push({ url: target, init: init ?? {} });
      if (target.endsWith("/token"))
        return Response.json({ access_token: "tok", token_type: "Bearer", expires_in: 3600 });
      const scorePosts = calls.filter((c) => c.url.includes("/scores")).length;
      return new Response(null, { status: scorePosts <= failScores ? 503 : 204 });
    }) as typeof globalThis.fetch;
    return { calls, fetch };
  }

  const sender = (fetch: typeof globalThis.fetch, clock: { now: Date } = { now }, lti: LtiRepository = ctx.repos.lti) =>
    createScoreSender({
      lti,
      now: () => clock.now,
      randomToken: () => randomBytes(16).toString("base64url"),
      toolKey: () => testToolKey(ctx.repos),
      fetch,
      log: () => {},
    });

  it("gets a token with a signed client assertion and posts the score to <lineitem>/scores (lti-ags/v2p0#score-publish-service)", async () => {
    const l = await finishedLaunch();
    const platform = fakePlatform(0);
    expect(await sender(platform.fetch).afterFinish(l.learner, l.attemptId)).toBe("sent");
    const [token, score] = platform.calls.filter((c) => c.url.endsWith("/token") || c.url.includes("/scores"));
    const form = new URLSearchParams(String(token.init.body));
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(form.get("scope")).toBe("https://purl.imsglobal.org/spec/lti-ags/scope/score");
    // security/v1p0#using-json-web-tokens-with-oauth-2-0-client-credentials-grant: iss and sub are the client id, aud the token endpoint.
    const key = await testToolKey(ctx.repos);
    await expect(
      jwtVerify(form.get("client_assertion")!, key.publicKey, {
        issuer: "client-1",
        subject: "client-1",
        audience: l.platform.authTokenUrl,
        currentDate: now,
      }),
    ).resolves.toBeTruthy();
    expect(score.url).toBe(`${l.platform.issuer}/lineitems/9/scores?x=1`);
    expect(new Headers(score.init.headers).get("content-type")).toBe("application/vnd.ims.lis.v1.score+json");
    expect(new Headers(score.init.headers).get("authorization")).toBe("Bearer tok");
    expect(JSON.parse(String(score.init.body))).toEqual({
      userId: l.sub,
      scoreGiven: 60,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: now.toISOString(),
    });
  });

  it("keeps a failed send pending, retries it, and never sends one attempt twice", async () => {
    const l = await finishedLaunch();
    const platform = fakePlatform(1);
    const scores = () => platform.calls.filter((c) => c.url.includes("/scores")).length;
    const clock = { now };
    expect(await sender(platform.fetch, clock, l.lti).afterFinish(l.learner, l.attemptId)).toBe("failed");
    const row = (await ctx.repos.lti.scoreSendFor({ attemptId: l.attemptId }))!;
    expect(row).toMatchObject({ status: "pending", tries: 1 });
    // A failed row waits for its backoff, however it is asked to go.
    expect(await sender(platform.fetch, clock, l.lti).send(row.id)).toBe("nothing");
    expect(await sender(platform.fetch, clock, l.lti).afterFinish(l.learner, l.attemptId)).toBe("nothing");
    clock.now = row.nextTryAt!;
    expect(await sender(platform.fetch, clock, l.lti).send(row.id)).toBe("sent");
    expect(await sender(platform.fetch).afterFinish(l.learner, l.attemptId)).toBe("nothing");
    const both = await Promise.all([sender(platform.fetch).send(row.id), sender(platform.fetch).send(row.id)]);
    expect(both).toEqual(["nothing", "nothing"]);
    expect(scores()).toBe(2);
  });

  it("retries a failed send when its backoff is due, not before, and a due row goes out once however many sweeps race", async () => {
    const l = await finishedLaunch();
    const platform = fakePlatform(1);
    const scores = () => platform.calls.filter((c) => c.url.includes("/scores")).length;
    const clock = { now };
    expect(await sender(platform.fetch, clock, l.lti).afterFinish(l.learner, l.attemptId)).toBe("failed");
    const row = (await ctx.repos.lti.scoreSendFor({ attemptId: l.attemptId }))!;
    expect(row).toMatchObject({ tries: 1, nextTryAt: new Date(now.getTime() + 60_000), lastError: expect.any(String) });
    // Not yet due: a sweep leaves it alone.
    await sender(platform.fetch, clock, l.lti).sweep(1000);
    expect(scores()).toBe(1);
    // Due: eight sweeps at once (eight processes), one score.
    clock.now = new Date(now.getTime() + 60_000);
    await Promise.all(Array.from({ length: 8 }, () => sender(platform.fetch, clock, l.lti).sweep(1000)));
    expect(scores()).toBe(2);
    expect(await ctx.repos.lti.scoreSendFor({ attemptId: l.attemptId })).toMatchObject({ status: "sent", tries: 2 });
  });

  it("gives up after the last try; the owner's Retry now gives one more, and nobody else's", async () => {
    const l = await finishedLaunch();
    const platform = fakePlatform(MAX_SCORE_TRIES);
    const clock = { now };
    expect(await sender(platform.fetch, clock, l.lti).afterFinish(l.learner, l.attemptId)).toBe("failed");
    for (let i = 1; i < MAX_SCORE_TRIES; i++) {
      clock.now = new Date(clock.now.getTime() + 7 * 3600_000);
      await sender(platform.fetch, clock, l.lti).sweep(1000);
    }
    const row = (await ctx.repos.lti.scoreSendFor({ attemptId: l.attemptId }))!;
    expect(row).toMatchObject({ status: "failed", tries: MAX_SCORE_TRIES, nextTryAt: null });
    const stranger = await ctx.repos.users.create({ email: uniqueEmail("stranger"), name: "S", passwordHash: "x" });
    expect(await sender(platform.fetch, clock, l.lti).retryNow(stranger.id, row.id)).toBeNull();
    const twice = await Promise.all([
      sender(platform.fetch, clock, l.lti).retryNow(l.platform.instructorId, row.id),
      sender(platform.fetch, clock, l.lti).retryNow(l.platform.instructorId, row.id),
    ]);
    expect(twice.sort()).toEqual(["nothing", "sent"]);
    expect(await sender(platform.fetch, clock, l.lti).retryNow(l.platform.instructorId, row.id)).toBeNull();
    expect(platform.calls.filter((c) => c.url.includes("/scores"))).toHaveLength(MAX_SCORE_TRIES + 1);
    const listed = await ctx.repos.lti.scoreSendsForInstructor(l.platform.instructorId, 10);
    expect(listed.find((r) => r.id === row.id)).toMatchObject({
      status: "sent",
      learnerName: "Ada",
      platformName: "LMS",
    });
    expect(await ctx.repos.lti.scoreSendsForInstructor(stranger.id, 10)).toEqual([]);
  });

  it("asks the database nothing when a learner with a password finishes a quiz or a drill step", async () => {
    const user = await ctx.repos.users.create({ email: uniqueEmail("no-lti"), name: "X", passwordHash: "x" });
    const attempt = await ctx.db.quizAttempt.create({
      data: {
        userId: user.id,
        scope: "lesson",
        target: "cluster-ip-vs-pod-ip",
        seed: "1",
        feedback: "end",
        questionIds: "[]",
        completedAt: now,
        score: 1,
      },
    });
    // Every query the LTI repository makes goes through a model of this Db: count them.
    let queries = 0;
    const counting = new Proxy(ctx.db, {
      get(target, prop, receiver) {
        const model = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || typeof model !== "object" || model === null) return model;
        return new Proxy(model, {
          get(m, method, r) {
            const fn = Reflect.get(m, method, r);
            return typeof fn === "function"
              ? (...args: unknown[]) => {
                  queries++;
                  return fn.apply(m, args);
                }
              : fn;
          },
        });
      },
    }) as Db;
    const lti = new LtiRepository(counting);
    const platform = fakePlatform(0);
    const learner = { id: user.id, hasPassword: true };
    expect(await sender(platform.fetch, { now }, lti).afterFinish(learner, attempt.id)).toBe("nothing");
    expect(await sender(platform.fetch, { now }, lti).afterDrillStep(learner, "dns-basics")).toBe("nothing");
    expect(queries).toBe(0);
    expect(platform.calls).toHaveLength(0);
    // The counter does count: the same call for an LTI account asks the database.
    await sender(platform.fetch, { now }, lti).afterFinish({ id: user.id, hasPassword: false }, attempt.id);
    expect(queries).toBeGreaterThan(0);
  });
});
