import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserRecord } from "../db/user-repository";
import { auth, findSessionUser } from "./auth";
import { hasUsablePassword } from "./password";

export type CurrentUser = Omit<UserRecord, "passwordHash" | "sessionVersion"> & {
  /** False for an account made by an LTI launch: it signs in only through its course. */
  hasPassword: boolean;
};

/**
 * The signed-in user, read fresh from the database so a deleted account, a changed role or a revoked
 * session takes effect at once, or null. Cached per request: a page and its layout share one read.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(id);
  if (!user) return null;
  const { passwordHash, sessionVersion: _version, ...visible } = user;
  return { ...visible, hasPassword: hasUsablePassword(passwordHash) };
});

/** When this browser's session signed in, or null (no session, or a token from before this was recorded). */
export async function currentSignInTime(): Promise<Date | null> {
  const at = (await auth())?.user?.signedInAt;
  return at ? new Date(at) : null;
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
