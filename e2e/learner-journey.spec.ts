import { expect, test } from "@playwright/test";
import { course } from "./course";
import { LESSON_SLUG, LESSON_TITLE, newLearner, signIn, signOut, signUp } from "./helpers";

test("a new learner signs up, reads the lesson, completes it, and finds the progress after signing in again", async ({
  page,
}) => {
  const learner = newLearner();
  await signUp(page, learner);

  await page.getByRole("link", { name: "Start lesson" }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: LESSON_TITLE })).toBeVisible();

  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "ClusterIP" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Pod IP" })).toBeVisible();
  const assignedTo = table.getByRole("row", { name: /Assigned to/ });
  await expect(assignedTo.getByRole("cell").first()).toHaveText("A Service");
  await expect(assignedTo.getByRole("cell").nth(1)).toHaveText("A single Pod");

  // The table of contents jumps to a section.
  await page
    .getByRole("complementary", { name: "Table of contents" })
    .getByRole("link", { name: "Comparison" })
    .click();
  await expect(page).toHaveURL(/#comparison$/);

  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: /Completed/ })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("You completed this lesson.");

  await signOut(page);
  await signIn(page, learner.email, learner.password);
  await expect(page.getByRole("heading", { name: `Welcome back, ${learner.name}` })).toBeVisible();
  // The home page moves on to the next lesson of the course and counts the one done.
  await expect(page.getByRole("heading", { name: "Up next" })).toBeVisible();
  await expect(page.getByText(course.lessonAfter(LESSON_SLUG).title, { exact: true })).toBeVisible();
  await expect(page.locator("dl > div").filter({ hasText: "Lessons completed" }).locator("dd")).toHaveText(
    `1 / ${course.lessonCount}`,
  );

  await page.getByRole("link", { name: "Lessons", exact: true }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: LESSON_TITLE }).getByText("Completed", { exact: true }),
  ).toBeVisible();
  await page.getByRole("link", { name: LESSON_TITLE }).click();
  await expect(page.getByRole("button", { name: /Completed/ })).toBeVisible();

  // Undoing the completion is possible and sticks.
  await page.getByRole("button", { name: /mark as not complete/ }).click();
  await expect(page.getByRole("button", { name: "Mark as complete" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Mark as complete" })).toBeVisible();
});

test("home page offers to continue the lesson a learner started", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await page.goto(`/lessons/${LESSON_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: LESSON_TITLE })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Continue where you left off" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue lesson" })).toHaveAttribute(
    "href",
    new RegExp(`^/lessons/${LESSON_SLUG}`),
  );
});
