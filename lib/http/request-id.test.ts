import { describe, expect, it } from "vitest";
import { requestIdFor } from "./request-id";

const fresh = () => "fresh-0000-id";

describe("requestIdFor", () => {
  it("makes a fresh id unless a trusted proxy sent one", () => {
    expect(requestIdFor(null, false, fresh)).toBe("fresh-0000-id");
    expect(requestIdFor("3f2b1c9e-1a2b-4c5d-8e9f-0a1b2c3d4e5f", false, fresh)).toBe("fresh-0000-id");
    expect(requestIdFor("3f2b1c9e-1a2b-4c5d-8e9f-0a1b2c3d4e5f", true, fresh)).toBe(
      "3f2b1c9e-1a2b-4c5d-8e9f-0a1b2c3d4e5f",
    );
    expect(requestIdFor("Root=1-67891233-abcdef012345678912345678", true, fresh)).toBe(
      "Root=1-67891233-abcdef012345678912345678",
    );
  });

  it("replaces an incoming id that could forge or flood a log line, even from a trusted proxy", () => {
    for (const bad of ["", "short", "has space in it", 'quote"injected', "line\nbreak-forged", "x".repeat(129)])
      expect(requestIdFor(bad, true, fresh), bad).toBe("fresh-0000-id");
  });

  it("generates UUIDs by default", () => {
    expect(requestIdFor(null, false)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
