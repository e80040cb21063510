import { randomBytes } from "node:crypto";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Repositories } from "../../../db/repositories";
import { uniqueEmail } from "../../../db/test-support/databases";
import { CLAIM } from "../../core/claims";
import { createLaunchService } from "../launch-service";
import { loadToolKey, type ToolKey } from "../tool-key";
import { toolUrls } from "../tool-urls";

export const TOOL_URLS = toolUrls("https://tool.example");

/** A platform for service tests: its own key, a registration owned by a fresh instructor, and a way to sign its id_tokens. */
export async function testPlatform(repos: Repositories, now: Date) {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: "p1", alg: "RS256" }] });
  const owner = await repos.users.create({
    email: uniqueEmail("lti-owner"),
    name: "Owner",
    passwordHash: "x",
    role: "INSTRUCTOR",
  });
  const issuer = `https://lms-${randomBytes(4).toString("hex")}.example`;
  const platform = await repos.lti.createPlatform(
    owner.id,
    {
      name: "LMS",
      issuer,
      clientId: "client-1",
      authLoginUrl: `${issuer}/auth`,
      authTokenUrl: `${issuer}/token`,
      jwksUrl: `${issuer}/jwks`,
      deploymentIds: ["dep-1"],
    },
    now,
  );
  if (!platform) throw new Error("not registered");
  /** An id_token of the platform's; `expiresIn` in seconds from `now` (null: no exp claim), `issued: false` leaves out iat. */
  const sign = (
    claims: Record<string, unknown>,
    options: { audience?: string; expiresIn?: number | null; issued?: boolean } = {},
  ) => {
    const nowSec = Math.floor(now.getTime() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "p1" })
      .setIssuer(issuer)
      .setAudience(options.audience ?? "client-1");
    if (options.issued !== false) jwt.setIssuedAt(nowSec);
    const expiresIn = options.expiresIn === undefined ? 300 : options.expiresIn;
    if (expiresIn !== null) jwt.setExpirationTime(nowSec + expiresIn);
    return jwt.sign(privateKey);
  };
  return { platform, jwks, sign };
}

export const resourceClaims = (nonce: string, sub: string, over: Record<string, unknown> = {}) => ({
  sub,
  nonce,
  name: "Ada",
  [CLAIM.messageType]: "LtiResourceLinkRequest",
  [CLAIM.version]: "1.3.0",
  [CLAIM.deploymentId]: "dep-1",
  [CLAIM.targetLinkUri]: TOOL_URLS.launch,
  [CLAIM.resourceLink]: { id: "rl-1" },
  [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
  [CLAIM.custom]: { kubelearn_kind: "lesson", kubelearn_id: "cluster-ip-vs-pod-ip" },
  [CLAIM.agsEndpoint]: {
    lineitem: "https://lms.example/lineitems/9",
    scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
  },
  ...over,
});

let toolKey: Promise<ToolKey> | undefined;
/** One generated tool key for the whole test run (RSA generation is slow). */
export function testToolKey(repos: Repositories): Promise<ToolKey> {
  toolKey ??= loadToolKey(repos.lti, {});
  return toolKey;
}

export function testLaunchService(
  repos: Repositories,
  platformJwks: ReturnType<typeof createLocalJWKSet>,
  clock: { now: Date },
) {
  return createLaunchService({
    lti: repos.lti,
    users: repos.users,
    now: () => clock.now,
    randomToken: () => randomBytes(32).toString("base64url"),
    toolKey: () => testToolKey(repos),
    platformKeys: () => platformJwks,
    urls: TOOL_URLS,
  });
}
