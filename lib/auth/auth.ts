import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { repositories } from "../db/repositories";
import type { UserRole } from "../db/user-repository";
import { signInSchema } from "./credentials";
import { LoginThrottle } from "./login-throttle";
import { verifyPassword } from "./password";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
  }
  interface User {
    role?: UserRole;
  }
}

/** Thrown when an e-mail has had too many failed sign-ins recently; the sign-in form explains it. */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const globalForThrottle = globalThis as unknown as { kubelearnLoginThrottle?: LoginThrottle };
globalForThrottle.kubelearnLoginThrottle ??= new LoginThrottle();
const throttle = globalForThrottle.kubelearnLoginThrottle;

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in only works with JWT sessions; the token carries the user id and role.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const key = parsed.data.email.trim().toLowerCase();
        if (throttle.retryAfter(key, Date.now()) > 0) throw new TooManyAttempts();
        const user = await repositories().users.findByEmail(parsed.data.email);
        // Compare even when the user is missing, so timing does not reveal which e-mails exist.
        const ok = await verifyPassword(
          parsed.data.password,
          user?.passwordHash ?? "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinv",
        );
        if (!user || !ok) {
          throttle.fail(key, Date.now());
          return null;
        }
        throttle.succeed(key);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = (token.role as UserRole) ?? "LEARNER";
      return session;
    },
  },
});
