import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "../db/test-support/databases";
import { createCredentialCheck } from "./credential-check";
import { DUMMY_PASSWORD, dummyPasswordHash, hashCost, hashPassword, verifyPassword } from "./password";
import { SignInThrottle } from "./sign-in-throttle";
import { uniqueIp } from "./test-support/rate-limits";

describe("the dummy password hash", () => {
  it("is a real bcrypt hash of the same cost as stored ones, so comparing against it takes as long", async () => {
    const dummy = await dummyPasswordHash();
    const stored = await hashPassword("any password at all");
    expect(hashCost(dummy)).toBe(hashCost(stored));
    // Only a valid hash can match: an invalid one makes bcrypt give up at once (the old 9 ms answer).
    expect(await verifyPassword(DUMMY_PASSWORD, dummy)).toBe(true);
    expect(await dummyPasswordHash()).toBe(dummy); // made once per process
  });
});

describe.each(testDatabases)("checkCredentials on $name", ({ url }) => {
  const ctx = repositoriesOn(url);

  /** The real check, with verifyPassword wrapped to record which hashes it compared against. */
  function check() {
    const compared: string[] = [];
    const checkCredentials = createCredentialCheck({
      findUserByEmail: (email) => ctx.repos.users.findByEmail(email),
      throttle: new SignInThrottle(ctx.db),
      verifyPassword: (password, hash) => {
        compared.push(hash);
        return verifyPassword(password, hash);
      },
      dummyPasswordHash,
    });
    return { checkCredentials, compared };
  }

  it("signs in with the right password only, whatever the e-mail's case", async () => {
    const email = uniqueEmail("check");
    const user = await ctx.repos.users.create({
      email,
      name: "Checked",
      passwordHash: await hashPassword("right-password"),
    });
    const { checkCredentials } = check();
    const ip = uniqueIp();
    expect(await checkCredentials({ email: email.toUpperCase(), password: "right-password", ip })).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    expect(await checkCredentials({ email, password: "wrong-password", ip })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("runs a full bcrypt comparison for an unknown e-mail, against the valid dummy hash", async () => {
    const { checkCredentials, compared } = check();
    const outcome = await checkCredentials({ email: uniqueEmail("nobody"), password: DUMMY_PASSWORD, ip: uniqueIp() });
    // Even the dummy's own password signs nobody in: there is no account.
    expect(outcome).toEqual({ ok: false, reason: "mismatch" });
    expect(compared).toEqual([await dummyPasswordHash()]);
  });

  it("answers an unknown e-mail exactly like a known one with a wrong password, throttling included", async () => {
    const known = uniqueEmail("known");
    await ctx.repos.users.create({ email: known, name: "Known", passwordHash: await hashPassword("the-password") });
    const { checkCredentials } = check();
    const ip = uniqueIp();
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(await checkCredentials({ email, password: "guess", ip }));
      return out;
    };
    const expected = [
      ...Array(5).fill({ ok: false, reason: "mismatch" }),
      { ok: false, reason: "throttled", retryAfterSec: 60 },
    ];
    expect(await answers(known)).toEqual(expected);
    expect(await answers(uniqueEmail("unknown"))).toEqual(expected);
  });

  it("refuses a throttled attempt without comparing any password, even the right one", async () => {
    const email = uniqueEmail("throttled");
    await ctx.repos.users.create({ email, name: "Throttled", passwordHash: await hashPassword("right-password") });
    const { checkCredentials, compared } = check();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await checkCredentials({ email, password: "wrong", ip });
    const before = compared.length;
    expect(await checkCredentials({ email, password: "right-password", ip })).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSec: 60,
    });
    expect(compared).toHaveLength(before);
    // The owner, from another network, is not locked out.
    expect((await checkCredentials({ email, password: "right-password", ip: uniqueIp() })).ok).toBe(true);
  });
});
