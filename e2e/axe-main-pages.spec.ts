import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { drawnDark, expectNoSeriousA11yViolations, LESSON_SLUG, signIn, welcomeHeading } from "./helpers";

const learner = DEMO_ACCOUNTS.find((a) => a.role === "LEARNER")!;
const instructor = DEMO_ACCOUNTS.find((a) => a.role === "INSTRUCTOR")!;

// One test per group of pages and scheme, run in parallel: a single walk over every page in one
// test kept one worker busy for over a minute per scheme while the others sat idle.
test.describe.configure({ mode: "parallel" });

type Check = (path?: string) => Promise<void>;

const groups: { name: string; walk: (page: Page, check: Check) => Promise<void> }[] = [
  {
    name: "the home page, signed out and in, with the colour scheme menu open",
    walk: async (page, check) => {
      await check("/");
      await signInAs(page, learner);
      await check();
      await page.getByRole("banner").locator("summary", { hasText: "Colour scheme" }).click();
      await check();
    },
  },
  {
    name: "the lessons, a lesson, its quiz page and the reviews",
    walk: async (page, check) => {
      await signInAs(page, learner);
      for (const path of [
        "/lessons",
        `/lessons/${LESSON_SLUG}`,
        `/lessons/${LESSON_SLUG}/quiz`,
        "/review",
        "/review/stats",
      ])
        await check(path);
    },
  },
  {
    name: "a drill, progress, the glossary, search, classes and settings",
    walk: async (page, check) => {
      await signInAs(page, learner);
      for (const path of [
        "/drills/no-ready-pods",
        "/progress",
        "/glossary",
        "/search?q=service",
        "/classes",
        "/account/settings",
      ])
        await check(path);
    },
  },
  {
    name: "a quiz attempt and its review",
    walk: async (page, check) => {
      await signInAs(page, learner);
      // Finished at once: the unanswered questions count as wrong.
      await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
      await page
        .getByRole("button", { name: /Start (quiz|a new attempt)|Resume attempt/ })
        .first()
        .click();
      await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
      await check();
      await page.getByRole("navigation", { name: "Questions" }).getByRole("button").last().click();
      await page.getByRole("button", { name: /^Finish now/ }).click();
      await expect(page).toHaveURL(/\/quiz\/[^/]+\/review$/);
      await check();
    },
  },
  {
    name: "an instructor's teaching page and class",
    walk: async (page, check) => {
      await signInAs(page, instructor);
      await expect(page).toHaveURL(/\/teach$/);
      await check();
      await page.locator('main a[href^="/teach/classes/"]').first().click();
      await expect(page).toHaveURL(/\/teach\/classes\/[^/]+$/);
      await check();
    },
  },
];

async function signInAs(page: Page, account: typeof learner) {
  await signIn(page, account.email, account.password);
  if (account.role === "LEARNER")
    await expect(page.getByRole("heading", { name: welcomeHeading(account.name) })).toBeVisible();
}

for (const scheme of ["dark", "light"] as const) {
  for (const group of groups) {
    test(`axe finds nothing on ${group.name}, ${scheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await group.walk(page, async (path) => {
        if (path) await page.goto(path);
        expect(await drawnDark(page), `${page.url()} drawn ${scheme}`).toBe(scheme === "dark");
        await expectNoSeriousA11yViolations(page);
      });
    });
  }
}
