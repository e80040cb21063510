import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { drawnDark, LESSON_SLUG, newLearner, signIn, signOut, signUp, welcomeHeading } from "./helpers";

const learner = DEMO_ACCOUNTS.find((a) => a.role === "LEARNER")!;

const header = (page: Page) => page.getByRole("banner");
/** The desktop header's radio (behind the Colour scheme button), found by id whether the menu is open or not. */
const schemeRadio = (page: Page, name: "System" | "Light" | "Dark") =>
  page.locator(`#header-scheme-${name.toLowerCase()}`);

test("the header's colour scheme radios work by keyboard and the choice persists across reload and sign-in", async ({
  page,
  context,
}) => {
  const me = newLearner();
  await signUp(page, me);
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "system");
  await expect(schemeRadio(page, "System")).toBeChecked();
  expect(await drawnDark(page)).toBe(false);

  // A button opens the choice; Tab reaches the radio group (on the checked one), arrow keys move and pick.
  await header(page).locator("summary", { hasText: "Colour scheme" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(schemeRadio(page, "System")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(schemeRadio(page, "Light")).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(schemeRadio(page, "Dark")).toBeChecked();
  await expect(schemeRadio(page, "Dark")).toBeFocused();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");
  expect(await drawnDark(page)).toBe(true);
  await expect(header(page).getByRole("status").first()).toHaveText("Colour scheme: Dark.");
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(schemeRadio(page, "Dark")).toBeHidden();
  await expect(header(page).locator("summary", { hasText: "Colour scheme" })).toBeFocused();

  // Rendered by the server from the account: dark from the first byte after a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");
  await expect(schemeRadio(page, "Dark")).toBeChecked();

  // Signed out with the cookie gone, the visitor gets the system scheme; signing in brings the account's back.
  await signOut(page);
  await context.clearCookies();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "system");
  await signIn(page, me.email, me.password);
  await expect(page.getByRole("heading", { name: welcomeHeading(me.name) })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");

  // The account page offers the same choice, with the names written out.
  await page.goto("/account/settings");
  const appearance = page.getByRole("region", { name: "Appearance" });
  await expect(appearance.getByRole("radio", { name: "Dark", exact: true })).toBeChecked();
  await appearance.getByText("Light", { exact: true }).click();
  await expect(appearance.getByRole("status")).toHaveText("Colour scheme: Light.");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "light");
});

test("the colour scheme menu closes when the keyboard takes the visitor to another page", async ({ page }) => {
  await page.goto("/lessons");
  await header(page).locator("summary", { hasText: "Colour scheme" }).focus();
  await page.keyboard.press("Enter");
  await expect(schemeRadio(page, "Dark")).toBeVisible();
  // The header stays mounted across client-side navigation; the open menu must not follow to the next page.
  await header(page).getByRole("link", { name: "Glossary" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(schemeRadio(page, "Dark")).toBeHidden();
});

test("a signed-out visitor's choice is kept in a cookie", async ({ page }) => {
  await page.goto("/lessons");
  // A pointer picks by the label (the radio itself is visually hidden behind its icon).
  await header(page).locator("summary", { hasText: "Colour scheme" }).click();
  await header(page).locator("label", { hasText: "Dark" }).first().click();
  await expect(header(page).getByRole("status").first()).toHaveText("Colour scheme: Dark.");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "dark");
  expect(await drawnDark(page)).toBe(true);
});

test("System follows the browser's prefers-color-scheme, with no script", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "system");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await drawnDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await drawnDark(page)).toBe(false);
  await context.close();
});

test("screenshots in the dark scheme", async ({ page }, info) => {
  test.skip(!process.env.DARK_SCREENSHOTS, "set DARK_SCREENSHOTS=1 to write them to test-results");
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, learner.email, learner.password);
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    for (const [name, path] of [
      ["home", "/"],
      ["lesson", `/lessons/${LESSON_SLUG}`],
      ["drill", "/drills/no-ready-pods"],
      ["stats", "/review/stats"],
      ["progress", "/progress"],
      ["account", "/account/settings"],
    ]) {
      await page.goto(path);
      await page.screenshot({ path: info.outputPath(`${name}-${size.width}.png`) });
    }
  }
});
