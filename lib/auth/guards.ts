import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { repositories } from "../db/repositories";
import type { UserRecord } from "../db/user-repository";
import { findSessionUser } from "./auth";
import { hasUsablePassword } from "./password";
import { readSessionToken, sessionSecret } from "./session-cookie";
import { signedInAtOf, subjectForToken, userForToken } from "./session-token";

export type CurrentUser = Omit<UserRecord, "passwordHash" | "sessionVersion"> & {
  /** False for an account made by an LTI launch: it signs in only through its course. */
  hasPassword: boolean;
};

/**
 * This request's session token, decrypted from its cookie (session-cookie.ts), or null. Not yet
 * checked against the database: every caller below does that.
 */
const sessionToken = cache(async () => readSessionToken(await cookies(), sessionSecret()));

/**
 * The signed-in user, read fresh from the database so a deleted account, a changed role or a revoked
 * session (the token's version behind the row's) takes effect at once, or null. Cached per request:
 * a page and its layout share one read.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionToken();
  const user = token ? await userForToken(token, findSessionUser) : null;
  if (!user) return null;
  const { passwordHash, sessionVersion: _version, ...visible } = user;
  return { ...visible, hasPassword: hasUsablePassword(passwordHash) };
});

/**
 * Only the signed-in user's id, or null, for route handlers that need nothing else of the user (the
 * quiz's JSON API): the same checks as currentUser (the account exists, the token's version is the
 * current one, so sign-out and a password change revoke at once), with one read of the version.
 */
export const currentUserId = cache(async (): Promise<string | null> => {
  const token = await sessionToken();
  return token ? subjectForToken(token, (id) => repositories().users.sessionVersionOf(id)) : null;
});

/** When this browser's session signed in, or null (no current session, or a token from before this was recorded). */
export async function currentSignInTime(): Promise<Date | null> {
  const token = await sessionToken();
  return token && (await currentUser()) ? signedInAtOf(token as { at?: unknown }) : null;
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Whether the user may teach: create classes, see their results, export question pools. */
export const isInstructor = (user: Pick<CurrentUser, "role">) => user.role === "INSTRUCTOR";

export async function requireInstructor(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!isInstructor(user)) redirect("/?error=instructors-only");
  return user;
}
