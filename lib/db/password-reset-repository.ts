import type { Db } from "./client";

export interface PasswordResetRecord {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/**
 * Password reset tokens, stored only as a hash of the token sent by e-mail. A token is redeemed by
 * one conditional update (unused and unexpired), so two requests with the same link cannot both win.
 */
export class PasswordResetRepository {
  constructor(private readonly db: Db) {}

  create(input: { userId: string; tokenHash: string; expiresAt: Date }): Promise<PasswordResetRecord> {
    return this.db.passwordResetToken.create({ data: input });
  }

  findByHash(tokenHash: string): Promise<PasswordResetRecord | null> {
    return this.db.passwordResetToken.findUnique({ where: { tokenHash } });
  }

  /**
   * Redeems the token and sets the user's new password in one transaction: marks this token and
   * every other unused token of the user as used, stores the hash and bumps the session version
   * (every session is revoked). Returns the user id, or null when the token was not redeemable.
   */
  redeem(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    return this.db.$transaction(async (tx) => {
      const claimed = await tx.passwordResetToken.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return null;
      const token = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });
      await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: now } });
      await tx.user.update({
        where: { id: token.userId },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
      return token.userId;
    });
  }

  /** After a password change: links sent earlier must not work any more. */
  async invalidateForUser(userId: string, now: Date): Promise<void> {
    await this.db.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  }

  /** Tokens created for the user since `since`, used or not: limits how many mails one address gets. */
  countCreatedSince(userId: string, since: Date): Promise<number> {
    return this.db.passwordResetToken.count({ where: { userId, createdAt: { gte: since } } });
  }
}
