import type { Db } from "./client";

export interface DatabaseHealth {
  ok: boolean;
  provider: "sqlite" | "postgres";
  latencyMs: number;
  error?: string;
}

/**
 * One round trip to the database, bounded by a timeout so a hung connection makes /api/health
 * answer "down" instead of hanging the load balancer's probe.
 */
export async function checkDatabase(
  db: Db,
  provider: DatabaseHealth["provider"],
  timeoutMs = 2_000,
): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, provider, latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
