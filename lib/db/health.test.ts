import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { providerOf } from "./database-url";
import { checkDatabase } from "./health";
import { testDatabases } from "./test-support/databases";

describe.each(testDatabases)("database health on $name", ({ url }) => {
  const db = createDb(url);
  afterAll(() => db.$disconnect());

  it("answers ok with a latency when the database is reachable", async () => {
    const health = await checkDatabase(db, providerOf(url));
    expect(health).toMatchObject({ ok: true, provider: providerOf(url) });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("database health when the database is gone", () => {
  it("answers not ok with the reason instead of throwing", async () => {
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    const db = createDb("postgresql://nobody:nothing@127.0.0.1:9/none");
    const health = await checkDatabase(db, "postgres", 5_000);
    expect(health.ok).toBe(false);
    expect(health.error).toBeTruthy();
    await db.$disconnect();
  });
});
