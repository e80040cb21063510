import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

describe.each(testDatabases)("the LTI repository on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const now = new Date("2026-06-01T09:00:00Z");
  const later = new Date("2026-06-01T09:20:00Z");
  const tag = () => Math.random().toString(36).slice(2, 10);

  async function instructorWithPlatform() {
    const instructor = await ctx.repos.users.create({
      email: uniqueEmail("lti-teacher"),
      name: "Teacher",
      passwordHash: "x",
      role: "INSTRUCTOR",
    });
    const platform = await ctx.repos.lti.createPlatform(
      instructor.id,
      {
        name: "Moodle",
        issuer: `https://lms-${tag()}.example`,
        clientId: "client-1",
        authLoginUrl: "https://lms.example/auth",
        authTokenUrl: "https://lms.example/token",
        jwksUrl: "https://lms.example/jwks",
        deploymentIds: ["1", "2"],
      },
      now,
    );
    if (!platform) throw new Error("not created");
    return { instructor, platform };
  }

  it("registers a platform once per issuer and client id, finds it, lists and deletes only the owner's", async () => {
    const { instructor, platform } = await instructorWithPlatform();
    expect(platform.deploymentIds).toEqual(["1", "2"]);
    const { issuer, clientId, ...rest } = platform;
    expect(await ctx.repos.lti.createPlatform(instructor.id, { ...rest, issuer, clientId }, now)).toBeNull();
    expect((await ctx.repos.lti.findPlatform(issuer, clientId))?.id).toBe(platform.id);
    expect((await ctx.repos.lti.findPlatform(issuer, undefined))?.id).toBe(platform.id);
    expect(await ctx.repos.lti.findPlatform(issuer, "other")).toBeNull();
    expect((await ctx.repos.lti.listPlatforms(instructor.id)).map((p) => p.id)).toEqual([platform.id]);
    const other = await instructorWithPlatform();
    expect(await ctx.repos.lti.deletePlatform(other.instructor.id, platform.id)).toBe(false);
    expect(await ctx.repos.lti.deletePlatform(instructor.id, platform.id)).toBe(true);
    expect(await ctx.repos.lti.findPlatformById(platform.id)).toBeNull();
  });

  it("deleting a registration deletes the accounts its launches made and its outbox, as its dialog says, and nothing else", async () => {
    const { instructor, platform } = await instructorWithPlatform();
    const other = await instructorWithPlatform();
    const learner = async (platformId: string) => {
      const userId = await ctx.repos.lti.accountFor(platformId, `sub-${tag()}`, {
        email: `${tag()}@lti.invalid`,
        name: "L",
        passwordHash: "lti-account:no-password",
        role: "LEARNER",
      });
      const attempt = await ctx.db.quizAttempt.create({
        data: { userId, scope: "lesson", target: "x", seed: "1", feedback: "end", questionIds: "[]", completedAt: now },
      });
      await ctx.db.ltiScoreSend.create({
        data: {
          attemptId: attempt.id,
          platformId,
          lineItemUrl: "https://lms.example/li",
          sub: "s",
          scoreGiven: 1,
          scoreMax: 1,
        },
      });
      return userId;
    };
    const mine = [await learner(platform.id), await learner(platform.id)];
    const theirs = await learner(other.platform.id);
    expect(await ctx.repos.lti.platformImpact(other.instructor.id, platform.id)).toBeNull();
    expect(await ctx.repos.lti.platformImpact(instructor.id, platform.id)).toEqual({
      accounts: 2,
      unsentScores: 2,
      sentScores: 0,
    });
    expect(await ctx.repos.lti.deletePlatform(other.instructor.id, platform.id)).toBe(false);
    expect(await ctx.db.user.count({ where: { id: { in: mine } } })).toBe(2);
    expect(await ctx.repos.lti.deletePlatform(instructor.id, platform.id)).toBe(true);
    expect(await ctx.db.user.count({ where: { id: { in: mine } } })).toBe(0);
    expect(await ctx.db.quizAttempt.count({ where: { userId: { in: mine } } })).toBe(0);
    expect(await ctx.db.ltiScoreSend.count({ where: { platformId: platform.id } })).toBe(0);
    // The instructor, the other platform and its learner are untouched.
    expect(await ctx.db.user.count({ where: { id: { in: [instructor.id, theirs] } } })).toBe(2);
    expect(await ctx.db.ltiScoreSend.count({ where: { platformId: other.platform.id } })).toBe(1);
  });

  it("gives a login state out once and not after it expires", async () => {
    const { platform } = await instructorWithPlatform();
    const state = `s-${tag()}`;
    await ctx.repos.lti.saveLaunchState({ state, nonce: `n-${tag()}`, platformId: platform.id, expiresAt: later });
    const [a, b] = await Promise.all([
      ctx.repos.lti.claimLaunchState(state, now),
      ctx.repos.lti.claimLaunchState(state, now),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const stale = `s-${tag()}`;
    await ctx.repos.lti.saveLaunchState({ state: stale, nonce: `n-${tag()}`, platformId: platform.id, expiresAt: now });
    expect(await ctx.repos.lti.claimLaunchState(stale, now)).toBeNull();
    expect(await ctx.repos.lti.deleteExpired(now)).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.ltiLaunchState.count({ where: { state: stale } })).toBe(0);
    expect(await ctx.db.ltiLaunchState.count({ where: { state } })).toBe(1);
  });

  it("keeps one account per platform and sub, follows the role, and claims a ticket once", async () => {
    const { platform } = await instructorWithPlatform();
    const sub = `sub-${tag()}`;
    const newUser = (role: "LEARNER" | "INSTRUCTOR") => ({
      email: `${tag()}@lti.invalid`,
      name: "Ada",
      passwordHash: "!",
      role,
    });
    const [first, second] = await Promise.all([
      ctx.repos.lti.accountFor(platform.id, sub, newUser("LEARNER")),
      ctx.repos.lti.accountFor(platform.id, sub, newUser("LEARNER")),
    ]);
    expect(first).toBe(second);
    await ctx.repos.lti.accountFor(platform.id, sub, newUser("INSTRUCTOR"));
    expect((await ctx.repos.users.findById(first))?.role).toBe("INSTRUCTOR");
    expect(await ctx.repos.lti.accountOf(first)).toEqual({ platformId: platform.id, sub });
    const tokenHash = `t-${tag()}`;
    await ctx.repos.lti.createTicket({ tokenHash, userId: first, redirectTo: "/lessons", expiresAt: later });
    expect(await ctx.repos.lti.claimTicket(tokenHash, now)).toEqual({ userId: first, redirectTo: "/lessons" });
    expect(await ctx.repos.lti.claimTicket(tokenHash, now)).toBeNull();
  });

  it("queues a finished attempt's score once, for the link the learner launched, and tracks its tries", async () => {
    const { platform } = await instructorWithPlatform();
    const sub = `sub-${tag()}`;
    const userId = await ctx.repos.lti.accountFor(platform.id, sub, {
      email: `${tag()}@lti.invalid`,
      name: "Ada",
      passwordHash: "!",
      role: "LEARNER",
    });
    const link = await ctx.repos.lti.upsertResourceLink(
      platform.id,
      "rl-1",
      { kind: "lesson", id: "cluster-ip-vs-pod-ip" },
      "https://lms.example/lineitems/9",
    );
    expect((await ctx.repos.lti.findResourceLink(platform.id, "rl-1"))?.target).toEqual(link.target);
    await ctx.repos.lti.recordLaunch(userId, link.id, now);
    const attempt = await ctx.db.quizAttempt.create({
      data: {
        userId,
        scope: "lesson",
        target: "cluster-ip-vs-pod-ip",
        seed: "1",
        feedback: "end",
        questionIds: "[]",
        completedAt: later,
        score: 0.75,
      },
    });
    const other = await ctx.db.quizAttempt.create({
      data: {
        userId,
        scope: "lesson",
        target: "another-lesson",
        seed: "1",
        feedback: "end",
        questionIds: "[]",
        completedAt: later,
        score: 1,
      },
    });
    expect(await ctx.repos.lti.queueScore(userId, other.id, 100)).toBeNull();
    const [queued, again] = await Promise.all([
      ctx.repos.lti.queueScore(userId, attempt.id, 100),
      ctx.repos.lti.queueScore(userId, attempt.id, 100),
    ]);
    expect(queued).toMatchObject({
      sub,
      scoreGiven: 75,
      scoreMax: 100,
      status: "pending",
      tries: 0,
      finishedAt: later,
    });
    expect(again?.id).toBe(queued?.id);
    expect(await ctx.repos.lti.dueScores(later, 1000)).toContain(queued!.id);
    const id = queued!.id;
    const lease = new Date(later.getTime() + 120_000);
    const claims = await Promise.all([
      ctx.repos.lti.claimScoreTry(id, 0, later, lease),
      ctx.repos.lti.claimScoreTry(id, 0, later, lease),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A process that read the row after that claim sees try count 1; the lease still refuses it.
    expect(await ctx.repos.lti.claimScoreTry(id, 1, later, lease)).toBe(false);
    // While the try holds its lease, the row is not due.
    expect(await ctx.repos.lti.dueScores(later, 1000)).not.toContain(id);
    // "Retry now" while the try is under way leaves the lease alone: no second claim, no second send.
    expect(await ctx.repos.lti.requeueScore(platform.instructorId, id, later)).toMatchObject({ id, tries: 1 });
    expect(await ctx.repos.lti.claimScoreTry(id, 1, later, lease)).toBe(false);
    expect(await ctx.repos.lti.dueScores(later, 1000)).not.toContain(id);
    const retryAt = new Date(later.getTime() + 60_000);
    await ctx.repos.lti.markScoreFailed(id, "503", retryAt);
    expect(await ctx.repos.lti.scoreSendFor({ attemptId: attempt.id })).toMatchObject({
      status: "pending",
      tries: 1,
      nextTryAt: retryAt,
      lastError: "503",
    });
    expect(await ctx.repos.lti.dueScores(later, 1000)).not.toContain(id);
    expect(await ctx.repos.lti.dueScores(retryAt, 1000)).toContain(id);
    await ctx.repos.lti.markScoreSent(id, later);
    expect((await ctx.repos.lti.scoreSendFor({ attemptId: attempt.id }))?.status).toBe("sent");
    expect(await ctx.repos.lti.claimScoreTry(id, 1, retryAt, lease)).toBe(false);
  });

  it("queues a completed drill run's score, once, for a drill link with a grade column", async () => {
    const { platform } = await instructorWithPlatform();
    const sub = `sub-${tag()}`;
    const userId = await ctx.repos.lti.accountFor(platform.id, sub, {
      email: `${tag()}@lti.invalid`,
      name: "Drill Learner",
      passwordHash: "!",
      role: "LEARNER",
    });
    const link = await ctx.repos.lti.upsertResourceLink(
      platform.id,
      `rl-drill-${tag()}`,
      { kind: "drill", id: "no-ready-pods" },
      "https://lms.example/lineitems/drill",
    );
    await ctx.repos.lti.recordLaunch(userId, link.id, now);
    const results = { a: { correct: true, at: now.toISOString() }, b: { correct: false, at: now.toISOString() } };
    // Not complete yet: nothing to send.
    await ctx.repos.drills.recordStep(userId, "no-ready-pods", 0, {
      events: [],
      results,
      stepStart: 0,
      completedAt: null,
    });
    expect(await ctx.repos.lti.queueDrillScore(userId, "no-ready-pods", 100)).toBeNull();
    await ctx.repos.drills.recordStep(userId, "no-ready-pods", 1, {
      events: [],
      results,
      stepStart: 0,
      completedAt: later,
    });
    const [queued, again] = await Promise.all([
      ctx.repos.lti.queueDrillScore(userId, "no-ready-pods", 100),
      ctx.repos.lti.queueDrillScore(userId, "no-ready-pods", 100),
    ]);
    expect(queued).toMatchObject({
      sub,
      attemptId: null,
      scoreGiven: 50,
      scoreMax: 100,
      status: "pending",
      finishedAt: later,
    });
    expect(again?.id).toBe(queued?.id);
    // Another drill, with no link to it: not an LTI grade.
    expect(await ctx.repos.lti.queueDrillScore(userId, "pods-come-and-go", 100)).toBeNull();
  });

  it("lists a user's own LTI account and launches, newest first, and no one else's", async () => {
    const { platform } = await instructorWithPlatform();
    const newUser = () => ({ email: `${tag()}@lti.invalid`, name: "L", passwordHash: "x", role: "LEARNER" as const });
    const me = await ctx.repos.lti.accountFor(platform.id, "sub-me", newUser());
    const them = await ctx.repos.lti.accountFor(platform.id, "sub-them", newUser());
    const quiz = await ctx.repos.lti.upsertResourceLink(platform.id, `rl-${tag()}`, { kind: "lesson", id: "a" }, null);
    const drill = await ctx.repos.lti.upsertResourceLink(platform.id, `rl-${tag()}`, { kind: "drill", id: "b" }, null);
    await ctx.repos.lti.recordLaunch(me, quiz.id, now);
    await ctx.repos.lti.recordLaunch(me, drill.id, later);
    await ctx.repos.lti.recordLaunch(them, quiz.id, later);
    const links = await ctx.repos.lti.linksOf(me);
    expect(links.account).toMatchObject({ platformName: "Moodle", issuer: platform.issuer, sub: "sub-me" });
    expect(links.launches).toEqual([
      { platformName: "Moodle", issuer: platform.issuer, target: { kind: "drill", id: "b" }, lastLaunchedAt: later },
      { platformName: "Moodle", issuer: platform.issuer, target: { kind: "lesson", id: "a" }, lastLaunchedAt: now },
    ]);
    const plain = await ctx.repos.users.create({ email: uniqueEmail("no-lti"), name: "P", passwordHash: "x" });
    expect(await ctx.repos.lti.linksOf(plain.id)).toEqual({ account: null, launches: [] });
  });

  it("keeps the first tool key stored when two processes store one", async () => {
    const id = `k-${tag()}`;
    const [a, b] = await Promise.all([
      ctx.repos.lti.saveToolKey(id, { kid: "a", privateKeyPem: "A" }),
      ctx.repos.lti.saveToolKey(id, { kid: "b", privateKeyPem: "B" }),
    ]);
    expect(a).toEqual(b);
  });
});
