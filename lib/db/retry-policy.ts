// When the data layer tries a query again after a transient database error, and how long it waits.
// Pure: the random source is passed in, so tests pin it.
import type { TransientKind } from "./database-unavailable";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the first retry is between half of this and all of it; it doubles per retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first try. */
  budgetMs: number;
}

/**
 * 4 tries within about 2 s: long enough to ride out a PostgreSQL restart (about a second here) or a
 * busy SQLite writer, short enough that a person waiting for a page gets an answer.
 */
export const DATABASE_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 1_000,
  budgetMs: 2_000,
};

/**
 * The wait before retry number `retry` (1 after the first failure): exponential backoff with "equal
 * jitter", half fixed and half random. The fixed half keeps the tries spread over the outage (full
 * jitter can spend all of them in a few milliseconds); the random half keeps many servers' retries
 * from arriving at a restarted database together.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// Prisma operations that only read. Raw queries count as reads because the only one the app sends
// is the health check's SELECT 1; $executeRaw (a write) is not here.
const READ_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "$queryRaw",
  "$queryRawUnsafe",
]);

export const isReadOperation = (operation: string) => READ_OPERATIONS.has(operation);

export interface RetryQuestion {
  kind: TransientKind | null;
  operation: string;
  inTransaction: boolean;
  /** Tries made so far (1 after the first failure). */
  attempt: number;
  elapsedMs: number;
  nextDelayMs: number;
}

/**
 * Whether to try a failed query again.
 *
 * - Never inside an interactive transaction: the transaction lived on the connection that failed, so
 *   its earlier statements are gone; a retried statement would run outside it. The whole transaction
 *   fails and its caller sees the outage.
 * - "not-sent" errors (no connection, SQLite busy): the statement never ran, so every operation,
 *   write or not, is safe to try again.
 * - "lost" errors (the connection died mid-statement): only reads. A write may have committed before
 *   the connection dropped, and not every repository write is idempotent: user and class creation
 *   would report a unique-key clash for their own first success, a quiz attempt or assignment would
 *   be created twice, and reading time is an increment. Those writes fail with "unavailable" instead
 *   and the person (or the browser) sends them again, knowing they may have been saved.
 */
export function shouldRetry(policy: RetryPolicy, q: RetryQuestion): boolean {
  if (q.kind === null || q.inTransaction) return false;
  if (q.kind === "lost" && !isReadOperation(q.operation)) return false;
  if (q.attempt >= policy.maxAttempts) return false;
  return q.elapsedMs + q.nextDelayMs <= policy.budgetMs;
}
