import "server-only";
import { logger } from "../log/logger";
import { createDb, type Db } from "./create-db";

// The server's way into the database: the process-wide client. `server-only` makes the build fail if
// a client component reaches this module (through a service or repositories()) instead of shipping
// database code. Code that opens its own client on a URL (scripts, tests) imports ./create-db.

// Re-exported only for lib/quiz/service/quiz-service.test.ts, which imports them from here and is
// outside this change; once it imports ./create-db, this line goes.
export { createDb, type Db };

const globalForDb = globalThis as unknown as { kubelearnDb?: Db };

/**
 * One client per server process (and per dev-server reload), retrying transient errors and logging
 * each retry. It is not disconnected on SIGTERM: `next start` exits only after every in-flight
 * request has finished (README, Operations), so no query is running, and exiting closes the
 * sockets; PostgreSQL ends those sessions, and every committed SQLite write is already on disk.
 */
export function getDb(): Db {
  globalForDb.kubelearnDb ??= createDb(undefined, {
    onRetry: ({ operation, model, attempt, delayMs, error }) =>
      logger.warn(
        { operation, model, attempt, delayMs, err: error },
        "database unavailable for a moment; trying the query again",
      ),
  });
  return globalForDb.kubelearnDb;
}
