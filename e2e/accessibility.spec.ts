import { test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers";

// Signed in, the same pages (and the rest) are checked in both colour schemes by axe-main-pages.spec.ts.
for (const path of ["/", "/signin", "/signup", "/lessons", "/no-such-page"]) {
  test(`no serious accessibility violations on ${path} when signed out`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}
