import { createHash, randomBytes } from "node:crypto";
import type { PasswordResetRecord, PasswordResetRepository } from "../db/password-reset-repository";
import type { UserRecord, UserRepository } from "../db/user-repository";
import { fail, ok, type Result } from "../result";
import type { CheckCredentials } from "./credential-check";
import { DELETE_PHRASE } from "./delete-phrase";
import type { GrowingDelayRule } from "./growing-delay-limiter";
import type { Mailer } from "./mailer";
import { hashPassword, hasUsablePassword } from "./password";
import { waitSentence } from "./wait-sentence";

/** OWASP Forgot Password cheat sheet: short-lived, single-use, random tokens. */
export const RESET_TOKEN_TTL_MINUTES = 30;
/** At most this many reset mails per account per hour, so the form cannot flood someone's inbox. */
export const RESET_MAILS_PER_HOUR = 3;

/** Reset requests per client IP: a few are free, then the waits grow (like sign-in). */
export const RESET_REQUEST_RULE: GrowingDelayRule = {
  freeAttempts: 5,
  windowSec: 60 * 60,
  firstDelaySec: 15 * 60,
  maxDelaySec: 24 * 60 * 60,
  memorySec: 24 * 60 * 60,
};

export interface AccountServiceDeps {
  users: UserRepository;
  passwordResets: PasswordResetRepository;
  checkCredentials: CheckCredentials;
  mailer: Mailer;
  now: () => Date;
  /** Where links in mails point (APP_URL). Never the request's Host header, which a client can forge. */
  appUrl: string;
}

/** Only a SHA-256 of a reset token is stored: the token is 256 random bits, so a slow hash adds nothing. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

function resetTokenProblem(record: PasswordResetRecord | null, now: Date): string | null {
  if (!record)
    return "This reset link is not valid. Check that you opened the whole link from the e-mail, or ask for a new one.";
  if (record.usedAt) return "This reset link has already been used. Ask for a new one if you still need it.";
  if (record.expiresAt <= now)
    return `This reset link has expired (links work for ${RESET_TOKEN_TTL_MINUTES} minutes). Ask for a new one.`;
  return null;
}

function resetMail(user: UserRecord, link: string) {
  return {
    to: user.email,
    subject: "Reset your kubelearn password",
    text: [
      `Hello ${user.name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your kubelearn account. To choose a new one, open:",
      "",
      link,
      "",
      `The link works once, for ${RESET_TOKEN_TTL_MINUTES} minutes. Setting a new password signs you out everywhere.`,
      "If you did not ask for this, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

/**
 * An account without a password (made by an LTI launch) confirms its deletion by typing DELETE_PHRASE,
 * and only from a session that signed in (launched from the course) within RECENT_SIGN_IN_MINUTES:
 * the launch is how such a person proves who they are, as a password is for everyone else.
 */
export const RECENT_SIGN_IN_MINUTES = 15;

/** How a person confirms deleting their account: their password, or (no password) the phrase and a recent sign-in. */
export type DeletionProof =
  | { kind: "password"; password: string; ip: string }
  | { kind: "phrase"; phrase: string; signedInAt: Date | null };

export const DELETION_REFUSALS = {
  gone: "Your account no longer exists.",
  wrongPassword: "That is not your password. Your account has not been deleted.",
  needsPassword: "Enter your password to confirm it is you.",
  noPassword: "Your account has no password: type the phrase instead.",
  phrase: `Type “${DELETE_PHRASE}” exactly to confirm. Your account has not been deleted.`,
  stale: `For your safety, deleting needs a sign-in from the last ${RECENT_SIGN_IN_MINUTES} minutes. Open kubelearn again from your course, then delete your account within ${RECENT_SIGN_IN_MINUTES} minutes.`,
} as const;

/** Whether a sign-in is recent enough to delete a password-less account. */
export const isRecentSignIn = (signedInAt: Date | null, now: Date) =>
  signedInAt !== null &&
  signedInAt.getTime() <= now.getTime() + 60_000 &&
  now.getTime() - signedInAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;

