import { describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { repositoriesOn, testDatabases, uniqueEmail } from "../db/test-support/databases";
import { delayForStrike } from "./growing-delay-limiter";
import { SIGN_IN_RULES, SignInThrottle } from "./sign-in-throttle";
import { expireRateLimits, rateLimitPoints, uniqueIp } from "./test-support/rate-limits";

describe("delayForStrike", () => {
  it("doubles the wait each time the limit is reached again, up to the cap", () => {
    const rule = SIGN_IN_RULES.ipAccount;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((strike) => delayForStrike(strike, rule))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });
});

/** Failed attempts: begin() counts each one; nothing else happens after a wrong password. */
async function fail(throttle: SignInThrottle, ip: string, email: string, times: number) {
  const verdicts = [];
  for (let i = 0; i < times; i++) verdicts.push(await throttle.begin(ip, email));
  return verdicts;
}

describe.each(testDatabases)("SignInThrottle on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const throttleOn = (db: Db) => new SignInThrottle(db);

  it("refuses the sixth attempt on one account from one IP and says how long to wait; the owner elsewhere is not locked out", async () => {
    const throttle = throttleOn(ctx.db);
    const [attacker, owner, email] = [uniqueIp(), uniqueIp(), uniqueEmail("target")];
    expect((await fail(throttle, attacker, email, 5)).every((v) => v.allowed)).toBe(true);
    expect(await throttle.begin(attacker, email)).toEqual({ allowed: false, retryAfterSec: 60 });
    // Still refused while the wait lasts, and the wait does not grow with the refused attempts.
    const again = await throttle.begin(attacker, email);
    expect(again.allowed).toBe(false);
    expect(again.allowed === false && again.retryAfterSec).toBeGreaterThan(50);
    expect(again.allowed === false && again.retryAfterSec).toBeLessThanOrEqual(60);
    // The real owner, from their own network, signs in as usual.
    expect(await throttle.begin(owner, email)).toEqual({ allowed: true });
    // Other accounts from the attacker's IP are not refused because of this one.
    expect(await throttle.begin(attacker, uniqueEmail("other"))).toEqual({ allowed: true });
  });

  it("grows the wait each time the limit is reached again, and forgets the failures after a success", async () => {
    const throttle = throttleOn(ctx.db);
    const [ip, email] = [uniqueIp(), uniqueEmail("growing")];
    await fail(throttle, ip, email, 5);
    expect(await throttle.begin(ip, email)).toEqual({ allowed: false, retryAfterSec: 60 });
    await expireRateLimits(ctx.db, `signin-ip-account:${ip}|${email}`); // the minute has passed
    // The wait is over: five more attempts, then twice the wait.
    expect((await fail(throttle, ip, email, 5)).every((v) => v.allowed)).toBe(true);
    expect(await throttle.begin(ip, email)).toEqual({ allowed: false, retryAfterSec: 120 });

    const [ip2, email2] = [uniqueIp(), uniqueEmail("forgiven")];
    await fail(throttle, ip2, email2, 4);
    expect(await throttle.begin(ip2, email2)).toEqual({ allowed: true });
    await throttle.succeeded(ip2, email2);
    expect((await fail(throttle, ip2, email2, 5)).every((v) => v.allowed)).toBe(true);
    expect((await throttle.begin(ip2, email2)).allowed).toBe(false);
  });

  it("limits one IP across many e-mails (the spraying attack), without touching other IPs", async () => {
    const throttle = throttleOn(ctx.db);
    const [sprayer, neighbour] = [uniqueIp(), uniqueIp()];
    const free = SIGN_IN_RULES.ip.freeAttempts;
    for (let i = 0; i < free; i++)
      expect(await throttle.begin(sprayer, uniqueEmail(`spray${i}`))).toEqual({ allowed: true });
    expect(await throttle.begin(sprayer, uniqueEmail("one-more"))).toEqual({ allowed: false, retryAfterSec: 60 });
    expect(await throttle.begin(neighbour, uniqueEmail("neighbour"))).toEqual({ allowed: true });
  });

  it("keeps a wait in force when attempts that were still in flight are given back afterwards", async () => {
    const throttle = throttleOn(ctx.db);
    const ip = uniqueIp();
    const emails = Array.from({ length: SIGN_IN_RULES.ip.freeAttempts }, (_, i) => uniqueEmail(`inflight${i}`));
    for (const email of emails) expect(await throttle.begin(ip, email)).toEqual({ allowed: true });
    expect((await throttle.begin(ip, uniqueEmail("crossing"))).allowed).toBe(false);
    // Those attempts now succeed, after the IP's wait began: each takes its attempt back.
    for (const email of emails) await throttle.succeeded(ip, email);
    expect((await throttle.begin(ip, uniqueEmail("during-wait"))).allowed).toBe(false);
  });

  it("does not count successful sign-ins against the IP (a class behind one NAT)", async () => {
    const throttle = throttleOn(ctx.db);
    const school = uniqueIp();
    for (let i = 0; i < SIGN_IN_RULES.ip.freeAttempts * 2; i++) {
      const email = uniqueEmail(`pupil${i}`);
      expect(await throttle.begin(school, email)).toEqual({ allowed: true });
      await throttle.succeeded(school, email);
    }
    expect(await rateLimitPoints(ctx.db, `signin-ip:${school}`)).toBe(0);
  });
});

describe.each(testDatabases)("SignInThrottle on two instances over $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const throttleOn = (db: Db) => new SignInThrottle(db);

  it("two instances on one database share the counts", async () => {
    const second = createDb(url);
    try {
      const [a, b] = [throttleOn(ctx.db), throttleOn(second)];
      const [ip, email] = [uniqueIp(), uniqueEmail("shared")];
      for (let i = 0; i < 5; i++) expect(await (i % 2 ? a : b).begin(ip, email)).toEqual({ allowed: true });
      expect(await a.begin(ip, email)).toEqual({ allowed: false, retryAfterSec: 60 });
      expect((await b.begin(ip, email)).allowed).toBe(false);
    } finally {
      await second.$disconnect();
    }
  });

  it("counts parallel failed attempts on two instances exactly: five get through, one strike is recorded", async () => {
    const second = createDb(url);
    try {
      const [a, b] = [throttleOn(ctx.db), throttleOn(second)];
      const [ip, email] = [uniqueIp(), uniqueEmail("parallel")];
      // 15: fewer than the IP's own limit, so only the per-account limit is at work.
      const verdicts = await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? a : b).begin(ip, email)));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
      expect(await rateLimitPoints(ctx.db, `signin-ip-account-strikes:${ip}|${email}`)).toBe(1);
      // The 10 refused attempts were given back to the IP: it holds exactly the 5 real guesses.
      expect(await rateLimitPoints(ctx.db, `signin-ip:${ip}`)).toBe(5);
    } finally {
      await second.$disconnect();
    }
  });

  it("lets exactly the IP's free attempts through when 60 e-mails are tried at once from one IP", async () => {
    const second = createDb(url);
    try {
      const [a, b] = [throttleOn(ctx.db), throttleOn(second)];
      const ip = uniqueIp();
      const verdicts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).begin(ip, uniqueEmail(`burst${i}`))),
      );
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_RULES.ip.freeAttempts);
      expect(await rateLimitPoints(ctx.db, `signin-ip-strikes:${ip}`)).toBe(1);
    } finally {
      await second.$disconnect();
    }
  });
});
