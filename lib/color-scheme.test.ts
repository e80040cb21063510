import { describe, expect, it } from "vitest";
import { colorSchemeOf, effectiveColorScheme } from "./color-scheme";
import { colorSchemeFormSchema } from "./color-scheme-form";

describe("colour scheme", () => {
  it("reads the three choices and falls back to system for anything else", () => {
    expect(colorSchemeOf("dark")).toBe("dark");
    expect(colorSchemeOf("light")).toBe("light");
    expect(colorSchemeOf("system")).toBe("system");
    expect(colorSchemeOf("DARK")).toBe("system");
    expect(colorSchemeOf(undefined)).toBe("system");
  });

  it("prefers the signed-in user's setting over the cookie", () => {
    expect(effectiveColorScheme({ colorScheme: "light" }, "dark")).toBe("light");
    expect(effectiveColorScheme(null, "dark")).toBe("dark");
    expect(effectiveColorScheme(null, undefined)).toBe("system");
  });

  it("the form schema refuses a value outside the three", () => {
    expect(colorSchemeFormSchema.safeParse({ colorScheme: "dark" }).success).toBe(true);
    expect(colorSchemeFormSchema.safeParse({ colorScheme: "sepia" }).success).toBe(false);
  });
});
