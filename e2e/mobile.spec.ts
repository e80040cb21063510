import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

test("on a phone the lesson has a collapsible table of contents and the table scrolls inside its box", async ({
  page,
}) => {
  await signUp(page, newLearner());
  await page.goto(`/lessons/${LESSON_SLUG}`);
  const toc = page.locator("summary", { hasText: "On this page" });
  await expect(toc).toBeVisible();
  await toc.click();
  await page.getByRole("group").filter({ hasText: "On this page" }).getByRole("link", { name: "Key points" }).click();
  await expect(page).toHaveURL(/#key-points$/);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()!.width;
  expect(pageWidth).toBeLessThanOrEqual(viewport);
  await expectNoSeriousA11yViolations(page);
});

test("on a phone the quiz, the flashcards and a drill fit the screen and work by touch", async ({ page }) => {
  await signUp(page, newLearner());
  const fits = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );

  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await page.getByRole("button", { name: "Start quiz" }).tap();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  await fits();

  await page.goto("/review");
  await page.getByRole("button", { name: /Show answer/ }).tap();
  await page.getByRole("button", { name: /^Good: next in/ }).tap();
  await expect(page.getByText(/Left: 19 new · 1 learning/)).toBeVisible();
  await fits();

  await page.goto("/drills/headless-dns");
  await page.getByRole("tab", { name: "Terminal" }).tap();
  await page.getByLabel("Command").fill("kubectl get pods -o wide");
  await page.getByLabel("Command").press("Enter");
  await expect(page.getByLabel("Terminal output")).toContainText("$ kubectl get pods -o wide");
  await fits();
  await expectNoSeriousA11yViolations(page);
});
