/** Points a kubelearn quiz or drill is worth in a platform's grade book (the deep link's lineItem.scoreMaximum). */
export const SCORE_MAXIMUM = 100;

export interface ScorePayload {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: "Completed";
  gradingProgress: "FullyGraded";
  timestamp: string;
}

/**
 * The body of a score POST to `<lineitem>/scores` (lti-ags/v2p0#score-publish-service): the platform's
 * user id (the id_token's sub), the score scaled to scoreMaximum, Completed and FullyGraded (a final
 * grade), and the time the attempt finished as ISO 8601 with milliseconds.
 */
export function scorePayload(input: { sub: string; fraction: number; scoreMaximum: number; at: Date }): ScorePayload {
  const clamped = Math.min(1, Math.max(0, input.fraction));
  return {
    userId: input.sub,
    scoreGiven: Math.round(clamped * input.scoreMaximum * 100) / 100,
    scoreMaximum: input.scoreMaximum,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    timestamp: input.at.toISOString(),
  };
}

/**
 * lti-ags/v2p0#score-publish-service: scores are posted to the line item URL with `/scores` appended to its path, keeping any
 * query the platform put on it.
 */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

/** How many times a score send is tried before it is given up (an instructor's "Retry now" gives one more). */
export const MAX_SCORE_TRIES = 6;

/** A claimed try holds the row this long; a process that died mid-send leaves it due again after it. */
export const SCORE_TRY_LEASE_MS = 2 * 60_000;

const FIRST_RETRY_MS = 60_000;
const LAST_RETRY_MS = 6 * 3600_000;

/**
 * When the next try is due after `tries` failed ones: 1 minute, then four times longer each time
 * (4, 16, 64 minutes, …), at most 6 hours, so a platform that is down for a while is not hammered
 * and one that is back gets the score within the hour.
 */
export function nextTryAfter(tries: number, failedAt: Date): Date {
  const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, tries - 1));
  return new Date(failedAt.getTime() + delay);
}
