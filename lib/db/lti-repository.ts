import type { LtiTarget, TargetKind } from "../lti/core/target";
import type { Db } from "./create-db";
import { isUniqueViolation } from "./unique-violation";
import type { UserRole } from "./user-repository";

export interface LtiPlatformRecord {
  id: string;
  instructorId: string;
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  createdAt: Date;
}

export type LtiPlatformInput = Omit<LtiPlatformRecord, "id" | "instructorId" | "createdAt">;

export interface LtiResourceLinkRecord {
  id: string;
  platformId: string;
  resourceLinkId: string;
  target: LtiTarget;
  lineItemUrl: string | null;
}

export interface LtiScoreSendRecord {
  id: string;
  /** The quiz attempt it reports, or null for a drill run's score. */
  attemptId: string | null;
  /** The completed drill run it reports, or null for a quiz attempt's. */
  drillRunId: string | null;
  platformId: string;
  lineItemUrl: string;
  sub: string;
  scoreGiven: number;
  scoreMax: number;
  status: "pending" | "sent" | "failed";
  tries: number;
  /** When the next try is due; null: at once. */
  nextTryAt: Date | null;
  lastError: string | null;
  finishedAt: Date;
}

/** A user's own LTI links, for their account-settings download: no other user's rows, no platform secrets. */
export interface LtiLinksOfUser {
  /** The platform account this kubelearn account was made for, when a launch made it. */
  account: { platformName: string; issuer: string; sub: string; linkedAt: Date } | null;
  /** Each resource link the user launched, with the last launch. */
  launches: { platformName: string; issuer: string; target: LtiTarget; lastLaunchedAt: Date }[];
}

/** An outbox row as its instructor sees it on /teach/lti. */
export interface LtiScoreSendView extends LtiScoreSendRecord {
  platformName: string;
  learnerName: string;
  sentAt: Date | null;
}

const SCORE_SEND_INCLUDE = {
  attempt: { select: { completedAt: true } },
  drillRun: { select: { completedAt: true } },
} as const;

const toScoreSend = (row: {
  id: string;
  attemptId: string | null;
  drillRunId: string | null;
  platformId: string;
  lineItemUrl: string;
  sub: string;
  scoreGiven: number;
  scoreMax: number;
  status: string;
  tries: number;
  nextTryAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  attempt: { completedAt: Date | null } | null;
  drillRun: { completedAt: Date | null } | null;
}): LtiScoreSendRecord => ({
  id: row.id,
  attemptId: row.attemptId,
  drillRunId: row.drillRunId,
  platformId: row.platformId,
  lineItemUrl: row.lineItemUrl,
  sub: row.sub,
  scoreGiven: row.scoreGiven,
  scoreMax: row.scoreMax,
  status: row.status as LtiScoreSendRecord["status"],
  tries: row.tries,
  nextTryAt: row.nextTryAt,
  lastError: row.lastError,
  finishedAt: row.attempt?.completedAt ?? row.drillRun?.completedAt ?? row.createdAt,
});

type PlatformRow = Omit<LtiPlatformRecord, "deploymentIds"> & { deploymentIds: string };

const toPlatform = (r: PlatformRow): LtiPlatformRecord => ({
  id: r.id,
  instructorId: r.instructorId,
  name: r.name,
  issuer: r.issuer,
  clientId: r.clientId,
  authLoginUrl: r.authLoginUrl,
  authTokenUrl: r.authTokenUrl,
  jwksUrl: r.jwksUrl,
  deploymentIds: JSON.parse(r.deploymentIds) as string[],
  createdAt: r.createdAt,
});

const toLink = (r: {
  id: string;
  platformId: string;
  resourceLinkId: string;
  targetKind: string;
  targetId: string;
  lineItemUrl: string | null;
}): LtiResourceLinkRecord => ({
  id: r.id,
  platformId: r.platformId,
  resourceLinkId: r.resourceLinkId,
  target: { kind: r.targetKind as TargetKind, id: r.targetId },
  lineItemUrl: r.lineItemUrl,
});

