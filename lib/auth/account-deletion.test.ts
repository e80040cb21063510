import { describe, expect, it } from "vitest";
import { giveHistory } from "../account-data/service/test-support/learner-history";
import type { Db } from "../db/create-db";
import { providerOf } from "../db/database-url";
import type { Prisma } from "../db/generated/sqlite/client";
import { repositoriesFor } from "../db/repositories";
import { repositoriesOn, testDatabases, uniqueEmail } from "../db/test-support/databases";
import { createAccountService, DELETION_REFUSALS, RECENT_SIGN_IN_MINUTES } from "./account-service";
import { createCredentialCheck } from "./credential-check";
import { logMailer } from "./mailer";
import { dummyPasswordHash, hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password";
import { SignInThrottle } from "./sign-in-throttle";
import { uniqueIp } from "./test-support/rate-limits";

type ModelName = (typeof Prisma.ModelName)[keyof typeof Prisma.ModelName];

/** What a user owns, found before the deletion: rows that hang off them through another row. */
interface Owned {
  userId: string;
  attemptIds: string[];
  classIds: string[];
  platformIds: string[];
}

/**
 * How many rows of each model belong to a user. Every model is listed (the type demands it), so a new
 * model must say here how it is owned before this test compiles. Rows reached through another row are
 * counted by the ids found before the deletion, so an orphan left behind would still count.
 */
const ROWS_OWNED: Record<ModelName, ((db: Db, o: Owned) => Promise<number>) | "not owned"> = {
  User: (db, o) => db.user.count({ where: { id: o.userId } }),
  PasswordResetToken: (db, o) => db.passwordResetToken.count({ where: { userId: o.userId } }),
  // Throttling counters are keyed by address and e-mail, expire by themselves, and tell nothing once the account is gone.
  RateLimit: "not owned",
  LessonProgress: (db, o) => db.lessonProgress.count({ where: { userId: o.userId } }),
  QuizAttempt: (db, o) => db.quizAttempt.count({ where: { OR: [{ userId: o.userId }, { id: { in: o.attemptIds } }] } }),
  QuizAnswer: (db, o) => db.quizAnswer.count({ where: { attemptId: { in: o.attemptIds } } }),
  FlashcardState: (db, o) => db.flashcardState.count({ where: { userId: o.userId } }),
  FlashcardReview: (db, o) => db.flashcardReview.count({ where: { userId: o.userId } }),
  SrsSettings: (db, o) => db.srsSettings.count({ where: { userId: o.userId } }),
  DrillProgress: (db, o) => db.drillProgress.count({ where: { userId: o.userId } }),
  OwnCard: (db, o) => db.ownCard.count({ where: { userId: o.userId } }),
  CardOverride: (db, o) => db.cardOverride.count({ where: { userId: o.userId } }),
  Class: (db, o) => db.class.count({ where: { OR: [{ instructorId: o.userId }, { id: { in: o.classIds } }] } }),
  ClassMember: (db, o) =>
    db.classMember.count({ where: { OR: [{ userId: o.userId }, { classId: { in: o.classIds } }] } }),
  Assignment: (db, o) => db.assignment.count({ where: { classId: { in: o.classIds } } }),
  // LTI: the registrations an instructor made and what hangs off them; a user's own LTI identity,
  // sign-in tickets, launches and score sends. (The accounts a deleted instructor's registrations
  // made are deleted too: a test below counts their rows on their own.)
  LtiPlatform: (db, o) =>
    db.ltiPlatform.count({ where: { OR: [{ instructorId: o.userId }, { id: { in: o.platformIds } }] } }),
  LtiLaunchState: (db, o) => db.ltiLaunchState.count({ where: { platformId: { in: o.platformIds } } }),
  LtiResourceLink: (db, o) => db.ltiResourceLink.count({ where: { platformId: { in: o.platformIds } } }),
  LtiAccount: (db, o) =>
    db.ltiAccount.count({ where: { OR: [{ userId: o.userId }, { platformId: { in: o.platformIds } }] } }),
  LtiLoginTicket: (db, o) => db.ltiLoginTicket.count({ where: { userId: o.userId } }),
  LtiLaunch: (db, o) =>
    db.ltiLaunch.count({ where: { OR: [{ userId: o.userId }, { link: { platformId: { in: o.platformIds } } }] } }),
  LtiScoreSend: (db, o) =>
    db.ltiScoreSend.count({
      where: { OR: [{ attemptId: { in: o.attemptIds } }, { platformId: { in: o.platformIds } }] },
    }),
  // The tool's own signing key belongs to the installation.
  LtiToolKey: "not owned",
};

async function ownedBy(db: Db, userId: string): Promise<Owned> {
  const [attempts, classes, platforms] = await Promise.all([
    db.quizAttempt.findMany({ where: { userId }, select: { id: true } }),
    db.class.findMany({ where: { instructorId: userId }, select: { id: true } }),
    db.ltiPlatform.findMany({ where: { instructorId: userId }, select: { id: true } }),
  ]);
  return {
    userId,
    attemptIds: attempts.map((a) => a.id),
    classIds: classes.map((c) => c.id),
    platformIds: platforms.map((p) => p.id),
  };
}

async function rowCounts(db: Db, owned: Owned): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [model, count] of Object.entries(ROWS_OWNED))
    if (count !== "not owned") counts[model] = await count(db, owned);
  return counts;
}

