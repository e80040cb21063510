import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const LESSON_SLUG = "cluster-ip-vs-pod-ip";
export const LESSON_TITLE = "ClusterIP vs Pod IP";

/** The home page's heading: "Welcome, …" on a first visit, "Welcome back, …" once the learner has done something. */
export const welcomeHeading = (name: string) =>
  new RegExp(`^Welcome( back)?, ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

let counter = 0;
export function newLearner() {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `Learner ${id}`, email: `learner-${id}@example.test`, password: `pw-${id}-long` };
}

/** `baseURL` is for specs that run their own server; the others use the configured one. */
export async function signUp(page: Page, learner: { name: string; email: string; password: string }, baseURL = "") {
  await page.goto(`${baseURL}/signup`);
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // A freshly started server (restart.spec) renders its first page slowly on a busy machine.
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible({ timeout: 15_000 });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  // On a phone the sign-out button sits in the header's menu.
  const menu = page.getByRole("banner").locator("summary", { hasText: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out, the header offers to sign in (inside the closed menu on a phone).
  await expect(page.getByRole("banner").locator('a[href="/signin"]').first()).toBeAttached();
}

/** Fails on serious or critical axe violations, naming each with the elements it found. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // After a client-side navigation Next.js sets the new page's <title> a moment after its content
  // shows; under load axe could run in between and report a missing title (seen once in CI).
  await expect.poll(() => page.title(), { message: "the page has a <title>" }).not.toBe("");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Whether the page is drawn dark: the body's background, as the browser computed it. */
export async function drawnDark(page: Page): Promise<boolean> {
  // Read back through a canvas, which turns any CSS colour (oklch included) into sRGB bytes.
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d");
    if (!canvas) throw new Error("no canvas");
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return r + g + b < 3 * 80;
  });
}

/**
 * Leaves a shared demo account in this browser without signing it out. Signing out revokes every
 * session of the account (the session version, lib/auth), so it would sign out the specs running in
 * parallel as the same demo account; this browser just forgets its cookies, as another browser would
 * never have had them. The Sign out button is tested with each spec's own accounts.
 */
export async function leaveDemoAccount(page: Page) {
  await page.context().clearCookies();
  await page.goto("/");
  await expect(page.getByRole("banner").locator('a[href="/signin"]').first()).toBeAttached();
}
