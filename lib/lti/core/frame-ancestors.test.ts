import { describe, expect, it } from "vitest";
import { frameAncestorOrigins, frameAncestorsDirective, isLocalPath, isLtiLandingPath } from "./frame-ancestors";

describe("frame ancestors after an LTI launch", () => {
  it("takes the origins of the issuer and authentication URL, once each, and nothing else", () => {
    expect(
      frameAncestorOrigins([
        { issuer: "https://moodle.example.edu", authLoginUrl: "https://moodle.example.edu/mod/lti/auth.php" },
        { issuer: "https://canvas.example.com", authLoginUrl: "https://sso.example.com:8443/api/lti/authorize" },
        { issuer: "not a url", authLoginUrl: "javascript:alert(1)" },
      ]),
    ).toEqual(["https://canvas.example.com", "https://moodle.example.edu", "https://sso.example.com:8443"]);
  });

  it("writes 'none' when no platform is registered", () => {
    expect(frameAncestorsDirective([])).toBe("frame-ancestors 'none'");
    expect(frameAncestorsDirective(["https://a.example", "http://127.0.0.1:3101"])).toBe(
      "frame-ancestors https://a.example http://127.0.0.1:3101",
    );
  });

  it("lets only the pages a launch lands on be framed", () => {
    for (const path of [
      "/lessons/cluster-ip-vs-pod-ip/quiz",
      "/modules/services/quiz",
      "/quiz/ck1/review",
      "/drills/dns-1",
      "/lti/deep-link",
    ])
      expect(isLtiLandingPath(path), path).toBe(true);
    for (const path of ["/", "/lessons/cluster-ip-vs-pod-ip", "/account/my-data", "/teach/lti", "/drills", "/quiz/x/y"])
      expect(isLtiLandingPath(path), path).toBe(false);
  });

  it("accepts only paths inside the site as a landing target", () => {
    expect(isLocalPath("/lessons/x/quiz")).toBe(true);
    for (const p of ["//evil.example", "/\\evil.example", "https://evil.example", "lessons"])
      expect(isLocalPath(p)).toBe(false);
  });
});
