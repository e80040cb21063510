import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteExpiredRateLimits } from "./rate-limiter";
import { repositoriesOn, testDatabases } from "./test-support/databases";

describe.each(testDatabases)("expired rate limits on $name", ({ url }) => {
  const ctx = repositoriesOn(url);

  it("deletes rows expired over an hour ago and keeps the rest", async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const id = randomUUID();
    await ctx.db.rateLimit.createMany({
      data: [
        { key: `sweep-old:${id}`, points: 3, expire: ago(61) },
        { key: `sweep-recent:${id}`, points: 3, expire: ago(59) },
        { key: `sweep-live:${id}`, points: 3, expire: ago(-10) },
      ],
    });
    expect(await deleteExpiredRateLimits(ctx.db, now)).toBeGreaterThanOrEqual(1);
    const left = await ctx.db.rateLimit.findMany({ where: { key: { endsWith: id } }, orderBy: { key: "asc" } });
    expect(left.map((row) => row.key)).toEqual([`sweep-live:${id}`, `sweep-recent:${id}`]);
  });
});
