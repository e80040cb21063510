import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, newLearner, signUp } from "./helpers";
import { seedReviewLog } from "./review-log";

// A learner with months of reviews optimises their FSRS parameters on the statistics page, reads
// how the old and new parameters predict their reviews, and goes back to the defaults; a new
// learner is told how many more reviews the optimiser needs.

const optimiseButton = (page: Page) => page.getByRole("button", { name: "Optimise my parameters" });
const parameters = (page: Page) => page.getByRole("region", { name: "Your FSRS parameters" });

test("a learner with enough reviews optimises their parameters by keyboard, sees old vs new, and resets", async ({
  page,
}) => {
  const me = newLearner();
  await signUp(page, me);
  seedReviewLog(me.email);
  await page.goto("/review/stats");
  await expect(parameters(page).getByText("Your cards are scheduled with FSRS's default parameters.")).toBeVisible();
  await expect(parameters(page).getByText("That is enough to fit every parameter.")).toBeVisible();

  await optimiseButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(
    parameters(page)
      .getByRole("status")
      .getByText(/^Your new parameters predict your reviews better/),
  ).toBeVisible({ timeout: 30_000 });
  const table = parameters(page).getByRole("region", { name: "Parameters before and after optimising" });
  await expect(table.getByRole("columnheader", { name: "Default parameters" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Optimised" })).toBeVisible();
  for (const measure of ["Log loss", "RMSE"])
    await expect(table.getByRole("row", { name: new RegExp(`^${measure} 0\\.\\d{3} 0\\.\\d{3}$`) })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Predicted recall \d+% \d+%$/ })).toBeVisible();
  await expect(parameters(page).getByText(/you remembered \d+% of them/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The page now says the learner's own parameters schedule their cards; reset takes them back.
  await page.reload();
  await expect(
    parameters(page).getByText(/^Your cards are scheduled with your own parameters, optimised on /),
  ).toBeVisible();
  await parameters(page).getByRole("button", { name: "Reset to the default parameters" }).click();
  const dialog = page.getByRole("dialog", { name: "Go back to the default parameters?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(parameters(page).getByText("Your cards are scheduled with FSRS's default parameters.")).toBeVisible();
  await expect(parameters(page).getByRole("button", { name: "Reset to the default parameters" })).toHaveCount(0);
});

test("a new learner is told how many more reviews optimising needs", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review/stats");
  await expect(parameters(page).getByText("you have 0. It needs at least 64, so 64 more are needed.")).toBeVisible();
  await optimiseButton(page).click();
  await expect(
    parameters(page)
      .getByRole("status")
      .getByText(/you have 0, so 64 more are needed\.$/),
  ).toBeVisible();
  await expect(parameters(page).getByRole("region", { name: "Parameters before and after optimising" })).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const)
  test(`axe finds nothing on the statistics page with an optimisation result, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const me = newLearner();
    await signUp(page, me);
    seedReviewLog(me.email);
    await page.goto("/review/stats");
    await expectNoSeriousA11yViolations(page);
    await optimiseButton(page).click();
    await expect(parameters(page).getByRole("region", { name: "Parameters before and after optimising" })).toBeVisible({
      timeout: 30_000,
    });
    await expectNoSeriousA11yViolations(page);
  });
