import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, leaveDemoAccount, signIn } from "./helpers";

// The dashboards on a phone (Pixel 7): the learner's activity charts and own cards, the instructor's
// class page with its learners at risk. Each fits the screen and passes axe.

const fitsTheScreen = async (page: import("@playwright/test").Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );

test("on a phone the learner's activity, own cards and the instructor's class page fit and pass axe", async ({
  page,
}) => {
  await signIn(page, "learner@example.com", "learn-kubernetes");
  await page.waitForURL("/");
  await page.goto("/progress");
  const calendar = page.getByRole("figure", { name: "Study per day" });
  await expect(calendar.getByRole("img")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Quiz score per week" })).toBeVisible();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  await page.goto("/review/cards");
  await expect(page.getByRole("heading", { level: 1, name: "Your flashcards" })).toBeVisible();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  await leaveDemoAccount(page);

  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.waitForURL("/teach");
  await page.getByRole("link", { name: "Kubernetes networking (demo class)" }).click();
  await expect(page.getByRole("region", { name: "Learners at risk" }).getByRole("listitem").first()).toBeVisible();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
});
