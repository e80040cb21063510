import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { repositories } from "../db/repositories";
import type { UserRole } from "../db/user-repository";
import { ltiLaunches } from "../lti/service/server";
import { clientIp } from "./client-ip";
import { signInSchema } from "./credentials";
import { authServices } from "./server";
import { sessionTokenCallback, signedInAtOf } from "./session-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole; signedInAt: string | null } & DefaultSession["user"];
  }
  interface User {
    role?: UserRole;
    sessionVersion?: number;
  }
}

/** Thrown when sign-in is throttled; the sign-in form says how long to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSec: number) {
    super();
  }
}

/**
 * The user row behind a session, read once per request: the jwt callback (which checks the token's
 * version against it) and currentUser() share this cache.
 */
export const findSessionUser = cache((id: string) => repositories().users.findById(id));

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in only works with JWT sessions; the token carries the user id, role and the
  // session version that makes it revocable.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await authServices().checkCredentials({ ...parsed.data, ip: clientIp(request.headers) });
        if (!outcome.ok && outcome.reason === "throttled") throw new SignInThrottled(outcome.retryAfterSec);
        if (!outcome.ok) return null;
        const { user } = outcome;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
    // An LTI launch (app/lti/launch) signs its user in with a one-time ticket it just created; the
    // ticket is good for two minutes and once (lib/lti/service/launch-service.ts).
    Credentials({
      id: "lti",
      name: "LTI launch",
      credentials: { ticket: {} },
      async authorize(raw) {
        const ticket = raw?.ticket;
        if (typeof ticket !== "string" || ticket.length < 20 || ticket.length > 100) return null;
        const user = await ltiLaunches().redeemTicket(ticket);
        if (!user) return null;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    // At sign-in the token gets the session version; on every later read a revoked token is refused.
    jwt: ({ token, user }) => sessionTokenCallback(token, user, findSessionUser),
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = (token.role as UserRole) ?? "LEARNER";
      session.user.signedInAt = signedInAtOf(token as { at?: unknown })?.toISOString() ?? null;
      return session;
    },
  },
  events: {
    // Sign-out (the header's button, or POST /api/auth/signout) revokes every token of the user,
    // not only the cookie in this browser: a copied cookie stops working too.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await authServices().accounts.revokeSessions(sub);
    },
  },
});
