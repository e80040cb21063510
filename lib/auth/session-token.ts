import type { UserRecord, UserRole } from "../db/user-repository";

/** What a session token (a JWT in the session cookie) carries besides next-auth's own fields. */
export interface SessionClaims {
  sub: string;
  role: UserRole;
  /** The user's sessionVersion when the token was issued. */
  sv: number;
  /**
   * When the person signed in (epoch seconds). next-auth re-issues the token as the session rolls,
   * so its own `iat` moves; this stays, and tells how recently the person proved who they are.
   */
  at: number;
}

export type FindUserById = (id: string) => Promise<UserRecord | null>;
/** The user's current session version, or null when the account is gone. */
export type FindSessionVersion = (id: string) => Promise<number | null>;

/** The claims a token gets at sign-in. */
export function claimsAtSignIn(user: Pick<UserRecord, "id" | "role" | "sessionVersion">, now: Date): SessionClaims {
  return { sub: user.id, role: user.role, sv: user.sessionVersion, at: Math.floor(now.getTime() / 1000) };
}

/** The sign-in time a token carries, or null for a token issued before it carried one. */
export const signedInAtOf = (token: { at?: unknown }): Date | null =>
  typeof token.at === "number" ? new Date(token.at * 1000) : null;

/**
 * The user a session token still stands for, or null: the account is gone, or the token was issued
 * before the user's last sign-out or password change (its version is behind), or it carries no
 * version at all (issued before versions existed).
 */
export async function userForToken(
  token: { sub?: unknown; sv?: unknown },
  findUserById: FindUserById,
): Promise<UserRecord | null> {
  if (typeof token.sub !== "string" || typeof token.sv !== "number") return null;
  const user = await findUserById(token.sub);
  return user && user.sessionVersion === token.sv ? user : null;
}

/**
 * The user id a session token still stands for, or null; the same rule as `userForToken`, reading
 * only the version (one indexed column instead of the whole row), for requests that need nothing
 * else of the user.
 */
export async function subjectForToken(
  token: { sub?: unknown; sv?: unknown },
  findSessionVersion: FindSessionVersion,
): Promise<string | null> {
  if (typeof token.sub !== "string" || typeof token.sv !== "number") return null;
  return (await findSessionVersion(token.sub)) === token.sv ? token.sub : null;
}

/**
 * next-auth's jwt callback: at sign-in (`user` given) the token gets the claims; on every later read
 * of the session the token is checked against the user row, and a revoked one becomes null, which
 * next-auth treats as "no session" (and clears the cookie where it can).
 */
export async function sessionTokenCallback<T extends { sub?: unknown; sv?: unknown }>(
  token: T,
  user: { id?: string; role?: UserRole; sessionVersion?: number } | undefined,
  findUserById: FindUserById,
  now: () => Date = () => new Date(),
): Promise<T | null> {
  if (user?.id) {
    return {
      ...token,
      ...claimsAtSignIn({ id: user.id, role: user.role ?? "LEARNER", sessionVersion: user.sessionVersion ?? 0 }, now()),
    };
  }
  return (await userForToken(token, findUserById)) ? token : null;
}
