import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserRecord } from "../db/user-repository";
import { auth, findSessionUser } from "./auth";

export type CurrentUser = Omit<UserRecord, "passwordHash" | "sessionVersion">;

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
  const { passwordHash: _hash, sessionVersion: _version, ...visible } = user;
  return visible;
});

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
