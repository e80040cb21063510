import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

test("on a phone the lesson has a collapsible table of contents and the table scrolls inside its box", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto(`/lessons/${LESSON_SLUG}`);
  const toc = page.locator("summary", { hasText: "On this page" });
  await expect(toc).toBeVisible();
  await toc.click();
  await page.getByRole("group").getByRole("link", { name: "Key points" }).click();
  await expect(page).toHaveURL(/#key-points$/);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()!.width;
  expect(pageWidth).toBeLessThanOrEqual(viewport);
  await expectNoSeriousA11yViolations(page);
});
