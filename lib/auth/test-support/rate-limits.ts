import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";

/** A client address no other test (or earlier run on the same database) uses: 2001:db8::/32 is for documentation. */
export const uniqueIp = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;

/**
 * Lets time pass for a throttle key: rate-limiter-flexible compares the row's expiry with the real
 * clock, so instead of waiting a minute the test moves the expiry of every row of `keyPart` into the past.
 */
export async function expireRateLimits(db: Db, keyPart: string): Promise<void> {
  await db.rateLimit.updateMany({
    where: { key: { contains: keyPart } },
    data: { expire: new Date(Date.now() - 1000) },
  });
}

/** The stored count of one rate-limit row, or null when there is none. */
export async function rateLimitPoints(db: Db, key: string): Promise<number | null> {
  return (await db.rateLimit.findUnique({ where: { key } }))?.points ?? null;
}
