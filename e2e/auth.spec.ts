import { expect, test } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  LESSON_SLUG,
  newLearner,
  signIn,
  signOut,
  signUp,
  welcomeHeading,
} from "./helpers";

test("a wrong password shows a clear error and keeps the e-mail", async ({ page }) => {
  await signIn(page, "learner@example.com", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("learner@example.com");
  await expect(page).toHaveURL(/\/signin/);
});

test("the demo learner can sign in", async ({ page }) => {
  await signIn(page, "learner@example.com", "learn-kubernetes");
  await expect(page.getByRole("heading", { name: welcomeHeading("Demo Learner") })).toBeVisible();
});

test("a lesson's quiz needs an account and returns to the quiz after sign-in", async ({ page }) => {
  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flessons%2Fcluster-ip-vs-pod-ip%2Fquiz/);
  await page.getByLabel("E-mail").fill("learner@example.com");
  await page.getByLabel("Password").fill("learn-kubernetes");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
});

test("sign-up explains invalid fields and an e-mail that is taken", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");

  const learner = newLearner();
  await signUp(page, learner);
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("E-mail").fill(learner.email.toUpperCase());
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This e-mail already has an account.")).toBeVisible();
});

test("the progress API refuses anonymous and malformed requests", async ({ request, page }) => {
  const anonymous = await request.post("/api/progress", { data: { slug: LESSON_SLUG, seconds: 10 } });
  expect(anonymous.status()).toBe(401);

  await signUp(page, newLearner());
  const bad = await page.request.post("/api/progress", { data: { slug: LESSON_SLUG, seconds: "ten" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("seconds");
  const unknown = await page.request.post("/api/progress", { data: { slug: "no-such-lesson", seconds: 5 } });
  expect(unknown.status()).toBe(404);
  const ok = await page.request.post("/api/progress", {
    data: { slug: LESSON_SLUG, seconds: 42, sectionId: "comparison" },
  });
  expect(await ok.json()).toEqual({ ok: true, timeSpentSec: 42 });
});

test("repeated wrong passwords slow guessing down with a clear wait, without locking the account", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await signIn(page, learner.email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  }
  // From the same network, even the right password now has to wait a minute.
  await signIn(page, learner.email, learner.password);
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 1 minute." }),
  ).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(learner.email);
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out revokes the session: a copy of the old cookie no longer signs anyone in", async ({
  page,
  browser,
}) => {
  const learner = newLearner();
  await signUp(page, learner);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);
  await signOut(page);

  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(stolen.getByRole("heading", { name: welcomeHeading(learner.name) })).toHaveCount(0);
    await stolen.goto("/review");
    await expect(stolen).toHaveURL(/\/signin\?callbackUrl=/);
    // next-auth's own session endpoint refuses it too.
    expect(await (await stolen.request.get("/api/auth/session")).json()).toBeNull();
  } finally {
    await thief.close();
  }
});

test("changing the password needs the current one, keeps this browser signed in and signs out the others", async ({
  page,
  browser,
}) => {
  const learner = newLearner();
  await signUp(page, learner);
  const otherDevice = await page.context().cookies();

  await page.goto("/account/password");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That is not your current password." })).toBeVisible();

  await page.getByLabel("Current password").fill(learner.password);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await page.getByLabel("Current password").fill(learner.password);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByLabel("New password").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();

  const other = await browser.newContext();
  try {
    await other.addCookies(otherDevice);
    const otherPage = await other.newPage();
    await otherPage.goto("/");
    await expect(otherPage.getByRole("link", { name: "Sign in" })).toBeVisible();
  } finally {
    await other.close();
  }

  await signOut(page);
  await signIn(page, learner.email, "a-brand-new-password");
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();
});
