import { decode, type JWT } from "next-auth/jwt";

// Reading the session cookie without going through next-auth's `auth()`. From a server component or
// a route handler, `auth()` runs next-auth's whole session endpoint: it builds a Request, decrypts the
// token, runs the callbacks, encrypts a fresh token for a cookie the caller cannot set anyway, and
// serialises a Response it then parses again (two key derivations and two JWE operations per
// request, the largest cost of a quiz answer after the database). Here the token is decrypted once,
// with next-auth's own `decode` and the same secret and salt; whether it is still current (the
// session version) is checked by the caller against the database on every request, as before.

/** The names next-auth stores the session token under: with the `__Secure-` prefix when served over HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The part of a cookie store this needs (Next's `cookies()`, or a test's list). */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/** The secret next-auth encrypts session tokens with (next-auth reads AUTH_SECRET, else NEXTAUTH_SECRET). */
export const sessionSecret = (env: Record<string, string | undefined> = process.env): string | undefined =>
  env.AUTH_SECRET || env.NEXTAUTH_SECRET || undefined;

/**
 * The token stored under `name`: the cookie itself, or, when next-auth had to split a large token,
 * its chunks `name.0`, `name.1`, … joined in order.
 */
function storedToken(cookies: CookieJar, name: string): string | undefined {
  const all = cookies.getAll();
  const whole = all.find((c) => c.name === name)?.value;
  if (whole) return whole;
  const chunks = all
    .map((c) => ({
      index: /^\d+$/.test(c.name.slice(name.length + 1)) ? Number(c.name.slice(name.length + 1)) : -1,
      c,
    }))
    .filter(({ index, c }) => index >= 0 && c.name.startsWith(`${name}.`) && c.value)
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map(({ c }) => c.value).join("") : undefined;
}

/**
 * The session token in these cookies, decrypted and within its lifetime (next-auth's `decode`
 * checks the expiry), or null when there is none, it does not decrypt with this secret, or it has
 * expired. It is not yet checked against the database: a revoked token still decodes.
 */
export async function readSessionToken(cookies: CookieJar, secret: string | undefined): Promise<JWT | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const token = storedToken(cookies, name);
    if (!token) continue;
    try {
      const decoded = await decode({ token, secret, salt: name });
      if (decoded) return decoded;
    } catch {
      // Not ours, tampered with or expired: no session from this cookie.
    }
  }
  return null;
}
