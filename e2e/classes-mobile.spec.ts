import { expect, type Page, test } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  LESSON_SLUG,
  leaveDemoAccount,
  newLearner,
  signIn,
  signOut,
  signUp,
} from "./helpers";

// The class pages on a phone (the mobile project runs *mobile.spec.ts): they fit the screen, pass
// axe, and the results table, wider than the screen, scrolls inside its own region by keyboard too.

const year = new Date().getFullYear() + 1;

const fitsTheScreen = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

test("on a phone an instructor's class works by touch and keyboard, and its results scroll inside their box", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
  await page.getByLabel("New class name").fill("Phone class");
  await page.getByLabel("Time zone for due dates").selectOption("Pacific/Tongatapu");
  await page.getByRole("button", { name: "Create class" }).tap();
  await expect(page.getByRole("heading", { name: "Phone class" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  for (const [quiz, due] of [
    [`lesson:${LESSON_SLUG}`, `${year}-03-01T09:00`],
    ["module:services", `${year}-04-01T09:00`],
    ["course:course", `${year}-05-01T09:00`],
  ]) {
    await page.getByLabel("What to assign").selectOption(quiz);
    await page.getByLabel("Due", { exact: true }).fill(due);
    await page.getByRole("button", { name: "Assign" }).tap();
    await expect(page.getByRole("status").getByText(/^Assigned /)).toBeVisible();
    await expect(page.getByLabel("Due", { exact: true })).toHaveValue("");
  }
  // The class's zone changes by touch; the form fits the phone.
  await page.getByText("Change the class's time zone").tap();
  await page.getByLabel("Class time zone").selectOption("Pacific/Auckland");
  await page.getByRole("button", { name: "Change time zone" }).tap();
  await expect(
    page.getByRole("status").getByText(/^Due dates are now in Pacific\/Auckland \(was Pacific\/Tongatapu\)\./),
  ).toBeVisible();
  await expect(page.getByLabel("Class time zone")).toHaveValue("Pacific/Auckland");
  const classUrl = page.url();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  await leaveDemoAccount(page);

  const learner = newLearner();
  await signUp(page, learner);
  await page.goto("/classes");
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).tap();
  await expect(page.getByRole("status").getByText("You joined Phone class.")).toBeVisible();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  // On a phone the header's menu holds the name link to the account settings.
  await page.getByRole("banner").locator("summary", { hasText: "Menu" }).tap();
  await page.getByRole("banner").getByRole("link", { name: learner.name }).tap();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
  await page.goto(classUrl);
  await fitsTheScreen(page);
  await expectNoSeriousA11yViolations(page);
  const results = page.getByRole("region", { name: "Scores per learner and assignment" });
  const scrollLeft = () => results.evaluate((el) => el.scrollLeft);
  expect(await results.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await results.focus();
  await expect(results).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(scrollLeft).toBeGreaterThan(0);

  // The confirm dialog fits the phone and passes axe; Cancel leaves everything as it was.
  await page.getByRole("button", { name: /^Remove Quiz: / }).tap();
  const dialog = page.getByRole("dialog", { name: /^Remove “Quiz: .*”\?$/ });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Assignments", exact: true }).getByRole("listitem")).toHaveCount(3);
});
