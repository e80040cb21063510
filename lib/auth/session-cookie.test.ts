import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { type CookieJar, readSessionToken, SESSION_COOKIE_NAMES, sessionSecret } from "./session-cookie";

const secret = "vitest-session-secret-0123456789abcdef";
const [secureName, plainName] = SESSION_COOKIE_NAMES;
const jar = (cookies: Record<string, string>): CookieJar => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});
/** A token as next-auth writes it: an encrypted JWT salted with the cookie's name. */
const mint = (claims: Record<string, unknown>, salt: string = plainName, maxAge?: number) =>
  encode({ token: claims, secret, salt, maxAge });

describe("reading the session cookie", () => {
  it("decrypts the token next-auth wrote, under either cookie name", async () => {
    const plain = await mint({ sub: "u1", sv: 3 });
    expect(await readSessionToken(jar({ [plainName]: plain }), secret)).toMatchObject({ sub: "u1", sv: 3 });
    const secure = await mint({ sub: "u2", sv: 0 }, secureName);
    expect(await readSessionToken(jar({ [secureName]: secure }), secret)).toMatchObject({ sub: "u2", sv: 0 });
  });

  it("joins a token that next-auth split into numbered chunks, in their order", async () => {
    const token = await mint({ sub: "u3", sv: 1 });
    const third = Math.ceil(token.length / 3);
    const cookies = jar({
      [`${plainName}.2`]: token.slice(2 * third),
      [`${plainName}.0`]: token.slice(0, third),
      [`${plainName}.1`]: token.slice(third, 2 * third),
    });
    expect(await readSessionToken(cookies, secret)).toMatchObject({ sub: "u3", sv: 1 });
  });

  it("gives no session for a missing, foreign, tampered, mis-salted or expired token, or without a secret", async () => {
    const token = await mint({ sub: "u4", sv: 0 });
    expect(await readSessionToken(jar({}), secret)).toBeNull();
    expect(await readSessionToken(jar({ [plainName]: token }), "another-secret-0123456789abcdef0123")).toBeNull();
    const flipped = `${token.slice(0, -3)}${token.slice(-3) === "AAA" ? "BBB" : "AAA"}`;
    expect(await readSessionToken(jar({ [plainName]: flipped }), secret)).toBeNull();
    expect(await readSessionToken(jar({ [plainName]: "not-a-jwt" }), secret)).toBeNull();
    // A token is bound to the cookie it was written for (the name is the key derivation's salt).
    expect(await readSessionToken(jar({ [secureName]: token }), secret)).toBeNull();
    // Expired well past next-auth's 15 s clock tolerance.
    const expired = await mint({ sub: "u4", sv: 0 }, plainName, -60);
    expect(await readSessionToken(jar({ [plainName]: expired }), secret)).toBeNull();
    expect(await readSessionToken(jar({ [plainName]: token }), undefined)).toBeNull();
  });

  it("uses the secret next-auth uses: AUTH_SECRET, else NEXTAUTH_SECRET", () => {
    expect(sessionSecret({ AUTH_SECRET: "a", NEXTAUTH_SECRET: "b" })).toBe("a");
    expect(sessionSecret({ NEXTAUTH_SECRET: "b" })).toBe("b");
    expect(sessionSecret({ AUTH_SECRET: "" })).toBeUndefined();
  });
});
