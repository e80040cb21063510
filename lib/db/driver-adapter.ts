import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { providerOf, sqliteFilePath } from "./database-url";

// PostgreSQL reports catalog columns as `name` (19), `char` (18) and arrays of them (1002, 1003);
// the Prisma 6.19 pg adapter cannot deserialise those, and the WASM schema engine reads them
// during migrate. Presenting them as text / text[] is lossless for what the engine reads.
const TYPE_ID_REMAP: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function remapCatalogTypes(res: pg.QueryResult | undefined): void {
  for (const field of res?.fields ?? []) {
    const mapped = TYPE_ID_REMAP[field.dataTypeID];
    if (mapped !== undefined) field.dataTypeID = mapped;
  }
}

type QueryFunction = (...args: unknown[]) => unknown;
const isPromise = (value: unknown): value is Promise<pg.QueryResult> =>
  typeof (value as Promise<unknown> | undefined)?.then === "function";

type Release = (err?: Error | boolean) => void;

class CatalogFriendlyClient extends pg.Client {
  // pg.Pool lends a client by setting `client.release`. Prisma's pg adapter (6.19) releases a
  // transaction's client only after its COMMIT or ROLLBACK succeeds, so a transaction cut off by a
  // PostgreSQL restart kept its pool slot forever; after `max` of them every query waited for a
  // connection that never came. A lent client whose connection ends is therefore handed back (as
  // broken, so the pool drops it), and a later release call from the adapter does nothing.
  private releaseToPool: Release | undefined;

  get release(): Release | undefined {
    const lent = this.releaseToPool;
    if (!lent) return undefined;
    return (err) => {
      if (this.releaseToPool !== lent) return;
      this.releaseToPool = undefined;
      lent(err);
    };
  }

  set release(release: Release | undefined) {
    this.releaseToPool = release;
  }

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on("end", () => this.release?.(new Error("the database connection ended")));
    // pg.Pool calls query(text, values, callback); a direct caller may use the promise form. Both
    // are wrapped on the instance, so pg's overloaded signatures stay as they are.
    const query = pg.Client.prototype.query.bind(this) as unknown as QueryFunction;
    const wrapped: QueryFunction = (...args) => {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => {
          if (!err) remapCatalogTypes(res);
          last(err, res);
        };
      }
      const result = query(...args);
      if (!isPromise(result)) return result;
      return result.then((res) => {
        remapCatalogTypes(res);
        return res;
      });
    };
    this.query = wrapped as unknown as pg.Client["query"];
  }
}

function postgresConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    max: 5,
    Client: CatalogFriendlyClient,
  };
}

/**
 * How long a statement waits for another connection's write lock before SQLITE_BUSY. better-sqlite3
 * waits synchronously, freezing the whole server (its default is 5 s, longer than the data layer's
 * whole retry budget); a short wait, then an asynchronous retry (create-db.ts), keeps the server
 * answering other requests between tries.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 500;

/**
 * The journal settings every SQLite connection gets. In the default rollback-journal mode each
 * commit syncs the journal and the database file several times, ~10 ms here, and better-sqlite3
 * waits for that on the event loop: it capped answer submits near 100/s. Write-ahead logging
 * (sqlite.org/wal.html) appends each commit to one file; with `synchronous = FULL` that file is
 * synced at every commit (sqlite.org/pragma.html#pragma_synchronous), so an acknowledged answer
 * survives a power cut as well as a killed process, at ~0.3 ms a commit. NORMAL would be ~15×
 * faster still but may lose the last commits on power loss, which the platform promises not to.
 * WAL also lets readers run while a write is in progress (the seed or a CLI beside the server).
 * The mode is stored in the file, so the `-wal` and `-shm` files beside it belong to it: delete or
 * copy the three together (README, Operations).
 */
export const SQLITE_PRAGMAS = ["journal_mode = WAL", "synchronous = FULL"] as const;

/** The client the adapter holds: a better-sqlite3 Database (not in the adapter's public types). */
interface WithSqliteClient {
  client: { pragma(source: string): unknown };
}

/** A lock taken in turn: `acquire` resolves with the function that releases it. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const ready = tail.then(() => release);
      tail = tail.then(() => held);
      return ready;
    },
  };
}

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;

/**
 * The adapter (6.19) runs everything on one better-sqlite3 connection, and its own mutex orders
 * only transactions against each other: a query from another request that ran while an
 * interactive transaction awaited went into that transaction, saw its uncommitted writes, and was
 * rolled back with it, after it had been acknowledged (a script here lost such a write). So every
 * query outside a transaction waits for the open transaction, if any, to commit or roll back.
 * Queries of the transaction itself go through its own object and do not wait.
 */
function serialiseAroundTransactions(adapter: SqliteAdapter): void {
  const lock = createLock();
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  const locked =
    <A, R>(run: (arg: A) => Promise<R>) =>
    async (arg: A): Promise<R> => {
      const release = await lock.acquire();
      try {
        return await run(arg);
      } finally {
        release();
      }
    };
  adapter.queryRaw = locked(queryRaw);
  adapter.executeRaw = locked(executeRaw);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    let tx: SqliteTransaction;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (err) {
      release();
      throw err;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
}

class TunedSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const { client } = adapter as unknown as WithSqliteClient;
    for (const pragma of SQLITE_PRAGMAS) client.pragma(pragma);
    serialiseAroundTransactions(adapter);
    return adapter;
  }
}

export function createDriverAdapter(url: string): PrismaPg | PrismaBetterSQLite3 {
  if (providerOf(url) === "postgres") return new PrismaPg(postgresConfig(url));
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return new TunedSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
}
