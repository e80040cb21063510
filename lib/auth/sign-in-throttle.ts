import type { Db } from "../db/client";
import { GrowingDelayLimiter, type GrowingDelayRule } from "./growing-delay-limiter";

/** The numbers are ours (OWASP gives none): generous to people who mistype, slow for scripts. */
export const SIGN_IN_RULES: { ip: GrowingDelayRule; ipAccount: GrowingDelayRule } = {
  // Per client IP, across all e-mails: stops one address from spraying many accounts, while a class
  // behind one school NAT (successful sign-ins are not counted) can still make the odd typo.
  ip: { freeAttempts: 20, windowSec: 15 * 60, firstDelaySec: 60, maxDelaySec: 60 * 60, memorySec: 24 * 60 * 60 },
  // Per (IP, account): guessing one account's password. The owner on another network is unaffected.
  ipAccount: { freeAttempts: 5, windowSec: 15 * 60, firstDelaySec: 60, maxDelaySec: 60 * 60, memorySec: 24 * 60 * 60 },
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * Sign-in throttling shared by every server process through the database: per client IP and per
 * (IP, account). Unknown e-mails are throttled exactly like known ones, so the answers reveal nothing.
 */
export class SignInThrottle {
  private readonly ip: GrowingDelayLimiter;
  private readonly ipAccount: GrowingDelayLimiter;

  constructor(db: Db, rules = SIGN_IN_RULES) {
    this.ip = new GrowingDelayLimiter(db, "signin-ip", rules.ip);
    this.ipAccount = new GrowingDelayLimiter(db, "signin-ip-account", rules.ipAccount);
  }

  private static accountKey(ip: string, email: string) {
    return `${ip}|${email.trim().toLowerCase()}`;
  }

  /** Call before checking the password: counts the attempt as a failure until `succeeded` says otherwise. */
  async begin(ip: string, email: string): Promise<ThrottleVerdict> {
    const ipWait = await this.ip.take(ip);
    if (ipWait > 0) return { allowed: false, retryAfterSec: ipWait };
    const accountWait = await this.ipAccount.take(SignInThrottle.accountKey(ip, email));
    if (accountWait > 0) {
      // Refused without a guess: it must not count against everyone else behind the same IP.
      await this.ip.giveBack(ip);
      return { allowed: false, retryAfterSec: accountWait };
    }
    return { allowed: true };
  }

  /**
   * The password was right: the account's failures from this IP are forgotten (OWASP: reset the
   * count on success) and the attempt is taken back from the IP's count, which is otherwise kept so
   * that one valid account cannot be used to wipe an IP's record.
   */
  async succeeded(ip: string, email: string): Promise<void> {
    await Promise.all([this.ipAccount.forget(SignInThrottle.accountKey(ip, email)), this.ip.giveBack(ip)]);
  }
}
