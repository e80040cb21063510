import { test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

for (const path of ["/", "/signin", "/signup", "/lessons", "/no-such-page"]) {
  test(`no serious accessibility violations on ${path} when signed out`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}

test("no serious accessibility violations on the signed-in pages", async ({ page }) => {
  await signUp(page, newLearner());
  await expectNoSeriousA11yViolations(page);
  for (const path of ["/lessons", `/lessons/${LESSON_SLUG}`]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});
