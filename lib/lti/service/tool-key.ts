import { createPublicKey } from "node:crypto";
import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from "jose";
import type { LtiRepository } from "../../db/lti-repository";

/** The tool's signing key (RS256, which the IMS Security Framework 1.0 requires platforms and tools to support). */
export interface ToolKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as a JWK with its kid, as GET /lti/jwks publishes it. */
  publicJwk: JWK;
}

export const TOOL_KEY_ALG = "RS256";
const STORED_KEY_ID = "default";

async function fromPem(pem: string): Promise<ToolKey> {
  const privateKey = await importPKCS8(pem, TOOL_KEY_ALG);
  const jwk = await exportJWK(createPublicKey(pem));
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk: JWK = { ...jwk, kid, alg: TOOL_KEY_ALG, use: "sig" };
  return { kid, privateKey, publicKey: (await importJWK(publicJwk, TOOL_KEY_ALG)) as CryptoKey, publicJwk };
}

/**
 * The key from LTI_PRIVATE_KEY (PKCS8 PEM) when set; otherwise the one stored in the database,
 * generated on first use (racing processes keep the first one stored).
 */
export async function loadToolKey(lti: LtiRepository, env: Record<string, string | undefined>): Promise<ToolKey> {
  const configured = env.LTI_PRIVATE_KEY?.trim();
  if (configured) return fromPem(configured.replace(/\\n/g, "\n"));
  const stored = await lti.findToolKey(STORED_KEY_ID);
  if (stored) return fromPem(stored.privateKeyPem);
  const pair = await generateKeyPair(TOOL_KEY_ALG, { extractable: true, modulusLength: 2048 });
  const pem = await exportPKCS8(pair.privateKey);
  const kid = (await fromPem(pem)).kid;
  return fromPem((await lti.saveToolKey(STORED_KEY_ID, { kid, privateKeyPem: pem })).privateKeyPem);
}