/**
 * LTI 1.3 registrations, launches and the score outbox. Instructor methods take the instructor's id
 * and touch only their registrations; one-time values (login state, sign-in tickets) are claimed
 * with a conditional update, so two requests racing for one value get it once.
 */
export class LtiRepository {
  constructor(private readonly db: Db) {}

  /** Null when the issuer and client id are registered already (by anyone). */
  async createPlatform(instructorId: string, input: LtiPlatformInput, now: Date): Promise<LtiPlatformRecord | null> {
    try {
      const row = await this.db.ltiPlatform.create({
        data: { ...input, instructorId, deploymentIds: JSON.stringify(input.deploymentIds), createdAt: now },
      });
      return toPlatform(row);
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async listPlatforms(instructorId: string): Promise<LtiPlatformRecord[]> {
    const rows = await this.db.ltiPlatform.findMany({ where: { instructorId }, orderBy: { createdAt: "desc" } });
    return rows.map(toPlatform);
  }

  /**
   * The browser-facing URLs of every registration, for the frame-ancestors of the launch routes
   * (lib/lti/core/frame-ancestors.ts). Not scoped to a user: it is the public framing policy and
   * names no one.
   */
  async framingPlatforms(): Promise<{ issuer: string; authLoginUrl: string }[]> {
    return this.db.ltiPlatform.findMany({ select: { issuer: true, authLoginUrl: true } });
  }

  /**
   * What deleting one of the instructor's registrations takes with it: the kubelearn accounts its
   * launches made (they have no password, so without the platform no one could sign in to them),
   * and its outbox rows, sent or not. Null when the registration is not theirs.
   */
  async platformImpact(
    instructorId: string,
    id: string,
  ): Promise<{ accounts: number; unsentScores: number; sentScores: number } | null> {
    const platform = await this.db.ltiPlatform.findFirst({ where: { id, instructorId }, select: { id: true } });
    if (!platform) return null;
    const [accounts, unsentScores, sentScores] = await Promise.all([
      this.db.ltiAccount.count({ where: { platformId: id } }),
      this.db.ltiScoreSend.count({ where: { platformId: id, status: { not: "sent" } } }),
      this.db.ltiScoreSend.count({ where: { platformId: id, status: "sent" } }),
    ]);
    return { accounts, unsentScores, sentScores };
  }

  /**
   * Deletes one of the instructor's registrations and, as the confirm dialog says, the accounts its
   * launches made, with all their work (the user rows cascade), and its outbox rows, in one
   * transaction. False when it is not theirs.
   */
  async deletePlatform(instructorId: string, id: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const platform = await tx.ltiPlatform.findFirst({ where: { id, instructorId }, select: { id: true } });
      if (!platform) return false;
      await tx.user.deleteMany({ where: { ltiAccount: { platformId: id }, id: { not: instructorId } } });
      await tx.ltiPlatform.delete({ where: { id } });
      return true;
    });
  }

  /**
   * The registration a login names: by issuer and client id, or by issuer alone when the platform
   * sent no client_id and only one registration has that issuer (lti/v1p3#additional-login-parameters makes client_id optional).
   */
  async findPlatform(issuer: string, clientId: string | undefined): Promise<LtiPlatformRecord | null> {
    const rows = await this.db.ltiPlatform.findMany({ where: { issuer, ...(clientId ? { clientId } : {}) }, take: 2 });
    return rows.length === 1 ? toPlatform(rows[0]) : null;
  }

  async findPlatformById(id: string): Promise<LtiPlatformRecord | null> {
    const row = await this.db.ltiPlatform.findUnique({ where: { id } });
    return row ? toPlatform(row) : null;
  }

  async saveLaunchState(input: { state: string; nonce: string; platformId: string; expiresAt: Date }): Promise<void> {
    await this.db.ltiLaunchState.create({ data: input });
  }

