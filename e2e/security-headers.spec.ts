import { expect, test } from "@playwright/test";
import { LESSON_SLUG, newLearner, signUp } from "./helpers";

test("every page carries a nonce-based CSP, runs with it, and refuses framing and sniffing", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/signin");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, "a nonce in script-src").toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Every script tag in the HTML the server sent carries this response's nonce (scripts those
  // load later are trusted through 'strict-dynamic').
  const html = (await response?.text()) ?? "";
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  // The pages still hydrate and work under the policy: sign up, open a lesson, type in a drill.
  await signUp(page, newLearner());
  const again = await page.goto(`/lessons/${LESSON_SLUG}`);
  expect(/'nonce-([^']+)'/.exec(again?.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  await page.goto("/drills");
  await page.getByRole("link").filter({ hasText: /./ }).first().waitFor();
  expect(violations).toEqual([]);
});

test("an oversized request body gets 413 with a readable message, before any work", async ({ request }) => {
  const response = await request.post("/signin", {
    data: "x".repeat(1_100_000),
    headers: { "content-type": "text/plain" },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("too large");
});

test("/api/health reports the database as up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true, provider: "sqlite" } });
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
