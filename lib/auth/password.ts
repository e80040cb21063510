import bcrypt from "bcryptjs";

// Cost 10 keeps sign-in around 60 ms on these cores while staying well above brute-force comfort.
export const PASSWORD_HASH_COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, PASSWORD_HASH_COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A stored value no password hashes to (not a bcrypt hash): the account has no password (an LTI account). */
export const UNUSABLE_PASSWORD_HASH = "lti-account:no-password";

/** Whether an account can sign in with a password at all. */
export const hasUsablePassword = (passwordHash: string) => passwordHash !== UNUSABLE_PASSWORD_HASH;

/** The cost a stored hash was made with (bcrypt keeps it in the hash). */
export const hashCost = (hash: string) => bcrypt.getRounds(hash);

/**
 * What the dummy hash below is a hash of. Knowing it gains nothing: a match against the dummy
 * never signs anyone in, because there is no account behind it.
 */
export const DUMMY_PASSWORD = "kubelearn: no account has this e-mail";

let dummyHash: Promise<string> | undefined;

/**
 * A real bcrypt hash of the same cost as every stored one, compared against when the e-mail has no
 * account, so that answer takes as long as a wrong password (OWASP Authentication cheat sheet:
 * "Authentication Responses"). Made once per process.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(DUMMY_PASSWORD);
  return dummyHash;
}
