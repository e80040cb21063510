// Apart from credentials.ts (the forms' zod schemas, server side) because the deletion form in the
// browser shows the phrase too, and zod should not be in the browser's script for it.

/**
 * An account without a password (made by an LTI launch) confirms its deletion by typing this phrase
 * (lib/auth/account-service.ts adds the recent sign-in it also needs).
 */
export const DELETE_PHRASE = "delete my account";
