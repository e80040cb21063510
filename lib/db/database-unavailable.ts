// Telling a database that is briefly out of reach (PostgreSQL restarting, SQLite locked by another
// writer) from every other database error, and the one error the app shows as "briefly
// unavailable". No imports: the error pages (client components) read the digest from here too.

/**
 * Next.js keeps an error's own `digest` when it sends a Server Component or Server Action error to
 * the browser (and replaces the message), so this is how an error page recognises an outage.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";

/**
 * - "not-sent": no connection could be made, or SQLite was busy: the statement never ran, so any
 *   query may be tried again;
 * - "lost": the connection died while a statement was running: it may or may not have been applied.
 */
export type TransientKind = "not-sent" | "lost";

// Prisma's codes (P…), PostgreSQL SQLSTATEs, Node socket codes and SQLite's, by what they mean
// for a statement that was under way. P1008 is not here: Prisma uses it both for SQLITE_BUSY
// (never ran) and a PostgreSQL socket timeout (may have run); the adapter's originalCode decides.
const NOT_SENT_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // reached, but connecting timed out
  "P2024", // timed out waiting for a pooled connection
  "P2037", // too many database connections
  "57P03", // cannot_connect_now: the server is starting up or shutting down
  "53300", // too_many_connections
  "08001", // unable to establish a connection
  "08004", // the server rejected the connection
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "SQLITE_BUSY",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_TIMEOUT",
]);
const LOST_CODES = new Set([
  "P1017", // the server closed the connection
  "57P01", // admin_shutdown: a fast shutdown or restart terminated the session
  "57P02", // crash_shutdown
  "08000",
  "08003",
  "08006", // connection_failure
  "08007",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);
// The Prisma adapters' own classification (DriverAdapterError cause.kind).
const NOT_SENT_KINDS = new Set(["DatabaseNotReachable", "TooManyConnections"]);
const LOST_KINDS = new Set(["ConnectionClosed", "SocketTimeout"]);
// node-postgres throws plain Errors without a code for a dropped connection.
const NOT_SENT_MESSAGES = /timeout exceeded when trying to connect/i;
const LOST_MESSAGES =
  /Connection terminated|Client has encountered a connection error|server closed the connection unexpectedly/i;

type Node = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
};

/** Every object in an error's chain: `cause`, and Prisma's `meta.driverAdapterError`. */
function errorChain(err: unknown): Node[] {
  const found: Node[] = [];
  const queue = [err];
  while (queue.length > 0 && found.length < 10) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || found.includes(next as Node)) continue;
    const node = next as Node;
    found.push(node);
    queue.push(node.cause, (node.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return found;
}

function kindOf(node: Node): TransientKind | null {
  const codes = [node.code, node.originalCode].filter((c): c is string => typeof c === "string");
  const message = typeof node.message === "string" ? node.message : "";
  if (codes.some((c) => LOST_CODES.has(c)) || LOST_KINDS.has(String(node.kind)) || LOST_MESSAGES.test(message))
    return codes.some((c) => c.startsWith("SQLITE_BUSY")) ? "not-sent" : "lost";
  if (codes.some((c) => NOT_SENT_CODES.has(c)) || NOT_SENT_KINDS.has(String(node.kind))) return "not-sent";
  if (NOT_SENT_MESSAGES.test(message)) return "not-sent";
  return null;
}

/**
 * Whether `err` means the database is briefly out of reach, and if so whether the statement can
 * have run; null for every other error (a constraint, a bad query), which retrying cannot fix.
 * When the chain says both, "lost" wins: it is the cautious answer.
 */
export function transientKind(err: unknown): TransientKind | null {
  const kinds = errorChain(err).map(kindOf);
  if (kinds.includes("lost")) return "lost";
  return kinds.includes("not-sent") ? "not-sent" : null;
}

/** What the data layer throws when the database stayed out of reach: pages answer "briefly unavailable", APIs 503. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(
    cause: unknown,
    readonly attempts: number,
  ) {
    const reason = cause instanceof Error ? cause.message.trim().split("\n").at(-1) : String(cause);
    super(`The database is unavailable (${attempts} ${attempts === 1 ? "try" : "tries"}): ${reason}`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * An outage, however it arrived: our error (also after crossing a module boundary, by its digest)
 * or a transient error from a path the retrying client does not wrap (opening a transaction).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if ((err as { digest?: unknown } | null)?.digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  return transientKind(err) !== null;
}
