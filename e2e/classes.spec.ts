import { expect, type Page, test } from "@playwright/test";
import { course } from "./course";
import {
  expectNoSeriousA11yViolations,
  LESSON_SLUG,
  LESSON_TITLE,
  leaveDemoAccount,
  newLearner,
  signIn,
  signOut,
  signUp,
  welcomeHeading,
} from "./helpers";

// The browser is in India (UTC+5:30, no daylight saving). The demo instructor's account is in UTC,
// the class takes due dates in Los Angeles time, and the learner who signs up here gets India's
// zone from the browser: three zones, so every conversion shows.
test.use({ timezoneId: "Asia/Kolkata" });

const LESSON_QUIZ = `Quiz: ${LESSON_TITLE}`;
const MODULE_QUIZ = /^Module quiz: /;
// Due dates must lie within five years (lib/classes/service/schemas.ts): next year's.
const year = new Date().getFullYear() + 1;

const assignments = (page: Page) => page.getByRole("region", { name: "Assignments", exact: true });
const quizField = (page: Page) => page.getByLabel("What to assign");
const dueField = (page: Page) => page.getByLabel("Due", { exact: true });

async function takeLessonQuizAtTheEnd(page: Page) {
  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await page.getByLabel("At the end").check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  await page.getByRole("button", { name: "Question 10" }).click();
  await page.getByRole("button", { name: /Finish now/ }).click();
  await expect(page.getByRole("heading", { name: "Your result: 0%" })).toBeVisible();
}

