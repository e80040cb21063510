import { databaseUrl, providerOf } from "./database-url";
import { createDriverAdapter } from "./driver-adapter";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

// The client factory, without the server-only marker: the tsx scripts (seed) and the integration
// tests open their own clients on a URL, outside a React Server environment. The app's process-wide
// client is `getDb()` in ./client, which is server-only.

/**
 * The app is typed against the SQLite client; the PostgreSQL client is generated from the same
 * models, so the two agree on every model and query the repositories use.
 */
export type Db = SqliteClient;

export function createDb(url: string = databaseUrl()): Db {
  const adapter = createDriverAdapter(url);
  if (providerOf(url) === "postgres") return new PostgresClient({ adapter: adapter as never }) as unknown as Db;
  return new SqliteClient({ adapter: adapter as never });
}
