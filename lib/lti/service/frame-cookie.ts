// The signed cookie that tells proxy.ts which origins may frame this browser's LTI landing pages.
// Only a verified launch sets it (app/lti/launch), with the origins of the platform that launched;
// proxy.ts checks the HMAC before it trusts a single origin in it. Web Crypto, so it runs wherever
// proxy.ts runs.

export const FRAME_COOKIE = "kubelearn-lti-frame";
/** As long as a working day in the course: a launch the next day sets it again. */
export const FRAME_COOKIE_HOURS = 12;

const encoder = new TextEncoder();
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

async function hmac(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return b64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`lti-frame:${data}`))));
}

/** The cookie's value: the origins and an expiry, then their HMAC-SHA256 under the app's secret. */
export async function signFrameCookie(origins: readonly string[], secret: string, now: Date): Promise<string> {
  const body = b64url(
    encoder.encode(JSON.stringify({ o: origins, exp: now.getTime() + FRAME_COOKIE_HOURS * 3600_000 })),
  );
  return `${body}.${await hmac(secret, body)}`;
}

/** The origins in a cookie this app signed and that has not expired; [] for anything else. */
export async function readFrameCookie(value: string | undefined, secret: string, now: Date): Promise<string[]> {
  if (!value || value.length > 4000 || !secret) return [];
  const [body, mac, extra] = value.split(".");
  if (!body || !mac || extra !== undefined) return [];
  const expected = await hmac(secret, body);
  if (expected.length !== mac.length) return [];
  let diff = 0;
  for (let i = 0; i < mac.length; i++) diff |= mac.charCodeAt(i) ^ expected.charCodeAt(i);
  if (diff !== 0) return [];
  try {
    const { o, exp } = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { o: unknown; exp: unknown };
    if (typeof exp !== "number" || exp <= now.getTime() || !Array.isArray(o)) return [];
    return o.filter((x): x is string => typeof x === "string" && /^https?:\/\/[^\s;,'"]+$/.test(x));
  } catch {
    return [];
  }
}
