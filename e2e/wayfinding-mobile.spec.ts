import { expect, test } from "@playwright/test";
import { course } from "./course";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

test("on a phone, without an account, the collapsible contents mark the section being read", async ({ page }) => {
  await page.goto(`/lessons/${LESSON_SLUG}`);
  await page.locator("summary", { hasText: "On this page" }).tap();
  const toc = page.getByRole("group").filter({ hasText: "On this page" });
  await page.evaluate(() => window.scrollTo(0, document.getElementById("real-kubernetes")!.offsetTop - 80));
  await expect(toc.getByRole("link", { name: /Where real Kubernetes differs/ })).toHaveAttribute(
    "aria-current",
    "location",
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
});

test("on a phone the course map, glossary, search and every lesson fit the screen", async ({ page }) => {
  for (const path of [
    "/lessons",
    "/glossary",
    "/search?q=service",
    ...course.lessonSlugs.map((s) => `/lessons/${s}`),
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
  }
});

test("on a phone the header is one short row whose menu opens by touch, marks the page and closes on navigating", async ({
  page,
}) => {
  await signUp(page, newLearner());
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
  await expect(header.getByRole("link", { name: "Lessons" })).toBeHidden();
  await header.locator("summary", { hasText: "Menu" }).tap();
  await header.getByRole("link", { name: "Glossary" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Glossary" })).toBeHidden();
  await header.locator("summary", { hasText: "Menu" }).tap();
  await expect(header.getByRole("link", { name: "Glossary" })).toHaveAttribute("aria-current", "page");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