/** Password change, sign-out everywhere, password reset by e-mail, and deleting the account. */
export function createAccountService(deps: AccountServiceDeps) {
  const { users, passwordResets, mailer, now } = deps;

  return {
    /** Revokes every session of the user (sign-out, or "sign out everywhere"). */
    async revokeSessions(userId: string): Promise<void> {
      await users.bumpSessionVersion(userId);
    },

    /**
     * A signed-in user sets a new password. The current one is checked like a sign-in (same
     * throttle), so a stolen session cannot be used to guess it. Revokes every session, including
     * the one making the change, and every reset link sent before.
     */
    async changePassword(
      userId: string,
      input: { currentPassword: string; newPassword: string; ip: string },
    ): Promise<Result<{ email: string }>> {
      const user = await users.findById(userId);
      if (!user) return fail("Your account no longer exists.");
      const check = await deps.checkCredentials({ email: user.email, password: input.currentPassword, ip: input.ip });
      if (!check.ok && check.reason === "throttled")
        return fail(`Too many wrong passwords. ${waitSentence(check.retryAfterSec)}`);
      if (!check.ok) return fail("That is not your current password.");
      if (input.newPassword === input.currentPassword)
        return fail("Choose a new password that differs from the current one.");
      await users.changePasswordHash(user.id, await hashPassword(input.newPassword));
      await passwordResets.invalidateForUser(user.id, now());
      return ok({ email: user.email });
    },

    /** What deleting the account takes with it: the classes they teach, their LTI registrations and the accounts those made. */
    deletionImpact: (userId: string) => users.deletionImpact(userId),

    /**
     * Deletes the signed-in user's account and everything it owns (the schema cascades from the user
     * row: for an LTI account also its platform identity, launches, tickets and queued scores; for an
     * instructor also their LTI registrations and the accounts those platforms' launches made). A
     * person with a password types it again, checked like a sign-in (same throttle), so a stolen
     * session alone cannot delete an account; a person without one (an LTI account) types the phrase
     * from a session that signed in within RECENT_SIGN_IN_MINUTES.
     */
    async deleteAccount(userId: string, proof: DeletionProof): Promise<Result<{ email: string }>> {
      const user = await users.findById(userId);
      if (!user) return fail(DELETION_REFUSALS.gone);
      if (hasUsablePassword(user.passwordHash)) {
        if (proof.kind !== "password") return fail(DELETION_REFUSALS.needsPassword);
        const check = await deps.checkCredentials({ email: user.email, password: proof.password, ip: proof.ip });
        if (!check.ok && check.reason === "throttled")
          return fail(`Too many wrong passwords. ${waitSentence(check.retryAfterSec)}`);
        if (!check.ok) return fail(DELETION_REFUSALS.wrongPassword);
      } else {
        if (proof.kind !== "phrase") return fail(DELETION_REFUSALS.noPassword);
        if (proof.phrase.trim().toLowerCase() !== DELETE_PHRASE) return fail(DELETION_REFUSALS.phrase);
        if (!isRecentSignIn(proof.signedInAt, now())) return fail(DELETION_REFUSALS.stale);
      }
      await users.delete(user.id);
      return ok({ email: user.email });
    },

    /**
     * Sends a reset link when the e-mail has an account, and does nothing otherwise. The caller
     * answers the same either way, and runs this after the response so its timing tells nothing.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await users.findByEmail(email);
      if (!user) return;
      const at = now();
      if (
        (await passwordResets.countCreatedSince(user.id, new Date(at.getTime() - 60 * 60_000))) >= RESET_MAILS_PER_HOUR
      )
        return;
      const token = randomBytes(32).toString("base64url");
      await passwordResets.create({
        userId: user.id,
        tokenHash: hashResetToken(token),
        expiresAt: new Date(at.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
      });
      const link = new URL("/reset-password", deps.appUrl);
      link.searchParams.set("token", token);
      await mailer.send(resetMail(user, link.toString()));
    },

    /** Whether a reset link can still be used, to say so before the person types a new password. */
    async checkResetToken(token: string): Promise<Result<void>> {
      const problem = resetTokenProblem(await passwordResets.findByHash(hashResetToken(token)), now());
      return problem ? fail(problem) : ok(undefined);
    },

    /** Sets the new password if the token is valid, unused and unexpired; the token then stops working. */
    async resetPassword(token: string, newPassword: string): Promise<Result<void>> {
      const tokenHash = hashResetToken(token);
      const problem = resetTokenProblem(await passwordResets.findByHash(tokenHash), now());
      if (problem) return fail(problem);
      const userId = await passwordResets.redeem(tokenHash, await hashPassword(newPassword), now());
      // Another request redeemed it in the meantime (or it expired while we hashed): say which.
      if (!userId) return fail(resetTokenProblem(await passwordResets.findByHash(tokenHash), now()) ?? "Try again.");
      return ok(undefined);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
