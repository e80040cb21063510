import { redirect } from "next/navigation";
import { repositories } from "../db/repositories";
import type { UserRecord } from "../db/user-repository";
import { auth } from "./auth";

export type CurrentUser = Omit<UserRecord, "passwordHash">;

/**
 * The signed-in user, read fresh from the database so a deleted account or a changed role takes
 * effect at once, or null.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await repositories().users.findById(id);
  if (!user) return null;
  const { passwordHash: _hidden, ...visible } = user;
  return visible;
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireInstructor(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "INSTRUCTOR") redirect("/?error=instructors-only");
  return user;
}
