import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "./client";

export { RateLimiterRes };
export type RateLimiter = RateLimiterPrisma;

/**
 * A fixed-window counter kept in the RateLimit table, so every server process (and every instance
 * on the same database) shares the same counts. rate-limiter-flexible's Prisma store increments
 * with one `INSERT … ON CONFLICT DO UPDATE SET points = points + n` on both SQLite and PostgreSQL
 * (Prisma's native upsert), so parallel requests are counted exactly.
 *
 * Create these once per process (lib/auth/server.ts): each one with `sweepExpired` keeps a timer
 * that deletes rows expired for over an hour.
 */
export function rateLimiterFor(
  db: Db,
  options: { keyPrefix: string; points: number; durationSec: number; sweepExpired?: boolean },
): RateLimiter {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSec,
    clearExpiredByTimeout: options.sweepExpired ?? false,
  });
}

/** rate-limiter-flexible rejects with a RateLimiterRes when a limit is reached, and with an Error when the store fails. */
export const isLimitReached = (err: unknown): err is RateLimiterRes => err instanceof RateLimiterRes;
