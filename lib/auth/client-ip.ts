import { isIP } from "node:net";

/**
 * TRUST_PROXY=1 says a reverse proxy in front of the server sets X-Forwarded-For. Without it the
 * header is whatever the client chose to send, and must not decide whose attempts are counted.
 */
export const trustsProxy = (env: Record<string, string | undefined> = process.env) => env.TRUST_PROXY === "1";

/**
 * Runs on every incoming HTTP request before Next.js sees it (instrumentation.ts). Next.js fills
 * X-Forwarded-For from the socket's address only when the request has none (`??=` in its base
 * server), so without a trusted proxy we drop what the client sent and the header that reaches the
 * app is always the socket's peer address.
 */
export function dropUntrustedForwardedFor(
  headers: Record<string, unknown>,
  env: Record<string, string | undefined> = process.env,
) {
  if (!trustsProxy(env)) delete headers["x-forwarded-for"];
}

/**
 * The client address of a request, as Next.js passes it on: the last X-Forwarded-For entry, which
 * is the socket's peer (no trusted proxy: see dropUntrustedForwardedFor) or the address the trusted
 * proxy saw (it appends or sets the last entry; earlier entries are the client's to forge).
 */
export function clientIp(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normaliseIp(entries[entries.length - 1] ?? "unknown");
}

/**
 * The key an address is throttled by: IPv4 as is (an IPv4-mapped IPv6 address becomes IPv4), IPv6
 * by its /64 prefix, since one subscriber usually holds a whole /64 and could rotate within it.
 */
export function normaliseIp(raw: string): string {
  const ip = raw.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
