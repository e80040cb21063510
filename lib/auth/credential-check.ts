import type { UserRecord } from "../db/user-repository";
import type { ThrottleVerdict } from "./sign-in-throttle";

export type SignInOutcome =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "mismatch" }
  | { ok: false; reason: "throttled"; retryAfterSec: number };

export interface CredentialCheckDeps {
  findUserByEmail: (email: string) => Promise<UserRecord | null>;
  throttle: {
    begin(ip: string, email: string): Promise<ThrottleVerdict>;
    succeeded(ip: string, email: string): Promise<void>;
  };
  verifyPassword: (password: string, hash: string) => Promise<boolean>;
  dummyPasswordHash: () => Promise<string>;
}

/**
 * The one place a password is checked at sign-in. The attempt is counted (throttled) before the
 * password is compared, and an unknown e-mail is compared against a real hash of the same cost, so
 * neither the answer nor its timing tells whether the e-mail has an account.
 */
export function createCredentialCheck(deps: CredentialCheckDeps) {
  return async function checkCredentials(input: {
    email: string;
    password: string;
    ip: string;
  }): Promise<SignInOutcome> {
    const email = input.email.trim().toLowerCase();
    const verdict = await deps.throttle.begin(input.ip, email);
    if (!verdict.allowed) return { ok: false, reason: "throttled", retryAfterSec: verdict.retryAfterSec };
    const user = await deps.findUserByEmail(email);
    const matches = await deps.verifyPassword(input.password, user?.passwordHash ?? (await deps.dummyPasswordHash()));
    if (!user || !matches) return { ok: false, reason: "mismatch" };
    await deps.throttle.succeeded(input.ip, email);
    return { ok: true, user };
  };
}

export type CheckCredentials = ReturnType<typeof createCredentialCheck>;
