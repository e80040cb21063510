import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { expectNoSeriousA11yViolations, newLearner, signIn, signUp } from "./helpers";

// Before an instructor deletes their account, the data page says what goes with it: the classes they
// teach with their learners' enrolments, and their LTI registrations with the accounts launches made.

test("an instructor reads what deleting their account takes with it, in both colour schemes, then deletes it", async ({
  page,
}) => {
  const me = newLearner();
  await signUp(page, me);
  await page.goto("/account/my-data");
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expect(page.getByTestId("deletion-impact")).toHaveCount(0); // a learner teaches nothing

  execFileSync("./node_modules/.bin/tsx", ["e2e/seed-teaching.ts", me.email], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    stdio: "pipe",
  });
  await page.reload();
  const deletion = page.getByRole("region", { name: "Delete your account" });
  await expect(deletion.getByTestId("deletion-impact")).toHaveText(
    "The 2 classes you teach are deleted too, with 3 learners' enrolments in them; the learners keep their own work. " +
      "Your 1 LTI platform registration goes as well, and with it, as deleting a registration does, the 2 accounts " +
      "made by launches from it, with all their work.",
  );
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "system"); // follows the browser
    await expectNoSeriousA11yViolations(page);
  }

  await deletion.getByLabel("Your password").fill(me.password);
  await deletion.getByLabel(/I understand that this deletes my account/).check();
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account and everything in it have been deleted.")).toBeVisible();
  await signIn(page, me.email, me.password);
  await expect(
    page.getByText("That e-mail and password do not match an account. Check both and try again."),
  ).toBeVisible();
});
