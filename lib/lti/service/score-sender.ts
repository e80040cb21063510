import { SignJWT } from "jose";
import type { LtiPlatformRecord, LtiRepository, LtiScoreSendRecord } from "../../db/lti-repository";
import { AGS_SCOPE_SCORE, JWT_BEARER_ASSERTION, SCORE_MEDIA_TYPE } from "../core/claims";
import {
  MAX_SCORE_TRIES,
  nextTryAfter,
  SCORE_MAXIMUM,
  SCORE_TRY_LEASE_MS,
  scorePayload,
  scoresUrl,
} from "../core/score";
import { TOOL_KEY_ALG, type ToolKey } from "./tool-key";

export interface ScoreSenderDeps {
  lti: LtiRepository;
  now: () => Date;
  randomToken: () => string;
  toolKey: () => Promise<ToolKey>;
  fetch: typeof fetch;
  log: (message: string, detail: Record<string, unknown>) => void;
}

export type SendOutcome = "sent" | "failed" | "nothing";

/** The signed-in learner as the sender needs them (lib/auth/guards' CurrentUser fits). */
export interface ScoreUser {
  id: string;
  hasPassword: boolean;
}

/**
 * Sends AGS scores from the outbox (LtiScoreSend): a token from the platform's token URL by the
 * client credentials grant with a JWT client assertion (security/v1p0#using-json-web-tokens-with-oauth-2-0-client-credentials-grant; RFC 7523),
 * then the score POSTed to the line item's /scores (lti-ags/v2p0#score-publish-service). Each try is claimed first, so two
 * processes never send one score twice; a failure stays pending, due again after a backoff
 * (nextTryAfter), until MAX_SCORE_TRIES.
 */
export function createScoreSender(deps: ScoreSenderDeps) {
  async function accessToken(platform: LtiPlatformRecord): Promise<string> {
    const key = await deps.toolKey();
    const now = Math.floor(deps.now().getTime() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: TOOL_KEY_ALG, kid: key.kid, typ: "JWT" })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.authTokenUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .setJti(deps.randomToken())
      .sign(key.privateKey);
    const response = await deps.fetch(platform.authTokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: JWT_BEARER_ASSERTION,
        client_assertion: assertion,
        scope: AGS_SCOPE_SCORE,
      }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== "string") throw new Error("token endpoint gave no access_token");
    return body.access_token;
  }

  /** Sends one outbox row (by its id). */
  async function send(id: string): Promise<SendOutcome> {
    const row = await deps.lti.scoreSendById(id);
    if (row?.status !== "pending") return "nothing";
    const now = deps.now();
    const leaseUntil = new Date(now.getTime() + SCORE_TRY_LEASE_MS);
    if (!(await deps.lti.claimScoreTry(row.id, row.tries, now, leaseUntil))) return "nothing";
    try {
      const platform = await deps.lti.findPlatformById(row.platformId);
      if (!platform) throw new Error("the platform registration is gone");
      const token = await accessToken(platform);
      const payload = scorePayload({
        sub: row.sub,
        fraction: row.scoreGiven / row.scoreMax,
        scoreMaximum: row.scoreMax,
        at: row.finishedAt,
      });
      const response = await deps.fetch(scoresUrl(row.lineItemUrl), {
        method: "POST",
        headers: { "content-type": SCORE_MEDIA_TYPE, authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
      });
      if (!response.ok) throw new Error(`score endpoint answered ${response.status}`);
      await deps.lti.markScoreSent(row.id, deps.now());
      return "sent";
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = row.tries + 1 >= MAX_SCORE_TRIES;
      await deps.lti.markScoreFailed(row.id, message, giveUp ? null : nextTryAfter(row.tries + 1, deps.now()));
      const work = row.attemptId ? { attemptId: row.attemptId } : { drillRunId: row.drillRunId };
      deps.log("LTI score send failed", { ...work, tries: row.tries + 1, giveUp, error: message });
      return "failed";
    }
  }

  const sendQueued = async (queued: LtiScoreSendRecord | null): Promise<SendOutcome> =>
    queued ? send(queued.id) : "nothing";

  /** Only an account made by an LTI launch (it has no password) can have a launch to report to. */
  const fromLaunch = (user: ScoreUser) => !user.hasPassword;

  return {
    send,

    /**
     * The retry sweep (a timer in instrumentation.ts): every row whose next try is due, oldest first.
     * Each try is claimed by compare-and-set, so sweeps in several processes send a score once.
     */
    async sweep(limit = 20): Promise<SendOutcome[]> {
      const outcomes: SendOutcome[] = [];
      for (const id of await deps.lti.dueScores(deps.now(), limit)) outcomes.push(await send(id));
      return outcomes;
    },

    /** "Retry now" on /teach/lti: one of the instructor's own rows, at once (a given-up row gets one more try). */
    async retryNow(instructorId: string, id: string): Promise<SendOutcome | null> {
      const row = await deps.lti.requeueScore(instructorId, id, deps.now());
      return row ? send(row.id) : null;
    },

    /**
     * After a quiz is finished: queue its score when it belongs to an LTI launch and send it. A learner
     * with a password never launched from a platform: nothing is asked of the database for them.
     */
    afterFinish: async (user: ScoreUser, attemptId: string): Promise<SendOutcome> =>
      fromLaunch(user) ? sendQueued(await deps.lti.queueScore(user.id, attemptId, SCORE_MAXIMUM)) : "nothing",

    /** After a drill step is recorded: once the run is complete, the same for its score. */
    afterDrillStep: async (user: ScoreUser, drillSlug: string): Promise<SendOutcome> =>
      fromLaunch(user) ? sendQueued(await deps.lti.queueDrillScore(user.id, drillSlug, SCORE_MAXIMUM)) : "nothing",
  };
}

export type ScoreSender = ReturnType<typeof createScoreSender>;
