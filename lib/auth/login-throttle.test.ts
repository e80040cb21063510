import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

describe("LoginThrottle", () => {
  it("allows four failures, refuses the sixth attempt after five, and says how long to wait", () => {
    const t = new LoginThrottle(5, 15 * 60_000);
    for (let i = 0; i < 5; i++) {
      expect(t.retryAfter("a@x", i * 1000)).toBe(0);
      t.fail("a@x", i * 1000);
    }
    expect(t.retryAfter("a@x", 10_000)).toBe(15 * 60 - 10);
    expect(t.retryAfter("b@x", 10_000)).toBe(0); // other accounts are not affected
  });
  it("lets attempts through again once old failures leave the window, and forgets them on success", () => {
    const t = new LoginThrottle(2, 60_000);
    t.fail("a@x", 0);
    t.fail("a@x", 1000);
    expect(t.retryAfter("a@x", 30_000)).toBe(30);
    expect(t.retryAfter("a@x", 60_000)).toBe(0);
    t.fail("a@x", 61_000);
    t.succeed("a@x");
    expect(t.retryAfter("a@x", 61_500)).toBe(0);
  });
});
