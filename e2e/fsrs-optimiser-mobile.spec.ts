import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, newLearner, signUp } from "./helpers";
import { seedReviewLog } from "./review-log";

// The FSRS optimiser on a 390×844 phone, in both colour schemes: the result table fits the screen
// (it scrolls inside its own panel if it must), and axe finds nothing serious.

test.use({ viewport: { width: 390, height: 844 } });

for (const scheme of ["light", "dark"] as const)
  test(`on a phone a learner optimises their parameters and reads the result, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const me = newLearner();
    await signUp(page, me);
    seedReviewLog(me.email);
    await page.goto("/review/stats");
    const parameters = page.getByRole("region", { name: "Your FSRS parameters" });
    await parameters.getByRole("button", { name: "Optimise my parameters" }).click();
    const table = parameters.getByRole("region", { name: "Parameters before and after optimising" });
    await expect(table.getByRole("row", { name: /^Log loss / })).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await page.evaluate(() => window.innerWidth),
    );
    await expectNoSeriousA11yViolations(page);
  });
