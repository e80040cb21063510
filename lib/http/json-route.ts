import { isDatabaseUnavailable } from "../db/database-unavailable";
import { logger } from "../log/logger";
import { jsonError } from "./json-response";
import { REQUEST_ID_HEADER } from "./request-id";

/** How long a client should wait before trying again after a 503: about one retry budget. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Wraps a route handler so a database outage (the data layer's retries ran out) answers 503 JSON with
 * Retry-After instead of a bare 500. Any other error is left to Next.js: it answers 500 without
 * details and instrumentation.ts logs it with the request id.
 */
export function jsonRoute<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      const requestId = request.headers.get(REQUEST_ID_HEADER);
      logger.warn(
        { requestId, method: request.method, path: new URL(request.url).pathname, err },
        "database unavailable; answered 503",
      );
      return jsonError(503, "kubelearn is briefly unavailable; try again in a few seconds.", {
        "retry-after": String(RETRY_AFTER_SECONDS),
      });
    }
  };
}
