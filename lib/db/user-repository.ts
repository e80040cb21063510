import type { Db } from "./create-db";

export type UserRole = "LEARNER" | "INSTRUCTOR";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** IANA zone every time is shown in (lib/time-zones.ts); "UTC" until the person says otherwise. */
  timeZone: string;
  /** "system", "light" or "dark" (lib/color-scheme.ts); "system" until the person picks one. */
  colorScheme: string;
  passwordHash: string;
  /** Bumped to revoke every session token issued before (see lib/auth/session-token.ts). */
  sessionVersion: number;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with ${email} already exists.`);
  }
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class UserRepository {
  constructor(private readonly db: Db) {}

  async create(input: {
    email: string;
    name: string;
    passwordHash: string;
    role?: UserRole;
    timeZone?: string;
  }): Promise<UserRecord> {
    try {
      return await this.db.user.create({
        data: {
          email: normaliseEmail(input.email),
          name: input.name.trim(),
          passwordHash: input.passwordHash,
          role: input.role ?? "LEARNER",
          ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        },
      });
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") throw new EmailTakenError(normaliseEmail(input.email));
      throw err;
    }
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { email: normaliseEmail(email) } });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { id } });
  }

  /**
   * The user's session version, or null if the user is gone: the one read every signed-in API
   * request makes (plain SQL on both databases; the client's query compiler would cost more than
   * the query).
   */
  async sessionVersionOf(id: string): Promise<number | null> {
    const [row] = await this.db.$queryRaw<{ sessionVersion: number | bigint }[]>`
      SELECT "sessionVersion" FROM "User" WHERE "id" = ${id}`;
    return row ? Number(row.sessionVersion) : null;
  }

  /**
   * Revokes every session of the user: tokens carry the version they were issued at, and a token
   * whose version is behind the row's is refused. Returns the new version, or null if the user is gone.
   */
  async bumpSessionVersion(id: string): Promise<number | null> {
    const updated = await this.db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    if (updated.count === 0) return null;
    return (await this.db.user.findUnique({ where: { id }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
  }

  /** Sets a new password hash and, in the same update, revokes every existing session. */
  async changePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  }

  /** Sets the zone the user's times are shown in (already checked against Intl's zones). */
  async setTimeZone(id: string, timeZone: string): Promise<boolean> {
    const updated = await this.db.user.updateMany({ where: { id }, data: { timeZone } });
    return updated.count === 1;
  }

  /** Sets the colour scheme the site is drawn in for the user (already checked by lib/color-scheme.ts). */
  async setColorScheme(id: string, colorScheme: string): Promise<boolean> {
    const updated = await this.db.user.updateMany({ where: { id }, data: { colorScheme } });
    return updated.count === 1;
  }

  /**
   * Deletes the account and, by the schema's cascades, everything it owns: progress, quiz attempts
   * and answers, flashcard states, reviews and settings, drill runs, reset links, class memberships,
   * and the classes it teaches (with their memberships and assignments). An instructor's LTI
   * registrations go too, and so, as deleting each registration does (LtiRepository.deletePlatform),
   * do the accounts the launches from those platforms made: they have no password, so no one could
   * sign in to them. False if it was gone already.
   */
  async delete(id: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      await tx.user.deleteMany({ where: { ltiAccount: { platform: { instructorId: id } }, id: { not: id } } });
      return (await tx.user.deleteMany({ where: { id } })).count === 1;
    });
  }

  /** What deleting the user takes with it besides their own rows, for the confirm dialog to say. */
  async deletionImpact(
    id: string,
  ): Promise<{ classes: number; enrolments: number; platforms: number; launchAccounts: number }> {
    const [classes, enrolments, platforms, launchAccounts] = await Promise.all([
      this.db.class.count({ where: { instructorId: id } }),
      this.db.classMember.count({ where: { class: { instructorId: id } } }),
      this.db.ltiPlatform.count({ where: { instructorId: id } }),
      this.db.ltiAccount.count({ where: { platform: { instructorId: id }, userId: { not: id } } }),
    ]);
    return { classes, enrolments, platforms, launchAccounts };
  }

  /** Creates or updates an account by e-mail; used by the demo seed so it can run again safely. */
  upsert(input: { email: string; name: string; passwordHash: string; role: UserRole }): Promise<UserRecord> {
    const email = normaliseEmail(input.email);
    return this.db.user.upsert({
      where: { email },
      create: { ...input, email },
      update: { name: input.name, passwordHash: input.passwordHash, role: input.role },
    });
  }
}
