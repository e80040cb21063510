import { DatabaseUnavailableError, transientKind } from "./database-unavailable";
import { databaseUrl, providerOf } from "./database-url";
import { createDriverAdapter } from "./driver-adapter";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { DATABASE_RETRY_POLICY, type RetryPolicy, retryDelayMs, shouldRetry } from "./retry-policy";

// The client factory, without the server-only marker: the tsx scripts (seed) and the integration
// tests open their own clients on a URL, outside a React Server environment. The app's process-wide
// client is `getDb()` in ./client, which is server-only.

/**
 * The app is typed against the SQLite client; the PostgreSQL client is generated from the same
 * models, so the two agree on every model and query the repositories use.
 */
export type Db = SqliteClient;

/** A retry about to happen, for the logs. */
export interface RetryEvent {
  operation: string;
  model?: string;
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface CreateDbOptions {
  /** false: no retries (each transient error becomes DatabaseUnavailableError at once). */
  retry?: RetryPolicy | false;
  onRetry?: (event: RetryEvent) => void;
  /** For tests: the waits between tries. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Prisma passes a query's transaction in its internal parameters: set inside `$transaction(async
 * (tx) => …)` (kind "itx") and for batches (kind "batch"). It is not in the extension's public
 * types, hence the narrow read.
 */
const inTransaction = (params: object) =>
  (params as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction !== undefined;

/**
 * Retries transient errors (see retry-policy.ts for which, and why writes only when they cannot have
 * run) inside the data layer, so a PostgreSQL restart or a busy SQLite file costs a page a moment,
 * not an error. What still fails is thrown as DatabaseUnavailableError.
 */
function withRetries(client: Db, policy: RetryPolicy | false, options: CreateDbOptions): Db {
  const sleep = options.sleep ?? sleepFor;
  return client.$extends({
    name: "retry-transient-errors",
    query: {
      async $allOperations(params) {
        const { model, operation, args, query } = params;
        const started = Date.now();
        for (let attempt = 1; ; attempt++) {
          try {
            return await query(args);
          } catch (error) {
            const kind = transientKind(error);
            if (kind === null) throw error;
            const delayMs = policy ? retryDelayMs(policy, attempt, Math.random) : 0;
            const question = {
              kind,
              operation,
              inTransaction: inTransaction(params),
              attempt,
              elapsedMs: Date.now() - started,
              nextDelayMs: delayMs,
            };
            if (!policy || !shouldRetry(policy, question)) throw new DatabaseUnavailableError(error, attempt);
            options.onRetry?.({ operation, model, attempt, delayMs, error });
            await sleep(delayMs);
          }
        }
      },
    },
  }) as unknown as Db;
}

export function createDb(url: string = databaseUrl(), options: CreateDbOptions = {}): Db {
  const adapter = createDriverAdapter(url);
  const client =
    providerOf(url) === "postgres"
      ? (new PostgresClient({ adapter: adapter as never }) as unknown as Db)
      : new SqliteClient({ adapter: adapter as never });
  return withRetries(client, options.retry ?? DATABASE_RETRY_POLICY, options);
}
