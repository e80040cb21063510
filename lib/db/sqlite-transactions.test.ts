import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

// Why: see serialiseAroundTransactions in ./driver-adapter. PostgreSQL gives each transaction its own
// connection from the pool, so it never had the problem; the test runs on both all the same.
describe.each(testDatabases)("a write beside an open transaction on $name", ({ url }) => {
  const ctx = repositoriesOn(url);

  it("is kept when that transaction rolls back, and does not see its uncommitted rows", async () => {
    const inside = uniqueEmail("inside");
    const outside = uniqueEmail("outside");
    let outsideSawInside: boolean | null = null;
    const rolledBack = ctx.db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: inside, name: "Inside", passwordHash: "h" } });
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new Error("roll back");
      })
      .catch((err: Error) => err.message);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const written = ctx.db.user.create({ data: { email: outside, name: "Outside", passwordHash: "h" } });
    const seen = ctx.db.user.count({ where: { email: inside } }).then((n) => {
      outsideSawInside = n > 0;
    });
    await Promise.all([written, seen]);
    expect(await rolledBack).toBe("roll back");
    expect(outsideSawInside).toBe(false);
    expect(await ctx.db.user.count({ where: { email: outside } })).toBe(1);
    expect(await ctx.db.user.count({ where: { email: inside } })).toBe(0);
  });
});
