import { describe, expect, it } from "vitest";
import { platformSchema, removePlatformSchema } from "./registration-service";

const valid = {
  name: "Moodle",
  issuer: "https://moodle.example.edu",
  clientId: "AbC123",
  authLoginUrl: "https://moodle.example.edu/mod/lti/auth.php",
  authTokenUrl: "https://moodle.example.edu/mod/lti/token.php",
  jwksUrl: "https://moodle.example.edu/mod/lti/certs.php",
  deploymentIds: "1\n2, 2",
};

describe("the platform registration form", () => {
  it("reads deployment ids one per line or comma separated, without repeats", () => {
    expect(platformSchema.parse(valid).deploymentIds).toEqual(["1", "2"]);
  });

  it("names the field that is wrong", () => {
    const parsed = platformSchema.safeParse({ ...valid, jwksUrl: "certs.php", deploymentIds: " " });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["jwksUrl", "deploymentIds"]));
  });

  it("refuses a URL that is not http(s)", () => {
    expect(platformSchema.safeParse({ ...valid, authLoginUrl: "javascript:alert(1)" }).success).toBe(false);
  });

  it("deletes only with the confirm step's confirm=yes", () => {
    expect(removePlatformSchema.safeParse({ platformId: "p1", confirm: "yes" }).success).toBe(true);
    expect(removePlatformSchema.safeParse({ platformId: "p1" }).success).toBe(false);
  });
});
