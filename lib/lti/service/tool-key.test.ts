import { exportPKCS8, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { repositoriesOn, TEST_SQLITE_URL } from "../../db/test-support/databases";
import { loadToolKey } from "./tool-key";

describe("the tool's signing key", () => {
  const ctx = repositoriesOn(TEST_SQLITE_URL);

  it("comes from LTI_PRIVATE_KEY when set, published as a public RS256 JWK with a thumbprint kid (RFC 7638)", async () => {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const key = await loadToolKey(ctx.repos.lti, { LTI_PRIVATE_KEY: pem.replace(/\n/g, "\\n") });
    expect(key.publicJwk).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty("d");
    expect((await loadToolKey(ctx.repos.lti, { LTI_PRIVATE_KEY: pem })).kid).toBe(key.kid);
  });

  it("is generated once and kept in the database otherwise", async () => {
    const first = await loadToolKey(ctx.repos.lti, {});
    const second = await loadToolKey(ctx.repos.lti, {});
    expect(second.kid).toBe(first.kid);
  });
});
