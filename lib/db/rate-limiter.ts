import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "./client";

export { RateLimiterRes };
export type RateLimiter = RateLimiterPrisma;

/**
 * A fixed-window counter kept in the RateLimit table, so every server process (and every instance
 * on the same database) shares the same counts. rate-limiter-flexible's Prisma store increments
 * with one `INSERT … ON CONFLICT DO UPDATE SET points = points + n` on both SQLite and PostgreSQL
 * (Prisma's native upsert), so parallel requests are counted exactly.
 * Expired rows are removed by sweepExpiredRateLimits, once per process, not by each limiter.
 */
export function rateLimiterFor(
  db: Db,
  options: { keyPrefix: string; points: number; durationSec: number },
): RateLimiter {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSec,
    clearExpiredByTimeout: false,
  });
}

/** Deletes the rows of every limiter that expired over an hour before `now`; returns how many. */
export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: new Date(now.getTime() - 60 * 60_000) } } });
  return count;
}

/** Every 5 minutes, deleteExpiredRateLimits; the timer does not keep the process alive. */
export function sweepExpiredRateLimits(db: Db): void {
  setInterval(() => {
    deleteExpiredRateLimits(db, new Date()).catch((err) => console.warn("could not delete expired rate limits", err));
  }, 5 * 60_000).unref();
}

/** rate-limiter-flexible rejects with a RateLimiterRes when a limit is reached, and with an Error when the store fails. */
export const isLimitReached = (err: unknown): err is RateLimiterRes => err instanceof RateLimiterRes;
