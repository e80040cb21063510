import { expect, test } from "@playwright/test";
import { course } from "./course";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signIn, signOut, signUp } from "./helpers";

// Due dates are typed in the instructor's local time: a zone away from UTC (and without daylight
// saving, so the offset the browser sends is the same all year) shows that offset is applied.
test.use({ timezoneId: "Asia/Kolkata" });

test("an instructor assigns a quiz; a learner joins with the code, takes it, and the instructor sees the result", async ({
  page,
}) => {
  // Instructor: create a class and assign the lesson quiz.
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.getByRole("link", { name: "Teach" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await page.getByLabel("New class name").fill("Networking 101");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Networking 101" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  // A refused submit points at the field and keeps what was typed, the browser's offset included.
  // Next New Year: due dates must lie within five years (lib/classes/service/schemas.ts).
  const year = new Date().getFullYear() + 1;
  await page.getByLabel("Due").fill(`${year}-01-01T12:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").getByText("Please fix the highlighted field.")).toBeVisible();
  await expect(page.getByLabel("Quiz", { exact: true })).toHaveAccessibleDescription("Choose a quiz from the list.");
  await expect(page.getByLabel("Due")).toHaveValue(`${year}-01-01T12:00`);
  await page.getByLabel("Quiz", { exact: true }).selectOption(`lesson:${LESSON_SLUG}`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").getByText("Assigned “Quiz: ClusterIP vs Pod IP”.")).toBeVisible();
  // Noon in India (UTC+5:30) is 06:30 UTC; a success empties the form for the next one.
  await expect(
    page.getByRole("region", { name: "Assignments", exact: true }).getByText(`due ${year}-01-01 06:30 UTC`),
  ).toBeVisible();
  await expect(page.getByLabel("Quiz", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Due")).toHaveValue("");
  await expect(page.getByText("No learners have joined yet. Share the code above.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const classUrl = page.url();
  await signOut(page);

  // Learner: join, see the assignment, take the quiz.
  const learner = newLearner();
  await signUp(page, learner);
  await page.goto("/teach");
  await expect(page).toHaveURL(/\/\?error=instructors-only$/);
  await expect(page.getByRole("alert").filter({ hasText: "That page is for instructors." })).toBeVisible();
  await page.goto("/classes");
  await page.getByLabel("Class code").fill("nope");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText(/No class has that code/)).toBeVisible();
  await page.getByLabel("Class code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText("You joined Networking 101.")).toBeVisible();
  const assignment = page.getByRole("listitem").filter({ hasText: "Quiz: ClusterIP vs Pod IP" });
  await expect(assignment).toContainText("To do");
  await expectNoSeriousA11yViolations(page);
  await assignment.getByRole("link").click();
  await page.getByLabel("At the end").check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  await page.getByRole("button", { name: "Question 10" }).click();
  await page.getByRole("button", { name: /Finish now/ }).click();
  await expect(page.getByRole("heading", { name: "Your result: 0%" })).toBeVisible();
  await page.goto("/classes");
  await expect(page.getByRole("listitem").filter({ hasText: "Quiz: ClusterIP vs Pod IP" })).toContainText(
    "Done · best 0%",
  );
  await signOut(page);

  // Instructor: the result is in the table.
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.waitForURL("/");
  await page.goto(classUrl);
  const row = page.getByRole("region", { name: "Results" }).getByRole("row", { name: new RegExp(learner.name) });
  await expect(row.getByRole("cell")).toHaveText(["0%"]);
  await expect(
    page
      .getByRole("region", { name: "Learner progress" })
      .getByRole("row", { name: new RegExp(learner.name) })
      .getByRole("cell"),
  ).toHaveText([`0 / ${course.lessonCount}`, `0 / ${course.drillCount}`, "0", "never"]);
  await expect(page.getByText("average 0% · 1 on time · 0 late · 0 missing")).toBeVisible();
  // The tables scroll inside regions a keyboard can reach.
  await expectNoSeriousA11yViolations(page);
});
