import "server-only";
import { getDb } from "../db/client";
import { databaseUrl, providerOf } from "../db/database-url";
import { sweepExpiredRateLimits } from "../db/rate-limiter";
import { repositoriesFor } from "../db/repositories";
import { type AccountService, createAccountService, RESET_REQUEST_RULE } from "./account-service";
import { type CheckCredentials, createCredentialCheck } from "./credential-check";
import { GrowingDelayLimiter } from "./growing-delay-limiter";
import { mailerFromEnv } from "./mailer";
import { dummyPasswordHash, verifyPassword } from "./password";
import { SignInThrottle } from "./sign-in-throttle";

interface AuthServices {
  checkCredentials: CheckCredentials;
  accounts: AccountService;
  resetRequests: GrowingDelayLimiter;
}

/** Where links in mails point: APP_URL, else this machine on PORT (never the request's Host header). */
export const appUrl = (env: Record<string, string | undefined> = process.env) =>
  env.APP_URL?.trim() || `http://localhost:${env.PORT?.trim() || "3000"}`;

function createAuthServices(): AuthServices {
  const db = getDb();
  const repos = repositoriesFor(db, providerOf(databaseUrl()));
  sweepExpiredRateLimits(db);
  const checkCredentials = createCredentialCheck({
    findUserByEmail: (email) => repos.users.findByEmail(email),
    throttle: new SignInThrottle(db),
    verifyPassword,
    dummyPasswordHash,
  });
  const accounts = createAccountService({
    users: repos.users,
    passwordResets: repos.passwordResets,
    checkCredentials,
    mailer: mailerFromEnv(),
    now: () => new Date(),
    appUrl: appUrl(),
  });
  return {
    checkCredentials,
    accounts,
    resetRequests: new GrowingDelayLimiter(db, "reset-ip", RESET_REQUEST_RULE),
  };
}

// One set per process (and per dev-server reload), with one timer sweeping expired rate limits.
const globalForAuth = globalThis as unknown as { kubelearnAuth?: AuthServices };

export function authServices(): AuthServices {
  globalForAuth.kubelearnAuth ??= createAuthServices();
  return globalForAuth.kubelearnAuth;
}
