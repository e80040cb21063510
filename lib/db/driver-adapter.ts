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

export function createDriverAdapter(url: string): PrismaPg | PrismaBetterSQLite3 {
  if (providerOf(url) === "postgres") return new PrismaPg(postgresConfig(url));
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
}
