import { describe, expect, it } from "vitest";
import { parseForm } from "../forms";
import {
  changePasswordSchema,
  deleteAccountSchema,
  deleteLaunchAccountSchema,
  resetPasswordSchema,
  safeCallbackPath,
  signUpSchema,
} from "./credentials";
import { DELETE_PHRASE } from "./delete-phrase";
import { hashPassword, verifyPassword } from "./password";

describe("safeCallbackPath", () => {
  it("keeps same-site paths and refuses anything that could leave the site", () => {
    expect(safeCallbackPath("/lessons/x#y")).toBe("/lessons/x#y");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      undefined,
      42,
    ]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});

describe("signUpSchema", () => {
  it("normalises the e-mail and trims the name", () => {
    expect(signUpSchema.parse({ name: "  Ada ", email: " Ada@Example.COM ", password: "long-enough" })).toEqual({
      name: "Ada",
      email: "ada@example.com",
      password: "long-enough",
      timeZone: "UTC",
    });
  });

  it("keeps the browser's time zone when Intl knows it, and falls back to UTC otherwise", () => {
    const zoneOf = (timeZone: unknown) =>
      signUpSchema.parse({ name: "Ada", email: "ada@example.com", password: "long-enough", timeZone }).timeZone;
    expect(zoneOf("America/Los_Angeles")).toBe("America/Los_Angeles");
    expect(zoneOf("Pacific/Tongatapu")).toBe("Pacific/Tongatapu");
    expect(zoneOf("Asia/Kolkata")).toBe("Asia/Kolkata");
    for (const bad of ["", "Mars/Olympus", "<script>", "x".repeat(500), undefined, 42])
      expect(zoneOf(bad), String(bad)).toBe("UTC");
  });

  it("explains each invalid field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`)).toEqual([
      "name: Enter your name.",
      "email: Enter a valid e-mail address.",
      "password: Use at least 8 characters for your password.",
    ]);
  });
});

describe("password change and reset input", () => {
  it("applies the sign-up rule to every new password and explains each field", () => {
    const change = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" });
    expect(change.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`)).toEqual([
      "currentPassword: Enter your current password.",
      "newPassword: Use at least 8 characters for your password.",
    ]);
    const reset = resetPasswordSchema.safeParse({ token: " ", newPassword: "long-enough" });
    expect(reset.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`)).toEqual([
      "token: This page needs the link from the reset e-mail.",
    ]);
  });
});

describe("password hashing", () => {
  it("stores a bcrypt hash, never the password, and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });
});

describe("the account deletion form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return parseForm(deleteAccountSchema, data);
  };

  it("needs the password and the ticked box, and says which is missing", () => {
    expect(form({ password: "secret", confirm: "on" })).toMatchObject({
      ok: true,
      data: { password: "secret", confirm: "on" },
    });
    const unticked = form({ password: "secret" });
    expect(unticked.ok).toBe(false);
    if (unticked.ok) return;
    expect(unticked.state.fieldErrors).toEqual({ confirm: "Tick the box to confirm that everything will be deleted." });
    const empty = form({ confirm: "on" });
    expect(empty.ok ? null : empty.state.fieldErrors).toEqual({
      password: "Enter your password to confirm it is you.",
    });
  });
});

describe("the deletion form of an account without a password", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return parseForm(deleteLaunchAccountSchema, data);
  };

  it("needs the phrase, in any case, and the ticked box", () => {
    expect(form({ phrase: " Delete My Account ", confirm: "on" })).toMatchObject({ ok: true });
    const wrong = form({ phrase: "delete", confirm: "on" });
    expect(wrong.ok ? null : wrong.state.fieldErrors).toEqual({
      phrase: `Type “${DELETE_PHRASE}” exactly to confirm.`,
    });
    const unticked = form({ phrase: DELETE_PHRASE });
    expect(unticked.ok ? null : unticked.state.fieldErrors).toEqual({
      confirm: "Tick the box to confirm that everything will be deleted.",
    });
  });
});
