import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/http/request-id";
import { contentSecurityPolicy, HSTS_HEADER } from "@/lib/http/security-headers";
import { logger } from "@/lib/log/logger";
import { isLtiLandingPath } from "@/lib/lti/core/frame-ancestors";
import { FRAME_COOKIE, readFrameCookie } from "@/lib/lti/service/frame-cookie";

/** Largest request body a page or server action accepts; bigger ones get 413 before any work. */
export const MAX_BODY_BYTES = 1_000_000;

const trustProxy = () => process.env.TRUST_PROXY === "1";

const isHttps = (request: NextRequest) =>
  request.nextUrl.protocol === "https:" || (trustProxy() && request.headers.get("x-forwarded-proto") === "https");

/**
 * Route handlers that answer with their own Content-Security-Policy: the LTI deep linking return
 * names the LMS in form-action; the launch routes may be framed by the registered platforms.
 */
const OWN_POLICY_PATHS = new Set([
  "/lti/deep-link/respond",
  "/lti/login",
  "/lti/launch",
  "/lti/landing",
  "/lti/continue",
]);

/**
 * The origins that may frame this page: on a page an LTI launch lands on, those of the platform
 * this browser launched from (the signed cookie app/lti/launch set); elsewhere none.
 */
async function frameAncestorsFor(request: NextRequest): Promise<string[]> {
  if (!isLtiLandingPath(request.nextUrl.pathname)) return [];
  return readFrameCookie(request.cookies.get(FRAME_COOKIE)?.value, process.env.AUTH_SECRET ?? "", new Date());
}

/**
 * Runs before every page and route: gives the request an id (on the request for server code and
 * logs, on the response for whoever reports a problem) and logs one line for it, refuses oversized
 * bodies with a readable 413, and gives each page a fresh CSP nonce (Next.js reads it from the
 * request's Content-Security-Policy header and puts it on its own scripts, so pages stay dynamic and
 * no script runs without it).
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER), trustProxy());
  // The path without its query: queries can carry addresses and tokens that do not belong in logs.
  const line = { requestId, method: request.method, path: request.nextUrl.pathname };
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    logger.info({ ...line, status: 413, contentLength: length }, "request refused: body too large");
    return new NextResponse(`That request is too large (over ${MAX_BODY_BYTES / 1_000_000} MB).`, {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  // next-auth reads its form bodies whole and uncapped; a browser always states their length, so a
  // body that does not (chunked) is refused before next-auth starts reading it.
  if (
    request.method === "POST" &&
    request.nextUrl.pathname.startsWith("/api/auth/") &&
    !request.headers.has("content-length")
  ) {
    logger.info({ ...line, status: 411 }, "request refused: no Content-Length");
    return new NextResponse("Send this request with a Content-Length.", {
      status: 411,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId },
    });
  }
  logger.info(line, "request");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = isHttps(request);
  const csp = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    https,
    frameAncestors: await frameAncestorsFor(request),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  if (!OWN_POLICY_PATHS.has(request.nextUrl.pathname)) response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon|apple-icon).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
