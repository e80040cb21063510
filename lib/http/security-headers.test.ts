import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("content security policy", () => {
  const production = contentSecurityPolicy({ nonce: "abc123", development: false, https: false });

  it("runs only scripts carrying this request's nonce, never inline or eval'd ones in production", () => {
    const scripts = directive(production, "script-src");
    expect(scripts).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive(production, "frame-ancestors")).toBe("'none'");
    expect(directive(production, "object-src")).toBe("'none'");
    expect(directive(production, "form-action")).toBe("'self'");
    expect(directive(production, "base-uri")).toBe("'self'");
  });

  it("upgrades insecure requests only when served over HTTPS (plain http on localhost must keep working)", () => {
    expect(production).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).toContain(
      "upgrade-insecure-requests",
    );
  });

  it("allows eval only for React's development build", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", development: true, https: false }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });
});