test("an instructor runs a class in Los Angeles time for a learner in India, who sees it in India's time", async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Instructor: lands on their classes after signing in, creates a class in Los Angeles time.
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await page.getByLabel("New class name").fill("Networking 101");
  const classZone = page.getByLabel("Time zone for due dates");
  await expect(classZone).toHaveValue("UTC"); // the instructor's own zone by default
  await classZone.selectOption("America/Los_Angeles");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Networking 101" })).toBeVisible();
  await expect(page.getByText(/typed in the class's time zone, America\/Los_Angeles \(UTC−[78]\)/)).toBeVisible();
  await expect(page.getByText("America/Los_Angeles time", { exact: true })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // Refused submits point at the field and keep everything typed, twice in a row.
  await dueField(page).fill(`${year}-01-01T12:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").getByText("Please fix the highlighted field.")).toBeVisible();
  await expect(quizField(page)).toHaveAccessibleDescription(
    "Choose a quiz, drill or lesson's flashcards from the list.",
  );
  await expect(dueField(page)).toHaveValue(`${year}-01-01T12:00`);
  await quizField(page).selectOption(`lesson:${LESSON_SLUG}`);
  await dueField(page).fill(`${year - 1}-01-01T12:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(dueField(page)).toHaveAccessibleDescription(/^The due date must be in the future\./);
  await expect(quizField(page)).toHaveValue(`lesson:${LESSON_SLUG}`);
  await expect(dueField(page)).toHaveValue(`${year - 1}-01-01T12:00`);
  await dueField(page).fill(`${year}-01-01T12:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").getByText(`Assigned “${LESSON_QUIZ}”.`)).toBeVisible();
  // Noon in Los Angeles in January (UTC−8) is 20:00 UTC, the instructor's zone.
  await expect(assignments(page).getByText(`due ${year}-01-01 20:00 UTC`)).toBeVisible();
  // A success empties the form for the next one, which is read in the class's zone too (UTC−7 in July).
  await expect(quizField(page)).toHaveValue("");
  await expect(dueField(page)).toHaveValue("");
  await quizField(page).selectOption("module:services");
  await dueField(page).fill(`${year}-07-01T09:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").getByText(/^Assigned “Module quiz: /)).toBeVisible();
  await expect(assignments(page).getByText(`due ${year}-07-01 16:00 UTC`)).toBeVisible();

  // The same quiz twice is refused, saying why, and what was typed stays.
  await quizField(page).selectOption(`lesson:${LESSON_SLUG}`);
  await dueField(page).fill(`${year}-02-01T12:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(quizField(page)).toHaveAccessibleDescription(
    `This class already has “${LESSON_QUIZ}”. Change its due date under Assignments instead of assigning it twice.`,
  );
  await expect(quizField(page)).toHaveValue(`lesson:${LESSON_SLUG}`);
  await expect(dueField(page)).toHaveValue(`${year}-02-01T12:00`);
  await expect(assignments(page).getByRole("listitem")).toHaveCount(2);

  // Move the module quiz's due date, typed in Los Angeles time like the first.
  const moduleItem = assignments(page).getByRole("listitem").filter({ hasText: MODULE_QUIZ });
  await moduleItem.getByText("Change due date").click();
  const newDue = moduleItem.getByLabel(/^New due date for Module quiz: /);
  await expect(newDue).toHaveValue(`${year}-07-01T09:00`);
  await newDue.fill(`${year}-07-02T09:30`);
  await moduleItem.getByRole("button", { name: "Save due date" }).click();
  await expect(moduleItem.getByRole("status")).toHaveText(/has its new due date\.$/);
  await expect(moduleItem.getByText(`due ${year}-07-02 16:30 UTC`)).toBeVisible();

  // Removing asks first: Escape keeps the assignment, and the keyboard alone can confirm.
  const removeModule = moduleItem.getByRole("button", { name: /^Remove Module quiz: / });
  await removeModule.click();
  const dialog = page.getByRole("dialog", { name: /^Remove “Module quiz: .*”\?$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(removeModule).toBeFocused();
  await expect(assignments(page).getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Remove assignment" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(assignments(page).getByRole("listitem")).toHaveCount(1);
  await expect(assignments(page).getByRole("listitem")).toContainText(`${LESSON_QUIZ} due ${year}-01-01 20:00 UTC`);
  await expect(page.getByText("No learners have joined yet. Share the code above.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const classUrl = page.url();
  await leaveDemoAccount(page);

  // Learner: signs up (a refused first try keeps the browser's zone), practises, then joins.
  const learner = newLearner();
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(["Asia/Kolkata", "Asia/Calcutta"]).toContain(browserZone);
  await page.goto("/signup");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();
  await page.goto("/account/settings");
  await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue(browserZone);
  await expect(page.getByTestId("time-now")).toContainText(`${browserZone} (UTC+5:30)`);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/teach");
  await expect(page).toHaveURL(/\/\?error=instructors-only$/);
  // Practice before joining: it must not count for the class.
  await takeLessonQuizAtTheEnd(page);
  await page.goto("/classes");
  await page.getByLabel("Class code").fill("nope");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText(/No class has that code/)).toBeVisible();
  await expect(page.getByLabel("Class code")).toHaveValue("nope");
  await page.getByLabel("Class code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText("You joined Networking 101.")).toBeVisible();
  const assignment = page.getByRole("listitem").filter({ hasText: LESSON_QUIZ });
  await expect(assignment).toContainText("To do");
  // 20:00 UTC is 01:30 the next day in India.
  await expect(assignment).toContainText(`due ${year}-01-02 01:30 ${browserZone} (UTC+5:30)`);
  await expectNoSeriousA11yViolations(page);
  await takeLessonQuizAtTheEnd(page);
  // The quiz's history reads in the learner's zone too.
  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  const history = page.getByRole("region", { name: "Your results" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText(
    new RegExp(`on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} ${browserZone} \\(UTC\\+5:30\\)`),
  );
  await page.goto("/classes");
  await expect(assignment).toContainText("Done · best 0%");
  await page.goto("/review/stats");
  await expect(page.getByText(`Days run from midnight to midnight in your time zone, ${browserZone}`)).toBeVisible();

  // Moving to Tonga (UTC+13): the same due date reads 09:00 on 2 January there.
  await page.goto("/account/settings");
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("Pacific/Tongatapu");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").getByText("Saved: times are shown in Pacific/Tongatapu.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue("Pacific/Tongatapu");
  await page.goto("/classes");
  await expect(assignment).toContainText(`due ${year}-01-02 09:00 Pacific/Tongatapu (UTC+13)`);
  await signOut(page);

  // Instructor: one attempt counts (not the practice), its cell opens that attempt's review.
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
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
  await expect(page.getByRole("region", { name: /^Learners \(/ })).toContainText(
    /joined \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
  );
  // The tables scroll inside regions a keyboard can reach.
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("link", { name: `0%: review ${learner.name}'s attempt at ${LESSON_QUIZ}` }).click();
  await expect(page.getByRole("heading", { name: `${learner.name}’s result: 0%` })).toBeVisible();
  await expect(page.getByText("Their answer").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goBack();

  // Removing the learner asks first too; then they leave the results.
  await page.getByRole("button", { name: `Remove ${learner.name} from the class` }).click();
  const removeLearner = page.getByRole("dialog", { name: `Remove ${learner.name} from the class?` });
  await removeLearner.getByRole("button", { name: "Remove learner" }).click();
  await expect(page.getByRole("region", { name: /^Learners \(/ }).getByText("Nobody has joined yet.")).toBeVisible();
  await expect(page.getByText("No learners have joined yet. Share the code above.")).toBeVisible();
});

test("nobody else can read a learner's attempt: not another learner, not an instructor of another class", async ({
  page,
}) => {
  await page.goto("/account/settings");
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/account/settings")}`);
  const learner = newLearner();
  await signUp(page, learner);
  await takeLessonQuizAtTheEnd(page);
  const review = page.url();
  expect(review).toMatch(/\/quiz\/[^/]+\/review$/);
  await signOut(page);
  // The demo instructor teaches classes, but this learner is in none of them.
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
  const response = await page.goto(review);
  expect(response?.status()).toBe(404);
  await leaveDemoAccount(page);
  await signUp(page, newLearner());
  expect((await page.goto(review))?.status()).toBe(404);
});

test("an instructor assigns a drill and a lesson's flashcards; the learner finds both, linked to where each is done", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.getByLabel("New class name").fill("Practice work");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Practice work" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  for (const [choice, title] of [
    ["drill:no-ready-pods", "Drill: A Service with nobody home"],
    [`review:${LESSON_SLUG}`, `Flashcards: ${LESSON_TITLE}`],
  ]) {
    await quizField(page).selectOption(choice);
    await dueField(page).fill(`${year}-03-01T09:00`);
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("status").getByText(`Assigned “${title}”.`)).toBeVisible();
  }
  await expect(assignments(page).getByRole("listitem")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await leaveDemoAccount(page);

  await signUp(page, newLearner());
  await page.goto("/classes");
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("link", { name: "Drill: A Service with nobody home" })).toHaveAttribute(
    "href",
    "/drills/no-ready-pods",
  );
  await expect(page.getByRole("link", { name: `Flashcards: ${LESSON_TITLE}` })).toHaveAttribute(
    "href",
    `/review?lesson=${LESSON_SLUG}`,
  );
  // The rule for a review assignment is stated where the learner sees it.
  await expect(page.getByText("cards you suspended do not count")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an instructor fixes a class's time zone by keyboard; due dates keep their time on the class's clock", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).toHaveURL("/teach");
  await page.getByLabel("New class name").fill("Zone fix");
  await page.getByRole("button", { name: "Create class" }).click(); // left at the instructor's UTC
  await expect(page.getByRole("heading", { name: "Zone fix" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  await quizField(page).selectOption("module:services");
  await dueField(page).fill(`${year}-01-10T17:00`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(assignments(page).getByText(`due ${year}-01-10 17:00 UTC`, { exact: true })).toBeVisible();

  // The form opens from its summary with the keyboard and starts at the class's zone.
  const summary = page.getByText("Change the class's time zone");
  await summary.focus();
  await page.keyboard.press("Enter");
  const zoneField = page.getByLabel("Class time zone");
  await expect(zoneField).toHaveValue("UTC");
  await expect(zoneField).toHaveAccessibleDescription(/^Due dates keep their date and time of day/);
  await expectNoSeriousA11yViolations(page);

  // A zone that is not in the list (a hand-edited form) is refused beside the field; nothing changes.
  await zoneField.evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Mars/Olympus_Mons", "Mars/Olympus_Mons"));
    select.value = "Mars/Olympus_Mons";
  });
  await page.getByRole("button", { name: "Change time zone" }).click();
  await expect(zoneField).toHaveAccessibleDescription(/Choose a time zone from the list\./);
  await expect(page.getByText(/typed in the class's time zone, UTC;/)).toBeVisible();

  // Keyboard only: pick Tokyo's zone and submit with Enter.
  await zoneField.focus();
  await zoneField.selectOption("Asia/Tokyo");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Change time zone" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page
      .getByRole("status")
      .getByText("Due dates are now in Asia/Tokyo (was UTC). 1 due date moved to keep its date and time of day."),
  ).toBeVisible();
  await expect(page.getByText(/typed in the class's time zone, Asia\/Tokyo \(UTC\+9\)/)).toBeVisible();
  // 17:00 on the class's clock, now Tokyo's: 08:00 UTC for the instructor.
  await expect(
    assignments(page).getByText(`due ${year}-01-10 08:00 UTC; class time ${year}-01-10 17:00 Asia/Tokyo (UTC+9)`),
  ).toBeVisible();
  await expect(page.getByLabel("Class time zone")).toHaveValue("Asia/Tokyo");
  await expectNoSeriousA11yViolations(page);
  await leaveDemoAccount(page);

  // A learner in India (the browser's zone) sees 13:30 their time, and the class's 17:00.
  await signUp(page, newLearner());
  await page.goto("/classes");
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText("You joined Zone fix.")).toBeVisible();
  const zoneFix = page.getByRole("region", { name: /^Zone fix/ });
  await expect(
    // The engine may spell India's zone the old way (see the first test).
    zoneFix.getByText(
      new RegExp(
        `^due ${year}-01-10 13:30 Asia/(Kolkata|Calcutta) \\(UTC\\+5:30\\); class time ${year}-01-10 17:00 Asia/Tokyo \\(UTC\\+9\\)$`,
      ),
    ),
  ).toBeVisible();
});
