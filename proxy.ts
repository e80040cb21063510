import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, HSTS_HEADER } from "@/lib/http/security-headers";

/** Largest request body a page or server action accepts; bigger ones get 413 before any work. */
export const MAX_BODY_BYTES = 1_000_000;

const isHttps = (request: NextRequest) =>
  request.nextUrl.protocol === "https:" ||
  (process.env.TRUST_PROXY === "1" && request.headers.get("x-forwarded-proto") === "https");

/**
 * Runs before every page: refuses oversized bodies with a readable 413, and gives each page a
 * fresh CSP nonce (Next.js reads it from the request's Content-Security-Policy header and puts it
 * on its own scripts, so pages stay dynamic and no script runs without it).
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return new NextResponse(`That request is too large (over ${MAX_BODY_BYTES / 1_000_000} MB).`, {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = isHttps(request);
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
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
