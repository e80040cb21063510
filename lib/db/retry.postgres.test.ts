import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CreateDbOptions, createDb, type Db, type RetryEvent } from "./create-db";
import { DatabaseUnavailableError } from "./database-unavailable";
import type { RetryPolicy } from "./retry-policy";
import { uniqueEmail } from "./test-support/databases";
import { ThrowawayPostgres } from "./test-support/throwaway-postgres";

// The retrying client against a real PostgreSQL being stopped and started: a cluster of this file's
// own (the shared one on 5432 serves every other test run). The policy here is roomier than the
// app's so a slow machine's restart still fits; the app's numbers are tested in retry-policy.test.ts.
const ROOMY: RetryPolicy = { maxAttempts: 40, baseDelayMs: 100, maxDelayMs: 400, budgetMs: 30_000 };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Prisma queries are lazy: they are sent when first awaited, so a query "in flight" is started by hand. */
const send = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

describe.skipIf(!ThrowawayPostgres.available())("retries on a PostgreSQL that restarts", () => {
  let cluster: ThrowawayPostgres;
  let url: string;
  const clients: Db[] = [];

  /** A client that records the retries it makes. */
  function client(options: CreateDbOptions = {}): { db: Db; retries: RetryEvent[] } {
    const retries: RetryEvent[] = [];
    const db = createDb(url, { retry: ROOMY, onRetry: (e) => retries.push(e), ...options });
    clients.push(db);
    return { db, retries };
  }

  beforeAll(async () => {
    cluster = await ThrowawayPostgres.create();
    url = await cluster.createDatabase("kubelearn_retry");
    const migrated = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (migrated.status !== 0) throw new Error(`migrate failed:\n${migrated.stdout}\n${migrated.stderr}`);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.$disconnect()));
    cluster?.destroy();
  });

  it("a read sent while the server is down waits for it to come back", async () => {
    const { db, retries } = client();
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
    await cluster.stop();
    const counting = send(db.user.count());
    await pause(300);
    await cluster.start();
    expect(await counting).toBeGreaterThanOrEqual(0);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((r) => r.operation === "count" && r.model === "User")).toBe(true);
  });

  it("a write that could not be sent is retried and stored once", async () => {
    const { db, retries } = client();
    await db.user.count();
    await cluster.stop();
    const email = uniqueEmail("retried-write");
    const creating = send(db.user.create({ data: { email, name: "Retried", passwordHash: "h" } }));
    await pause(300);
    await cluster.start();
    expect((await creating).email).toBe(email);
    expect(retries.map((r) => r.operation)).toContain("create");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("a read cut off by the restart is sent again; a write cut off is not (it may have committed)", async () => {
    const { db, retries } = client();
    await db.user.count();
    const reading = send(db.$queryRawUnsafe<{ answer: number }[]>("SELECT 42 AS answer FROM pg_sleep(2)"));
    const writing = db.$executeRawUnsafe("SELECT pg_sleep(2)").catch((err: unknown) => err);
    await pause(500);
    await cluster.stop();
    await cluster.start();
    expect((await reading)[0].answer).toBe(42);
    const writeError = await writing;
    expect(writeError).toBeInstanceOf(DatabaseUnavailableError);
    expect((writeError as DatabaseUnavailableError).attempts).toBe(1);
    expect(retries.some((r) => r.operation === "$queryRawUnsafe")).toBe(true);
    expect(retries.some((r) => r.operation === "$executeRawUnsafe")).toBe(false);
  });

  it("never retries inside an interactive transaction: the transaction fails as a whole", async () => {
    const { db, retries } = client();
    const email = uniqueEmail("in-transaction");
    const outcome = await db
      .$transaction(async (tx) => {
        await tx.user.count();
        await cluster.stop();
        await tx.user.create({ data: { email, name: "Never", passwordHash: "h" } });
      })
      .catch((err: unknown) => err);
    await cluster.start();
    expect(outcome).toBeInstanceOf(DatabaseUnavailableError);
    expect((outcome as DatabaseUnavailableError).attempts).toBe(1);
    expect(retries).toEqual([]);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("does not lose pool connections to transactions the restart cut off", async () => {
    const { db } = client();
    // As many open transactions as the pool has connections (driver-adapter.ts: max 5), all cut off.
    const transactions = Array.from({ length: 5 }, () =>
      db
        .$transaction((tx) => tx.$queryRawUnsafe("SELECT 1 AS one FROM pg_sleep(3)"), {
          timeout: 20_000,
          maxWait: 10_000,
        })
        .catch((err: unknown) => err),
    );
    await pause(700);
    await cluster.stop();
    await cluster.start();
    for (const outcome of await Promise.all(transactions)) expect(outcome).toBeInstanceOf(DatabaseUnavailableError);
    // Before the fix each cut-off transaction kept its connection checked out, and this waited forever.
    const answered = await Promise.race([db.user.count().then(() => "answered"), pause(10_000).then(() => "stuck")]);
    expect(answered).toBe("answered");
  });

  it("gives up with DatabaseUnavailableError after the app's four tries when the server stays down", async () => {
    const { db, retries } = client({ retry: undefined });
    await db.user.count();
    await cluster.stop();
    try {
      const error = await db.user.findMany().catch((err: unknown) => err);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as DatabaseUnavailableError).attempts).toBe(4);
      expect((error as Error).message).toMatch(/^The database is unavailable \(4 tries\): Can't reach database server/);
      expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    } finally {
      await cluster.start();
    }
    expect(await db.user.findMany({ take: 1 })).toBeDefined();
  });
});
