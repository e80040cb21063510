import { createHmac } from "node:crypto";
import type { PublicIdScheme } from "../core/public-ids";

/** 96 bits of HMAC-SHA256: 16 base64url characters, beyond guessing and free of collisions in practice. */
const PUBLIC_ID_BYTES = 12;

/**
 * An attempt's public ids: HMAC-SHA256, keyed with the attempt's 128-bit secret, of the internal
 * id (and, for an option, item or choice, of its question's id, so the same option in two
 * questions has two names). Without the secret, a public id is not a function of anything the
 * browser sees: not of the option's text, the lesson, the seed or another attempt's ids.
 */
export function macIdScheme(secret: string): PublicIdScheme {
  const key = Buffer.from(secret, "base64url");
  const mac = (...parts: string[]) =>
    createHmac("sha256", key).update(JSON.stringify(parts)).digest().subarray(0, PUBLIC_ID_BYTES).toString("base64url");
  return {
    question: (questionId) => mac("question", questionId),
    choice: (questionId, internalId) => mac("choice", questionId, internalId),
  };
}
