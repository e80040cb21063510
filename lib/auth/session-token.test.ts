import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "../db/test-support/databases";
import { sessionTokenCallback, signedInAtOf, subjectForToken } from "./session-token";

// A session cookie as next-auth writes it (an encrypted JWT, salted with the cookie's name).
const secret = "vitest-session-secret-0123456789abcdef";
const salt = "authjs.session-token";
const mint = (token: Record<string, unknown>) => encode({ token, secret, salt });
const read = async (cookie: string) => (await decode({ token: cookie, secret, salt }))!;

describe.each(testDatabases)("session tokens on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const findUserById = (id: string) => ctx.repos.users.findById(id);

  async function signedIn(label: string) {
    const user = await ctx.repos.users.create({ email: uniqueEmail(label), name: "Session", passwordHash: "h" });
    // What the jwt callback does at sign-in with what authorize() returned.
    const token = await sessionTokenCallback({ sub: user.id, email: user.email }, user, findUserById);
    return { user, cookie: await mint(token!) };
  }

  /**
   * What the app does with a cookie on a request: the jwt callback (next-auth's own routes) and
   * currentUser() check the whole row; the JSON API checks only the version (currentUserId()). The
   * two must agree on every token, so each check below is made both ways.
   */
  const sessionFor = async (cookie: string) => {
    const token = await read(cookie);
    const checked = await sessionTokenCallback(token, undefined, findUserById);
    const subject = await subjectForToken(token, (id) => ctx.repos.users.sessionVersionOf(id));
    expect(subject).toBe(checked ? checked.sub : null);
    return checked;
  };

  it("keeps a fresh token valid across requests", async () => {
    const { user, cookie } = await signedIn("fresh");
    expect(await sessionFor(cookie)).toMatchObject({ sub: user.id, sv: 0, role: "LEARNER" });
    expect(await sessionFor(cookie)).not.toBeNull();
  });

  it("records when the person signed in, and keeps that time as the token is read again", async () => {
    const user = await ctx.repos.users.create({ email: uniqueEmail("at"), name: "At", passwordHash: "h" });
    const at = new Date("2026-06-01T09:00:07Z");
    const token = await sessionTokenCallback({ sub: user.id }, user, findUserById, () => at);
    const cookie = await mint(token!);
    const read = await sessionFor(cookie);
    expect(signedInAtOf(read as { at?: unknown })).toEqual(new Date("2026-06-01T09:00:07Z"));
    expect(signedInAtOf({})).toBeNull();
  });

  it("refuses a token minted before sign-out, and accepts one minted after", async () => {
    const { user, cookie } = await signedIn("signout");
    await ctx.repos.users.bumpSessionVersion(user.id); // what the signOut event does
    expect(await sessionFor(cookie)).toBeNull();
    const again = await ctx.repos.users.findById(user.id);
    const fresh = await mint((await sessionTokenCallback({ sub: user.id }, again!, findUserById))!);
    expect(await sessionFor(fresh)).toMatchObject({ sub: user.id, sv: 1 });
  });

  it("refuses every older token after a password change, on every device", async () => {
    const { user, cookie: laptop } = await signedIn("change");
    const phone = await mint((await sessionTokenCallback({ sub: user.id }, user, findUserById))!);
    await ctx.repos.users.changePasswordHash(user.id, "new-hash");
    expect(await sessionFor(laptop)).toBeNull();
    expect(await sessionFor(phone)).toBeNull();
  });

  it("refuses a token without a version (issued before versions existed) or for a deleted account", async () => {
    const { user, cookie } = await signedIn("gone");
    expect(await sessionFor(await mint({ sub: user.id, role: "LEARNER" }))).toBeNull();
    await ctx.db.user.delete({ where: { id: user.id } });
    expect(await sessionFor(cookie)).toBeNull();
  });
});
