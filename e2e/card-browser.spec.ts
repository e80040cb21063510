import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signUp } from "./helpers";

// The card browser on /review/cards, as a learner uses it: every card (lessons' and their own)
// found by text, lesson and state, suspended and unsuspended by keyboard, a lesson card given the
// learner's own wording and reset, and custom study of forgotten cards.

/** The lesson's first card, and so the first card of its review session (no own cards yet). */
const FIRST = "What is a ClusterIP?";
const SECOND = /^Which concept is this\? A ▢ is a virtual IP address/;

const browser = (page: Page) => page.getByRole("region", { name: "Your cards" });
const summary = (page: Page) => page.locator("#browse-summary");
const rows = (page: Page) => browser(page).getByRole("listitem");
const row = (page: Page, front: string) => rows(page).filter({ hasText: front });
const shownFront = (page: Page) => page.getByRole("region", { name: "Flashcard" }).locator("p").nth(1);

/** Tab (forwards) until `target` has focus, as a keyboard user would; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Picks an option of a focused <select> with the keyboard: arrow keys move the choice without opening it. */
async function chooseByKeyboard(page: Page, select: Locator, label: string) {
  await expect(select).toBeFocused();
  await page.keyboard.press("Home");
  for (let i = 0; i < 60; i++) {
    const chosen = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");
    if (chosen === label) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option “${label}”`);
}

/** Filters with the keyboard only: type the words, choose lesson and state, Tab to Filter, Enter. */
async function filterByKeyboard(page: Page, words: string, lesson: string, state: string) {
  const search = page.getByRole("searchbox", { name: "Search the cards" });
  await page.locator("main h1").click(); // a start point; everything after is keys
  await tabTo(page, search);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(words);
  await page.keyboard.press("Tab");
  await chooseByKeyboard(page, page.getByLabel("Lesson", { exact: true }), lesson);
  await page.keyboard.press("Tab");
  await chooseByKeyboard(page, page.getByLabel("State", { exact: true }), state);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Filter" })).toBeFocused();
  await page.keyboard.press("Enter");
}

async function noSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test("browse every card, filter and suspend by keyboard; a suspended card leaves the review", async ({ page }) => {
      await signUp(page, newLearner());
      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText(FIRST);
      await page.getByRole("link", { name: /^Browse your cards/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Your flashcards" })).toBeVisible();
      // Every lesson card, a page at a time.
      await expect(summary(page)).toHaveText(/^Showing 1–50 of \d+ cards\.$/);
      await expect(rows(page)).toHaveCount(50);
      await expect(rows(page).first()).toContainText("Not studied yet");
      await browser(page).getByRole("link", { name: "Next page" }).click();
      await expect(browser(page).getByText(/^Page 2 of \d+$/)).toBeVisible();
      await expect(summary(page)).toHaveText(/^Showing 51–100 of \d+ cards\.$/);
      await noSidewaysScroll(page);

      // Keyboard only: find the lesson's first card, suspend it.
      await filterByKeyboard(page, FIRST, LESSON_TITLE, "Any state");
      await expect(summary(page)).toHaveText("Showing 1–1 of 1 card that match.");
      const suspend = row(page, FIRST).getByRole("button", { name: `Suspend the card “${FIRST}”` });
      await tabTo(page, suspend);
      await page.keyboard.press("Enter");
      await expect(row(page, FIRST).getByText("Suspended: it will not come up in reviews")).toBeVisible();
      await expect(row(page, FIRST).getByText("Suspended", { exact: true })).toBeVisible();
      // The suspended filter finds it; the lesson's review starts with the next card instead.
      await filterByKeyboard(page, "", "All lessons", "Suspended");
      await expect(rows(page)).toHaveCount(1);
      await expect(rows(page)).toContainText(FIRST);
      await expect(page.getByText(/^Forgotten: a card you have lapsed at least once/)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText(SECOND);
      // The statistics say it is left out of the states and the forecast.
      await page.goto("/review/stats");
      await expect(page.getByText("1 suspended card is left out of these states")).toBeVisible();

      // Unsuspended (keyboard again), it is a new card once more, first in the lesson's review.
      await page.goto("/review/cards?state=suspended");
      const unsuspend = page.getByRole("button", { name: `Unsuspend the card “${FIRST}”` });
      await page.locator("main h1").click();
      await tabTo(page, unsuspend);
      await page.keyboard.press("Enter");
      await expect(browser(page).getByText("No card matches these filters.")).toBeVisible();
      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText(FIRST);
      await noSidewaysScroll(page);
    });

    test("edit your copy of a lesson card, review it marked as edited, reset it to the lesson's text", async ({
      page,
    }) => {
      await signUp(page, newLearner());
      // The lesson's cards, its first card first; the row stays where it is when its text changes.
      await page.goto(`/review/cards?lesson=${LESSON_SLUG}`);
      await expect(rows(page).first()).toContainText(FIRST);
      await row(page, FIRST).locator("summary", { hasText: "Edit your copy" }).click();
      const first = rows(page).first();
      await first.getByLabel("Front").fill("ClusterIP, in my own words?");
      await first.getByRole("button", { name: "Save my copy" }).click();
      await expect(first.getByText("Your copy is saved; reviews show it from now on.")).toBeVisible();
      await expect(first.getByText("Edited copy")).toBeVisible();
      // The page follows the copy: the old words no longer find it, the new ones do.
      await page.goto("/review/cards?q=in+my+own+words");
      const edited = row(page, "ClusterIP, in my own words?");
      await expect(edited.getByText("Edited copy")).toBeVisible();
      await edited.locator("summary", { hasText: "Edit your copy" }).click();
      await expect(edited.getByText(`The lesson says: ${FIRST}`)).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText("ClusterIP, in my own words?");
      await expect(page.getByText("· your edited copy")).toBeVisible();

      await page.goto("/review/cards?q=in+my+own+words");
      await page
        .getByRole("button", { name: /^Reset the card “ClusterIP, in my own words\?” to the lesson's text/ })
        .click();
      await expect(browser(page).getByText("No card matches these filters.")).toBeVisible();
      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText(FIRST);
      await expect(page.getByText("· your edited copy")).toHaveCount(0);
    });

    test("custom study of forgotten cards ahead of schedule, rated for real", async ({ page }) => {
      await signUp(page, newLearner());
      // Forget the lesson's first card: Again at its first showing.
      await page.goto(`/review?lesson=${LESSON_SLUG}`);
      await expect(shownFront(page)).toHaveText(FIRST);
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: /^Again: next in/ }).click();
      await expect(page.getByText("1 reviewed this session")).toBeVisible();

      await page.goto(`/review/cards?state=forgotten`);
      await expect(rows(page)).toHaveCount(1);
      await expect(row(page, FIRST).getByText("Forgotten", { exact: true })).toBeVisible();
      // A lesson's custom study needs a lesson; the page says so.
      await page.goto("/review/custom?kind=lesson");
      await expect(page.getByRole("alert").filter({ hasText: "Choose the lesson to study." })).toBeVisible();

      await page.goto("/review/cards");
      const custom = page.getByRole("region", { name: "Custom study" });
      await custom.getByLabel("Study", { exact: true }).selectOption({ label: "Only forgotten cards" });
      await custom.getByRole("button", { name: "Start custom study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Custom study: forgotten cards" })).toBeVisible();
      await expect(page.getByText(/Your ratings here are real reviews/)).toBeVisible();
      await expect(shownFront(page)).toHaveText(FIRST);
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: /^Easy: next in/ }).click();
      await expect(page.getByRole("heading", { name: "Custom study finished" })).toBeVisible();
      await noSidewaysScroll(page);
      // Rated Easy, it is remembered now: no lapse, and its latest rating is not Again.
      await page.goto("/review/cards?state=forgotten");
      await expect(browser(page).getByText("No card matches these filters.")).toBeVisible();
      await page.goto(`/review/cards?q=${encodeURIComponent(FIRST)}&lesson=${LESSON_SLUG}`);
      await expect(row(page, FIRST)).toContainText("Review");
      await expect(row(page, FIRST)).toContainText(/Due \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    });
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds nothing serious on the card browser and custom study, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signUp(page, newLearner());
    await page.goto("/review/cards");
    await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "system");
    await expectNoSeriousA11yViolations(page);
    await page.goto("/review/cards?q=no+such+words");
    await expect(browser(page).getByText("No card matches these filters.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`/review/custom?kind=lesson&lesson=${LESSON_SLUG}`);
    await expect(page.getByRole("heading", { name: "No cards to study here" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
