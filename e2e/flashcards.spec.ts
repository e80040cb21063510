import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

test("a keyboard-only review session: flip, rate, undo, and the counter goes down", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto(`/review?lesson=${LESSON_SLUG}`);
  await expect(page.getByRole("heading", { name: "Review: ClusterIP vs Pod IP" })).toBeVisible();
  await expect(page.getByText("Left: 20 new · 0 learning · 0 to review")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const front = page.getByRole("region", { name: "Flashcard" });
  const firstFront = await front.locator("p").nth(1).textContent();
  await page.keyboard.press("Space");
  await expect(page.getByRole("group", { name: "How well did you remember?" })).toBeVisible();
  // Each rating button shows the interval it would give.
  await expect(page.getByRole("button", { name: /^Again: next in \d+m \(key 1\)$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Easy: next in \d+(d|mo) \(key 4\)$/ })).toBeVisible();
  await page.keyboard.press("3"); // Good
  await expect(page.getByText("Left: 19 new · 1 learning · 0 to review")).toBeVisible();
  await expect(front.locator("p").nth(1)).not.toHaveText(firstFront!);
  // The session's progress: one rating given, the card back later today counts as one still to give.
  await expect(page.getByRole("progressbar", { name: "Session progress" })).toHaveAttribute(
    "aria-valuetext",
    "1 of 21 cards reviewed this session",
  );

  await page.keyboard.press("u");
  await expect(
    page.getByRole("status").getByText("Undone: the card is back as it was before your rating."),
  ).toBeVisible();
  await expect(page.getByText("Left: 20 new · 0 learning · 0 to review")).toBeVisible();
  await expect(front.locator("p").nth(1)).toHaveText(firstFront!);
  await expect(front.getByText("New card")).toBeVisible();

  // Rate it Again: it stays in today's session as a learning card.
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  await expect(page.getByText("Left: 19 new · 1 learning · 0 to review")).toBeVisible();

  // After a reload the server still has the rating (the card is now in learning).
  await page.goto("/review/stats");
  await expect(page.getByRole("heading", { name: "Flashcard statistics" })).toBeVisible();
  await expect(
    page
      .locator("dl > div")
      .filter({ has: page.getByText("Learning", { exact: true }) })
      .locator("dd"),
  ).toHaveText("1");
  await expect(page.getByText(/Reviews: 1 in 30 days/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("settings are validated and limit new cards; a finished day says when the next card is due", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review/stats");
  await page.getByLabel("Desired retention").fill("1.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").getByText("Please fix the highlighted field.")).toBeVisible();
  await expect(page.getByLabel("Desired retention")).toHaveAccessibleDescription(
    /^Desired retention must be at most 0\.97\./,
  );
  await expect(page.getByLabel("Desired retention")).toHaveValue("1.5");
  await page.getByLabel("Desired retention").fill("0.9");
  await page.getByLabel("New cards per day").fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").getByText("Settings saved.")).toBeVisible();

  await page.goto("/review");
  await expect(page.getByText("Left: 1 new · 0 learning · 0 to review")).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("4"); // Easy: graduates straight to review, days away
  await expect(page.getByRole("heading", { name: "All done for today" })).toBeVisible();
  // The next card is tomorrow's new card, due at the learner's midnight: close to midnight that is minutes
  // or one hour away, so the sentence takes every form formatTimeUntil gives.
  await expect(
    page.getByText(/Your next card is due (in \d+ minutes?|in about \d+ hours?|on \d{4}-\d{2}-\d{2})\./),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