describe.each(testDatabases)("deleting an account on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const now = new Date("2026-06-01T09:00:00Z");

  function accounts() {
    const repos = repositoriesFor(ctx.db, providerOf(url));
    const checkCredentials = createCredentialCheck({
      findUserByEmail: (email) => repos.users.findByEmail(email),
      throttle: new SignInThrottle(ctx.db),
      verifyPassword,
      dummyPasswordHash,
    });
    const service = createAccountService({
      users: repos.users,
      passwordResets: repos.passwordResets,
      checkCredentials,
      mailer: logMailer(),
      now: () => now,
      appUrl: "http://kubelearn.test",
    });
    return { service, checkCredentials };
  }

  async function person(label: string, role: "LEARNER" | "INSTRUCTOR" = "LEARNER") {
    const email = uniqueEmail(label);
    const password = `${label}-password`;
    const user = await ctx.repos.users.create({ email, name: label, passwordHash: await hashPassword(password), role });
    return { user, email, password };
  }

  /** A registration of the user's with a login state and a link, and an LTI identity that launched it and sent a score. */
  async function giveLtiRows(userId: string) {
    // Far ahead, so the expiry sweeps other test files run at the same time leave these rows alone.
    const expiresAt = new Date("2100-01-01T00:00:00Z");
    const tag = Math.random().toString(36).slice(2, 10);
    const platform = await ctx.db.ltiPlatform.create({
      data: {
        instructorId: userId,
        name: "LMS",
        issuer: `https://lms-${tag}.example`,
        clientId: "c",
        authLoginUrl: "https://lms.example/auth",
        authTokenUrl: "https://lms.example/token",
        jwksUrl: "https://lms.example/jwks",
        deploymentIds: '["d"]',
      },
    });
    await ctx.db.ltiLaunchState.create({
      data: { state: `s-${tag}`, nonce: `n-${tag}`, platformId: platform.id, expiresAt },
    });
    const link = await ctx.db.ltiResourceLink.create({
      data: { platformId: platform.id, resourceLinkId: "rl", targetKind: "lesson", targetId: "x", lineItemUrl: null },
    });
    await ctx.db.ltiAccount.create({ data: { platformId: platform.id, sub: `sub-${tag}`, userId } });
    await ctx.db.ltiLoginTicket.create({ data: { tokenHash: `t-${tag}`, userId, redirectTo: "/", expiresAt } });
    await ctx.db.ltiLaunch.create({ data: { userId, linkId: link.id, launchedAt: now } });
    const attempt = await ctx.db.quizAttempt.findFirstOrThrow({ where: { userId } });
    await ctx.db.ltiScoreSend.create({
      data: {
        attemptId: attempt.id,
        platformId: platform.id,
        lineItemUrl: "https://lms.example/li",
        sub: "s",
        scoreGiven: 1,
        scoreMax: 1,
      },
    });
  }

  /** An instructor with history, a class with an assignment and a member, and a membership of another's class. */
  async function busyInstructor() {
    const me = await person("delete-me", "INSTRUCTOR");
    const other = await person("delete-other", "INSTRUCTOR");
    const learner = await person("delete-learner");
    await giveHistory(ctx.repos, me.user.id, now, 0);
    await giveHistory(ctx.repos, other.user.id, now, 1);
    await giveHistory(ctx.repos, learner.user.id, now, 2);
    const code = () => `J${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const mine = await ctx.repos.classes.create(me.user.id, { name: "Mine", joinCode: code(), timeZone: "UTC" }, now);
    await ctx.db.assignment.create({
      data: { classId: mine.id, scope: "lesson", target: "cluster-ip-vs-pod-ip", dueAt: now },
    });
    await ctx.repos.classes.join(learner.user.id, mine.joinCode, now);
    const theirs = await ctx.repos.classes.create(
      other.user.id,
      { name: "Theirs", joinCode: code(), timeZone: "UTC" },
      now,
    );
    await ctx.repos.classes.join(me.user.id, theirs.joinCode, now);
    await ctx.repos.classes.join(learner.user.id, theirs.joinCode, now);
    await giveLtiRows(me.user.id);
    return { me, other, learner, mine, theirs };
  }

  it("removes the user and every row they own, and nothing of anyone else's", async () => {
    const { me, other, learner, mine, theirs } = await busyInstructor();
    // One class of their own with one learner in it; their own membership of another's class is not counted.
    expect(await accounts().service.deletionImpact(me.user.id)).toMatchObject({ classes: 1, enrolments: 1 });
    const owned = await ownedBy(ctx.db, me.user.id);
    const before = await rowCounts(ctx.db, owned);
    // Every owned table really has rows to delete (or the test would prove nothing).
    for (const [model, n] of Object.entries(before)) expect(n, model).toBeGreaterThan(0);
    const otherOwned = await ownedBy(ctx.db, other.user.id);
    const learnerOwned = await ownedBy(ctx.db, learner.user.id);
    const otherBefore = await rowCounts(ctx.db, otherOwned);
    const learnerBefore = await rowCounts(ctx.db, learnerOwned);

    const deleted = await accounts().service.deleteAccount(me.user.id, {
      kind: "password",
      password: me.password,
      ip: uniqueIp(),
    });
    expect(deleted).toEqual({ ok: true, value: { email: me.email } });

    const after = await rowCounts(ctx.db, owned);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((m) => [m, 0])));
    // The other instructor keeps everything: their class loses only the deleted member.
    expect(await rowCounts(ctx.db, otherOwned)).toEqual({ ...otherBefore, ClassMember: otherBefore.ClassMember - 1 });
    expect(await ctx.db.classMember.count({ where: { classId: theirs.id } })).toBe(1);
    // The learner keeps their own work; only the membership of the deleted class went with it.
    expect(await rowCounts(ctx.db, learnerOwned)).toEqual({
      ...learnerBefore,
      ClassMember: learnerBefore.ClassMember - 1,
    });
    expect(await ctx.db.classMember.count({ where: { classId: mine.id } })).toBe(0);
  });

  it("refuses a wrong password and deletes nothing; afterwards the old credentials no longer sign in", async () => {
    const learner = await person("delete-learner-2");
    await giveHistory(ctx.repos, learner.user.id, now);
    const owned = await ownedBy(ctx.db, learner.user.id);
    const before = await rowCounts(ctx.db, owned);
    const { service, checkCredentials } = accounts();
    const ip = uniqueIp();

    expect(await service.deleteAccount(learner.user.id, { kind: "password", password: "not-it", ip })).toEqual({
      ok: false,
      error: "That is not your password. Your account has not been deleted.",
    });
    expect(await rowCounts(ctx.db, owned)).toEqual(before);
    expect(await checkCredentials({ email: learner.email, password: learner.password, ip })).toMatchObject({
      ok: true,
    });

    expect(
      await service.deleteAccount(learner.user.id, { kind: "password", password: learner.password, ip }),
    ).toMatchObject({
      ok: true,
    });
    expect(await checkCredentials({ email: learner.email, password: learner.password, ip })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await service.deleteAccount(learner.user.id, { kind: "password", password: learner.password, ip })).toEqual({
      ok: false,
      error: "Your account no longer exists.",
    });
  });

  /** A learner made by an LTI launch (no password), with history, a launch, a ticket and a queued score on a platform someone else registered. */
  async function ltiLearner() {
    const owner = await person("lti-owner", "INSTRUCTOR");
    const tag = Math.random().toString(36).slice(2, 10);
    const platform = await ctx.db.ltiPlatform.create({
      data: {
        instructorId: owner.user.id,
        name: "LMS",
        issuer: `https://lms-${tag}.example`,
        clientId: "c",
        authLoginUrl: "https://lms.example/auth",
        authTokenUrl: "https://lms.example/token",
        jwksUrl: "https://lms.example/jwks",
        deploymentIds: '["d"]',
      },
    });
    const userId = await ctx.repos.lti.accountFor(platform.id, `sub-${tag}`, {
      email: `${tag}@lti.invalid`,
      name: "LTI learner",
      passwordHash: UNUSABLE_PASSWORD_HASH,
      role: "LEARNER",
    });
    await giveHistory(ctx.repos, userId, now, 3);
    const link = await ctx.repos.lti.upsertResourceLink(platform.id, `rl-${tag}`, { kind: "lesson", id: "x" }, null);
    await ctx.repos.lti.recordLaunch(userId, link.id, now);
    await ctx.db.ltiLoginTicket.create({
      data: { tokenHash: `t-${tag}`, userId, redirectTo: "/", expiresAt: new Date("2100-01-01T00:00:00Z") },
    });
    const attempt = await ctx.db.quizAttempt.findFirstOrThrow({ where: { userId } });
    await ctx.db.ltiScoreSend.create({
      data: {
        attemptId: attempt.id,
        platformId: platform.id,
        lineItemUrl: "https://lms.example/li",
        sub: `sub-${tag}`,
        scoreGiven: 1,
        scoreMax: 1,
      },
    });
    return { userId, platform, link, owner };
  }

  it("deletes with an instructor the accounts their LTI platforms' launches made, table by table, as deleting each registration does", async () => {
    const mine = await ltiLearner();
    const elsewhere = await ltiLearner(); // launched from another instructor's platform
    const { service } = accounts();
    expect(await service.deletionImpact(mine.owner.user.id)).toEqual({
      classes: 0,
      enrolments: 0,
      platforms: 1,
      launchAccounts: 1,
    });
    const launched = await ownedBy(ctx.db, mine.userId);
    const before = await rowCounts(ctx.db, launched);
    for (const model of ["User", "QuizAttempt", "FlashcardReview", "LtiAccount", "LtiLaunch", "LtiScoreSend"])
      expect(before[model], model).toBeGreaterThan(0);
    const untouched = await ownedBy(ctx.db, elsewhere.userId);
    const untouchedBefore = await rowCounts(ctx.db, untouched);

    const deleted = await service.deleteAccount(mine.owner.user.id, {
      kind: "password",
      password: mine.owner.password,
      ip: uniqueIp(),
    });
    expect(deleted).toMatchObject({ ok: true });
    expect(await rowCounts(ctx.db, launched)).toEqual(Object.fromEntries(Object.keys(before).map((m) => [m, 0])));
    expect(await ctx.db.ltiPlatform.count({ where: { id: mine.platform.id } })).toBe(0);
    expect(await rowCounts(ctx.db, untouched)).toEqual(untouchedBefore);
  });

  it("deletes an LTI learner (no password) with the phrase from a recent sign-in, with their LTI rows", async () => {
    const { userId, platform, link } = await ltiLearner();
    const owned = await ownedBy(ctx.db, userId);
    const before = await rowCounts(ctx.db, owned);
    for (const model of ["User", "QuizAttempt", "LtiAccount", "LtiLaunch", "LtiLoginTicket", "LtiScoreSend"])
      expect(before[model], model).toBeGreaterThan(0);
    const { service } = accounts();
    const recent = new Date(now.getTime() - (RECENT_SIGN_IN_MINUTES - 1) * 60_000);
    const stale = new Date(now.getTime() - (RECENT_SIGN_IN_MINUTES + 1) * 60_000);

    // Refused, and nothing deleted: a password (it has none), a wrong phrase, an old or unknown sign-in.
    expect(await service.deleteAccount(userId, { kind: "password", password: "x", ip: uniqueIp() })).toEqual({
      ok: false,
      error: DELETION_REFUSALS.noPassword,
    });
    expect(await service.deleteAccount(userId, { kind: "phrase", phrase: "delete", signedInAt: recent })).toEqual({
      ok: false,
      error: DELETION_REFUSALS.phrase,
    });
    for (const signedInAt of [stale, null, new Date(now.getTime() + 10 * 60_000)])
      expect(await service.deleteAccount(userId, { kind: "phrase", phrase: "delete my account", signedInAt })).toEqual({
        ok: false,
        error: DELETION_REFUSALS.stale,
      });
    expect(await rowCounts(ctx.db, owned)).toEqual(before);

    expect(
      await service.deleteAccount(userId, { kind: "phrase", phrase: "  Delete my account ", signedInAt: recent }),
    ).toMatchObject({ ok: true });
    const after = await rowCounts(ctx.db, owned);
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((m) => [m, 0])));
    // The platform and its resource link belong to the instructor who registered it: they stay.
    expect(await ctx.db.ltiPlatform.count({ where: { id: platform.id } })).toBe(1);
    expect(await ctx.db.ltiResourceLink.count({ where: { id: link.id } })).toBe(1);
  });

  it("asks a person with a password for it, not the phrase", async () => {
    const learner = await person("delete-learner-3");
    const { service } = accounts();
    expect(
      await service.deleteAccount(learner.user.id, { kind: "phrase", phrase: "delete my account", signedInAt: now }),
    ).toEqual({ ok: false, error: DELETION_REFUSALS.needsPassword });
    expect(await ctx.repos.users.findById(learner.user.id)).not.toBeNull();
  });
});
