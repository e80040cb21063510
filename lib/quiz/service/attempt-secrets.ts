import { randomBytes } from "node:crypto";

// Fresh per attempt, from the operating system's CSPRNG. Neither ever leaves the server.

/** The seed that draws and shuffles an attempt: 64 random bits, as decimal text. */
export const newAttemptSeed = (): string => randomBytes(8).readBigUInt64BE().toString();

/** The key of an attempt's public ids: 128 random bits, base64url. */
export const newAttemptSecret = (): string => randomBytes(16).toString("base64url");
