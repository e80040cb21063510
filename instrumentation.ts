import type { Instrumentation } from "next";

// Next.js calls these in the server process: register() once at start, onRequestError for every
// error it catches in a page, route handler, server action or proxy.ts. The logger is imported
// lazily so only the Node.js runtime loads it.

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client's address comes from the socket unless TRUST_PROXY=1 (lib/auth/forwarded-for-guard).
  const { installForwardedForGuard } = await import("./lib/auth/forwarded-for-guard");
  installForwardedForGuard();
  const { logger } = await import("./lib/log/logger");
  logger.info({ node: process.version }, "server starting");
  // Failed LTI grade passback is retried by this sweep, whatever traffic comes in: a course used only
  // in the morning still gets a score whose platform was down at night. Tries are claimed by
  // compare-and-set, so several server processes sweeping at once send each score once.
  const { startLtiScoreSweep } = await import("./lib/lti/service/server");
  startLtiScoreSweep();
  // next start drains on SIGTERM by itself (README, Operations); this only says so in the logs.
  process.once("SIGTERM", () => logger.info("SIGTERM received: finishing in-flight requests, then exiting"));
}

/** Every server error, with its request id (set by proxy.ts) and the digest the browser was shown. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log/logger");
  const { isDatabaseUnavailable } = await import("./lib/db/database-unavailable");
  const fields = {
    requestId: firstHeader(request.headers["x-request-id"]),
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: unknown } | null)?.digest,
    err: error,
  };
  if (isDatabaseUnavailable(error)) logger.warn(fields, "database unavailable; the page said so");
  else logger.error(fields, "request failed");
};
