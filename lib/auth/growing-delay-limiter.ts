import type { Db } from "../db/client";
import { isLimitReached, type RateLimiter, rateLimiterFor } from "../db/rate-limiter";

/**
 * How one kind of key is throttled. OWASP (Authentication and Credential Stuffing cheat sheets)
 * asks for limits per IP and per account with growing delays instead of a hard lock, which would
 * let anyone lock the owner out. Here `freeAttempts` failures in a window are free; the next attempt
 * is refused and the key waits `firstDelaySec`; each further time the limit is reached within
 * `memorySec` the wait doubles, up to `maxDelaySec` (rate-limiter-flexible's "dynamic block
 * duration" pattern).
 */
export interface GrowingDelayRule {
  freeAttempts: number;
  windowSec: number;
  firstDelaySec: number;
  maxDelaySec: number;
  memorySec: number;
}

/** The wait after the limit was reached for the `strike`-th time (1, 2, …): doubling, capped. */
export function delayForStrike(strike: number, rule: GrowingDelayRule): number {
  return Math.min(rule.firstDelaySec * 2 ** Math.max(strike - 1, 0), rule.maxDelaySec);
}

/** The count a key is set to while it waits: far above any limit, so nothing given back ends the wait early. */
const WAITING = 1_000_000;

/** A failure counter with growing delays for one kind of key, in the shared RateLimit table. */
export class GrowingDelayLimiter {
  private readonly attempts: RateLimiter;
  private readonly strikes: RateLimiter;

  constructor(
    db: Db,
    keyPrefix: string,
    private readonly rule: GrowingDelayRule,
  ) {
    this.attempts = rateLimiterFor(db, {
      keyPrefix,
      points: rule.freeAttempts,
      durationSec: rule.windowSec,
    });
    this.strikes = rateLimiterFor(db, {
      keyPrefix: `${keyPrefix}-strikes`,
      points: 1_000_000,
      durationSec: rule.memorySec,
    });
  }

  /**
   * Counts an attempt before the password is checked, so parallel requests cannot all slip in
   * under the limit (the increment is one atomic upsert). Returns 0 when the attempt may go on,
   * else the seconds to wait.
   */
  async take(key: string): Promise<number> {
    try {
      await this.attempts.consume(key);
      return 0;
    } catch (err) {
      if (!isLimitReached(err)) throw err;
      // Exactly one attempt sees the count go one past the limit: it records the strike and sets
      // the (growing) wait. Attempts during the wait only add to the count, which does not move it.
      if (err.consumedPoints !== this.rule.freeAttempts + 1) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      const strike = (await this.strikes.penalty(key)).consumedPoints;
      const delay = delayForStrike(strike, this.rule);
      // Not rate-limiter-flexible's block(), which sets the count to limit + 1: attempts given back
      // afterwards (still in flight when the wait began) would bring it under the limit again.
      await this.attempts.set(key, WAITING, delay);
      return delay;
    }
  }

  /**
   * Takes back an attempt that turned out not to be a failed guess. Races are harmless in the safe
   * direction: taken back during a wait that started meanwhile, the next attempt counts as one more
   * strike (a longer wait); taken back after the window ended, it leaves one extra free attempt.
   */
  async giveBack(key: string): Promise<void> {
    await this.attempts.reward(key);
  }

  /** Forgets the key's failures and strikes (after a successful sign-in). */
  async forget(key: string): Promise<void> {
    await Promise.all([this.attempts.delete(key), this.strikes.delete(key)]);
  }
}
