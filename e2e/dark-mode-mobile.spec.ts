import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { expectNoSeriousA11yViolations, LESSON_SLUG, signIn, welcomeHeading } from "./helpers";

const learner = DEMO_ACCOUNTS.find((a) => a.role === "LEARNER")!;

async function openMenu(page: Page) {
  await page.getByRole("banner").locator("summary", { hasText: "Menu" }).tap();
}

test("on a phone the colour scheme sits in the header's menu, works by keyboard and stays after a reload", async ({
  page,
}) => {
  await page.goto("/lessons");
  await openMenu(page);
  const menu = page.getByRole("banner");
  await menu.getByRole("radio", { name: "System", exact: true }).focus();
  await page.keyboard.press("ArrowLeft"); // a radio group wraps: System → Dark
  await expect(menu.getByRole("radio", { name: "Dark", exact: true })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");
  await expect(menu.getByRole("status").last()).toHaveText("Colour scheme: Dark.");
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");
});

test("axe finds nothing on a phone in the dark scheme, menu open and closed", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, learner.email, learner.password);
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();
  for (const path of ["/", `/lessons/${LESSON_SLUG}`, "/drills/no-ready-pods", "/review/stats", "/progress"]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await openMenu(page);
  await expectNoSeriousA11yViolations(page);
});