  /** Marks the state used and answers its nonce and platform; null when unknown, used or expired. */
  async claimLaunchState(state: string, now: Date): Promise<{ nonce: string; platformId: string } | null> {
    const claimed = await this.db.ltiLaunchState.updateMany({
      where: { state, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    return this.db.ltiLaunchState.findUnique({ where: { state }, select: { nonce: true, platformId: true } });
  }

  /** Login states and sign-in tickets past their expiry, used or not, are of no further use. */
  async deleteExpired(now: Date): Promise<number> {
    const [states, tickets] = await Promise.all([
      this.db.ltiLaunchState.deleteMany({ where: { expiresAt: { lte: now } } }),
      this.db.ltiLoginTicket.deleteMany({ where: { expiresAt: { lte: now } } }),
    ]);
    return states.count + tickets.count;
  }

  /**
   * The kubelearn account of a platform user, created on first launch (a race between two first
   * launches ends with one account). The role follows the platform's roles at every launch.
   */
  async accountFor(
    platformId: string,
    sub: string,
    newUser: { email: string; name: string; passwordHash: string; role: UserRole },
  ): Promise<string> {
    const existing = await this.db.ltiAccount.findUnique({ where: { platformId_sub: { platformId, sub } } });
    if (existing) {
      await this.db.user.update({ where: { id: existing.userId }, data: { role: newUser.role } });
      return existing.userId;
    }
    try {
      const user = await this.db.user.create({
        data: { ...newUser, ltiAccount: { create: { platformId, sub } } },
        select: { id: true },
      });
      return user.id;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const raced = await this.db.ltiAccount.findUnique({ where: { platformId_sub: { platformId, sub } } });
      if (!raced) throw err;
      return raced.userId;
    }
  }

  async accountOf(userId: string): Promise<{ platformId: string; sub: string } | null> {
    return this.db.ltiAccount.findUnique({ where: { userId }, select: { platformId: true, sub: true } });
  }

  async linksOf(userId: string): Promise<LtiLinksOfUser> {
    const platform = { select: { name: true, issuer: true } } as const;
    const [account, launches] = await Promise.all([
      this.db.ltiAccount.findUnique({ where: { userId }, select: { sub: true, createdAt: true, platform } }),
      this.db.ltiLaunch.findMany({
        where: { userId },
        orderBy: [{ launchedAt: "desc" }, { id: "asc" }],
        select: { launchedAt: true, link: { select: { targetKind: true, targetId: true, platform } } },
      }),
    ]);
    return {
      account: account && {
        platformName: account.platform.name,
        issuer: account.platform.issuer,
        sub: account.sub,
        linkedAt: account.createdAt,
      },
      launches: launches.map((l) => ({
        platformName: l.link.platform.name,
        issuer: l.link.platform.issuer,
        target: { kind: l.link.targetKind as TargetKind, id: l.link.targetId },
        lastLaunchedAt: l.launchedAt,
      })),
    };
  }

  async createTicket(input: { tokenHash: string; userId: string; redirectTo: string; expiresAt: Date }): Promise<void> {
    await this.db.ltiLoginTicket.create({ data: input });
  }

  /** Uses the ticket once: its user and where to go, or null when unknown, used or expired. */
  async claimTicket(tokenHash: string, now: Date): Promise<{ userId: string; redirectTo: string } | null> {
    const claimed = await this.db.ltiLoginTicket.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    return this.db.ltiLoginTicket.findUnique({ where: { tokenHash }, select: { userId: true, redirectTo: true } });
  }

  /**
   * The platform's resource link: created at its first launch with the target its custom parameters
   * name; a later launch keeps the target and updates the line item.
   */
  async upsertResourceLink(
    platformId: string,
    resourceLinkId: string,
    target: LtiTarget,
    lineItemUrl: string | null,
  ): Promise<LtiResourceLinkRecord> {
    const key = { platformId_resourceLinkId: { platformId, resourceLinkId } };
    const row = await this.db.ltiResourceLink.upsert({
      where: key,
      create: { platformId, resourceLinkId, targetKind: target.kind, targetId: target.id, lineItemUrl },
      update: lineItemUrl ? { lineItemUrl } : {},
    });
    return toLink(row);
  }

  async findResourceLink(platformId: string, resourceLinkId: string): Promise<LtiResourceLinkRecord | null> {
    const row = await this.db.ltiResourceLink.findUnique({
      where: { platformId_resourceLinkId: { platformId, resourceLinkId } },
    });
    return row ? toLink(row) : null;
  }

  async recordLaunch(userId: string, linkId: string, now: Date): Promise<void> {
    await this.db.ltiLaunch.upsert({
      where: { userId_linkId: { userId, linkId } },
      create: { userId, linkId, launchedAt: now },
      update: { launchedAt: now },
    });
  }

  /**
   * Queues the score of a finished attempt when the learner last launched a link to its quiz that
   * has a line item: once per attempt (the unique attempt id). Null when there is nothing to send.
   */
  async queueScore(userId: string, attemptId: string, scoreMax: number): Promise<LtiScoreSendRecord | null> {
    const attempt = await this.db.quizAttempt.findFirst({
      where: { id: attemptId, userId, completedAt: { not: null } },
      select: { scope: true, target: true, score: true },
    });
    if (!attempt) return null;
    return this.queue(userId, { kind: attempt.scope, id: attempt.target }, { attemptId }, attempt.score ?? 0, scoreMax);
  }

  /** The same for a completed drill run: its score is the share of its steps that were right. */
  async queueDrillScore(userId: string, drillSlug: string, scoreMax: number): Promise<LtiScoreSendRecord | null> {
    const run = await this.db.drillProgress.findFirst({
      where: { userId, drillSlug, completedAt: { not: null } },
      select: { id: true, results: true },
    });
    if (!run) return null;
    const steps = Object.values(JSON.parse(run.results) as Record<string, { correct: boolean }>);
    const fraction = steps.length ? steps.filter((s) => s.correct).length / steps.length : 0;
    return this.queue(userId, { kind: "drill", id: drillSlug }, { drillRunId: run.id }, fraction, scoreMax);
  }

  /**
   * Queues a score for the learner's latest launch of a resource link to `target` that has a line
   * item; null when there is none (not an LTI learner, or a link without a grade column).
   */
  private async queue(
    userId: string,
    target: { kind: string; id: string },
    work: { attemptId: string } | { drillRunId: string },
    fraction: number,
    scoreMax: number,
  ): Promise<LtiScoreSendRecord | null> {
    const account = await this.db.ltiAccount.findUnique({ where: { userId } });
    if (!account) return null;
    const launch = await this.db.ltiLaunch.findFirst({
      where: {
        userId,
        link: {
          platformId: account.platformId,
          targetKind: target.kind,
          targetId: target.id,
          lineItemUrl: { not: null },
        },
      },
      orderBy: { launchedAt: "desc" },
      include: { link: true },
    });
    if (!launch?.link.lineItemUrl) return null;
    try {
      await this.db.ltiScoreSend.create({
        data: {
          ...work,
          platformId: account.platformId,
          lineItemUrl: launch.link.lineItemUrl,
          sub: account.sub,
          scoreGiven: fraction * scoreMax,
          scoreMax,
        },
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return this.scoreSendFor(work);
  }

  /** The outbox row of a quiz attempt or a drill run, if it has one. */
  async scoreSendFor(work: { attemptId: string } | { drillRunId: string }): Promise<LtiScoreSendRecord | null> {
    return this.scoreSendWhere(work);
  }

  async scoreSendById(id: string): Promise<LtiScoreSendRecord | null> {
    return this.scoreSendWhere({ id });
  }

  private async scoreSendWhere(
    where: { id: string } | { attemptId: string } | { drillRunId: string },
  ): Promise<LtiScoreSendRecord | null> {
    const row = await this.db.ltiScoreSend.findUnique({ where, include: SCORE_SEND_INCLUDE });
    return row ? toScoreSend(row) : null;
  }

  /** Ids of scores whose next try is due (oldest first). */
  async dueScores(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.ltiScoreSend.findMany({
      where: { status: "pending", OR: [{ nextTryAt: null }, { nextTryAt: { lte: now } }] },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Claims a try of a pending send by compare-and-set on its try count and its being due at `now`:
   * false when another process claimed this try first (or the row was sent, given up, is gone, or is
   * not due). The claim holds the row for `leaseUntil`. Being due is part of the claim, not only of
   * the sweep's query: a process that read the row just after another's claim sees the new try count,
   * and only the lease tells it that a send is under way.
   */
  async claimScoreTry(id: string, tries: number, now: Date, leaseUntil: Date): Promise<boolean> {
    const claimed = await this.db.ltiScoreSend.updateMany({
      where: { id, status: "pending", tries, OR: [{ nextTryAt: null }, { nextTryAt: { lte: now } }] },
      data: { tries: tries + 1, nextTryAt: leaseUntil, leaseUntil },
    });
    return claimed.count === 1;
  }

  async markScoreSent(id: string, now: Date): Promise<void> {
    await this.db.ltiScoreSend.update({
      where: { id },
      data: { status: "sent", sentAt: now, lastError: null, nextTryAt: null, leaseUntil: null },
    });
  }

  /** Records a failed try: due again at `nextTryAt`, or given up ("failed") when that is null. */
  async markScoreFailed(id: string, error: string, nextTryAt: Date | null): Promise<void> {
    await this.db.ltiScoreSend.update({
      where: { id },
      data: {
        lastError: error.slice(0, 500),
        leaseUntil: null,
        ...(nextTryAt ? { nextTryAt } : { status: "failed", nextTryAt: null }),
      },
    });
  }

  /** The latest outbox rows of the instructor's own registrations, newest first. */
  async scoreSendsForInstructor(instructorId: string, limit: number): Promise<LtiScoreSendView[]> {
    const rows = await this.db.ltiScoreSend.findMany({
      where: { platform: { instructorId } },
      orderBy: { createdAt: "desc" },
      take: limit,
      include: {
        ...SCORE_SEND_INCLUDE,
        platform: { select: { name: true } },
        attempt: { select: { completedAt: true, user: { select: { name: true } } } },
        drillRun: { select: { completedAt: true, user: { select: { name: true } } } },
      },
    });
    return rows.map((r) => ({
      ...toScoreSend(r),
      platformName: r.platform.name,
      learnerName: r.attempt?.user.name ?? r.drillRun?.user.name ?? "",
      sentAt: r.sentAt,
    }));
  }

  /**
   * Makes one of the instructor's own rows due at once ("Retry now"); a given-up row gets one more
   * try, and a row whose try is under way is left as it is. Null when the row is not theirs, or was sent.
   */
  async requeueScore(instructorId: string, id: string, now: Date): Promise<LtiScoreSendRecord | null> {
    const mine = { id, platform: { instructorId } };
    const updated = await this.db.ltiScoreSend.updateMany({
      where: {
        ...mine,
        status: { in: ["pending", "failed"] },
        OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
      },
      data: { status: "pending", nextTryAt: now },
    });
    if (updated.count === 1) return this.scoreSendById(id);
    // A try under way keeps its lease: the row is answered as it is, not yet due, so the caller's
    // send finds nothing to claim.
    const held = await this.db.ltiScoreSend.findFirst({
      where: { ...mine, status: "pending", leaseUntil: { gt: now } },
      select: { id: true },
    });
    return held ? this.scoreSendById(id) : null;
  }

  async findToolKey(id: string): Promise<{ kid: string; privateKeyPem: string } | null> {
    return this.db.ltiToolKey.findUnique({ where: { id }, select: { kid: true, privateKeyPem: true } });
  }

  /** Stores a generated key unless another process stored one first; answers the key that is kept. */
  async saveToolKey(
    id: string,
    key: { kid: string; privateKeyPem: string },
  ): Promise<{ kid: string; privateKeyPem: string }> {
    try {
      await this.db.ltiToolKey.create({ data: { id, ...key } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return (await this.findToolKey(id)) ?? key;
  }
}
