import http from "node:http";
import { dropUntrustedForwardedFor } from "./client-ip";

const installed = Symbol.for("kubelearn.forwardedForGuard");

/**
 * Makes every HTTP server in this process drop a client-sent X-Forwarded-For before Next.js handles
 * the request, unless TRUST_PROXY=1 (see dropUntrustedForwardedFor). Next.js exposes no socket
 * address to route handlers or server actions; this is the one point where the real peer is known.
 */
export function installForwardedForGuard(env: Record<string, string | undefined> = process.env): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") dropUntrustedForwardedFor((args[0] as http.IncomingMessage).headers, env);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
