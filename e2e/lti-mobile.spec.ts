import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// Teach › LTI on a phone (the mobile project runs *mobile.spec.ts): the page with its grade passback
// section (empty here: a fresh database has no launches) fits the screen and passes axe in both
// colour schemes; its form's fields follow each other by Tab.

const fitsTheScreen = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

test("on a phone Teach › LTI fits the screen, says when no score was sent yet, and passes axe in both schemes", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/teach/lti");
  await expect(page.getByRole("heading", { name: "Grade passback" })).toBeVisible();
  await expect(page.getByText("No scores yet: they appear here when a learner launched")).toBeVisible();
  await fitsTheScreen(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page);
  }
  // Keyboard alone reaches the registration form's first field from the page's headings.
  await page.getByLabel("Name (for you)").focus();
  await page.keyboard.type("Phone LMS");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Issuer (platform ID)")).toBeFocused();
});
