import { expect, test } from "@playwright/test";
import { LESSON_SLUG } from "./helpers";

test("on a phone, without an account, the collapsible contents mark the section being read", async ({ page }) => {
  await page.goto(`/lessons/${LESSON_SLUG}`);
  await page.locator("summary", { hasText: "On this page" }).tap();
  const toc = page.getByRole("group");
  await page.evaluate(() => window.scrollTo(0, document.getElementById("real-kubernetes")!.offsetTop - 80));
  await expect(toc.getByRole("link", { name: /Where real Kubernetes differs/ })).toHaveAttribute(
    "aria-current",
    "location",
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
});

test("on a phone the course map, glossary and search fit the screen", async ({ page }) => {
  for (const path of ["/lessons", "/glossary", "/search?q=service"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
  }
});
