import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

const FEEDBACK = /^(Correct|Partly right \(\d+%\)|Not quite)$/;

async function startQuiz(page: Page, feedback: "After each question" | "At the end") {
  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await page.getByLabel(feedback).check();
  await page.getByRole("button", { name: /Start (quiz|a new attempt)/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
}

/** Answers the question on screen with the keyboard only: number keys, typing, arrow keys in a select. */
async function answerWithKeyboard(page: Page) {
  const heading = page.locator("h1");
  // The question's own controls: the header has radios too (the colour scheme).
  if ((await page.getByRole("main").getByRole("radio").count()) > 0) {
    await page.keyboard.press("1");
  } else if ((await page.getByRole("checkbox").count()) > 0) {
    await page.keyboard.press("1");
    await page.keyboard.press("2");
  } else if ((await page.getByRole("combobox").count()) > 0) {
    for (const select of await page.getByRole("combobox").all()) {
      await select.focus();
      await page.keyboard.press("ArrowDown");
    }
    await heading.focus();
  } else if ((await page.getByLabel("Missing term").count()) > 0) {
    await page.getByLabel("Missing term").focus();
    await page.keyboard.type("Service");
  }
  await page.keyboard.press("Enter");
}

test("a learner takes a quiz with the keyboard only, gets feedback after each answer and sees the review", async ({
  page,
}) => {
  await signUp(page, newLearner());
  // Capture what the server sends: the page itself (read below) and every server action reply.
  const bodies: string[] = [];
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    bodies.push(await response.text());
    await route.fulfill({ response });
  });
  await startQuiz(page, "After each question");
  const beforeAnswering = bodies.join("\n") + (await page.content());
  // Field names appear as "name" in JSON and as \"name\" inside the page's inline payload.
  const KEY_FIELDS = /\\?"(explanation|misconception|key|evidence)\\?"/;
  expect(beforeAnswering).toContain("Question"); // the payload was captured
  expect(beforeAnswering).not.toMatch(KEY_FIELDS);

  for (let i = 1; i <= 10; i++) {
    await expect(page.getByText(`Question ${i} of 10`)).toBeVisible();
    await answerWithKeyboard(page);
    await expect(page.getByRole("status").getByText(FEEDBACK)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Read “.+” in ClusterIP vs Pod IP$/ })).toBeVisible();
    if (i === 1) await expect.poll(() => bodies.join("\n")).toMatch(KEY_FIELDS); // the key arrives with the grade, not before
    if (i < 10) {
      await page.keyboard.press("Enter"); // next question
    }
  }
  await expect(page.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute("aria-valuenow", "10");
  await page.getByRole("button", { name: "Finish and see results" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/quiz\/[^/]+\/review$/);
  await expect(page.getByRole("heading", { name: /^Your result: \d+%$/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Correct answer" })).toHaveCount(10);
  await expectNoSeriousA11yViolations(page);

  // The result is listed on the quiz page, and a new attempt draws a new quiz.
  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await expect(page.getByRole("link", { name: "Review" })).toHaveCount(1);
});

test("an unfinished attempt resumes where it was after a reload, with its answers kept", async ({ page }) => {
  await signUp(page, newLearner());
  await startQuiz(page, "At the end");
  await expectNoSeriousA11yViolations(page);
  const firstPrompt = await page.locator("h1").textContent();
  await answerWithKeyboard(page);
  await expect(page.getByText("Question 2 of 10")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Question 2 of 10")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute("aria-valuenow", "1");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("h1")).toHaveText(firstPrompt!);
  await expect(page.getByText("Answer saved. You will see how you did at the end.")).toBeVisible();

  await page.goto(`/lessons/${LESSON_SLUG}/quiz`);
  await expect(page.getByText("You have an unfinished attempt (1 of 10 answered).")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Resume attempt" }).click();
  await expect(page.getByText("Question 2 of 10")).toBeVisible();

  // Finishing early: unanswered questions count as wrong, and the review still explains them.
  await page.getByRole("button", { name: "Question 10" }).click();
  await page.getByRole("button", { name: /Finish now \(9 unanswered count as wrong\)/ }).click();
  await expect(page.getByRole("heading", { name: /^Your result: \d+%$/ })).toBeVisible();
  await expect(page.getByText("No answer", { exact: true })).toHaveCount(9);

  // The review: a dot per question saying how it went, a score per concept, and filters.
  const dots = page.getByRole("navigation", { name: "Questions" }).getByRole("link");
  await expect(dots).toHaveCount(10);
  await expect(dots.filter({ hasText: "–" })).toHaveCount(9);
  await expect(dots.first()).toHaveAccessibleName(/^Question 1: (right|partly right|wrong)$/);
  await expect(page.getByText("Score by concept")).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Show" });
  await filters.getByRole("link", { name: "Not answered (9)" }).click();
  await expect(page).toHaveURL(/\?show=unanswered$/);
  await expect(page.getByText("No answer", { exact: true })).toHaveCount(9);
  await expect(page.getByText(/^Question 1 ·/)).toHaveCount(0);
  await filters.getByRole("link", { name: /^Wrong or partly right \(\d\)$/ }).click();
  await expect(page.getByText("No answer", { exact: true })).toHaveCount(0);
  await dots.nth(4).click();
  await expect(page).toHaveURL(/\?show=all#question-5$/);
  await expect(page.getByText(/^Question 5 ·/)).toBeInViewport();
  await expectNoSeriousA11yViolations(page);

  // Retake only what was missed: the nine unanswered, and the first too unless it was right.
  const missed = 10 - (await dots.filter({ hasText: "✓" }).count());
  const review = page.url().replace(/[?#].*$/, "");
  await page.getByRole("button", { name: new RegExp(`^Retake the ${missed} I missed$`) }).click();
  await expect(page.getByText(`Question 1 of ${missed}`)).toBeVisible();
  await expect(page.getByText("Quiz: Retake: the questions you missed")).toBeVisible();
  expect(page.url()).not.toBe(review.replace(/\/review$/, ""));
  // A retake is practice: feedback after each answer.
  await answerWithKeyboard(page);
  await expect(page.getByText(/^(Correct|Partly right|Not quite)/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: `Question ${missed}` }).click();
  await page.getByRole("button", { name: /^Finish now/ }).click();
  await expect(page.getByRole("heading", { name: /^Your result: \d+%$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try a new attempt" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the attempt you retook" }).click();
  await expect(page).toHaveURL(review);
});

test("submitting without choosing explains what is missing and saves nothing", async ({ page }) => {
  await signUp(page, newLearner());
  await startQuiz(page, "After each question");
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(
    page
      .getByRole("status")
      .getByText(/Choose an option first|Select at least one option|Match every entry|Type the missing term/),
  ).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute("aria-valuenow", "0");
});

test("the module quiz and another learner's attempt", async ({ page, browser }) => {
  await signUp(page, newLearner());
  await page.goto("/lessons");
  await page
    .getByRole("region", { name: /Module 1: Services and Pod networking/ })
    .getByRole("link", { name: "Module quiz" })
    .click();
  await expect(page.getByRole("heading", { name: /^Quiz: / })).toBeVisible();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  const attemptUrl = page.url();

  const other = await browser.newPage();
  await signUp(other, newLearner());
  await other.goto(attemptUrl);
  await expect(other.getByRole("heading", { name: /not found/i })).toBeVisible();
  await other.close();
});

test("the quiz's JSON API: signed in by the session cookie, opaque ids, readable refusals", async ({
  page,
  request,
}) => {
  const start = { scope: "lesson", target: LESSON_SLUG, feedback: "immediate" };
  // Without a session (the bare request fixture has no cookies).
  const anonymous = await request.post("/api/quiz/attempts", { data: start });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ ok: false, error: "Sign in to take a quiz." });

  await signUp(page, newLearner());
  const api = page.request; // shares the signed-in page's cookies
  expect((await api.post("/api/quiz/attempts", { data: { ...start, feedback: "later" } })).status()).toBe(400);
  const started = await api.post("/api/quiz/attempts", { data: start });
  expect(started.status()).toBe(201);
  const text = await started.text();
  expect(text).not.toMatch(/"(answer|key|explanation|misconception|evidence|seed|secret)"/);
  const attempt = JSON.parse(text).value as {
    id: string;
    questions: { id: string; kind: string; options?: { id: string }[] }[];
  };
  expect(attempt.questions).toHaveLength(10);
  // Every id the browser sees is a 96-bit MAC: 16 base64url characters.
  for (const q of attempt.questions)
    for (const id of [q.id, ...(q.options ?? []).map((o) => o.id)]) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);

  const choice = attempt.questions.find((q) => ["single", "true-false", "odd-one-out"].includes(q.kind))!;
  const answer = (optionId: string, questionId = choice.id) =>
    api.post(`/api/quiz/attempts/${attempt.id}/answers`, {
      data: { questionId, response: { kind: choice.kind, optionId } },
    });
  const forged = await answer("AAAAAAAAAAAAAAAA");
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toEqual({ ok: false, error: "That option is not part of this question." });
  const first = await answer(choice.options![0].id);
  expect(first.status()).toBe(200);
  expect((await first.json()).value).toMatchObject({ saved: true, duplicate: false, key: { kind: choice.kind } });
  expect((await (await answer(choice.options![0].id)).json()).value).toMatchObject({ duplicate: true });

  const finished = await api.post(`/api/quiz/attempts/${attempt.id}/finish`);
  expect(finished.status()).toBe(200);
  expect((await finished.json()).value.score).toBeGreaterThanOrEqual(0);
  const late = await answer(choice.options![0].id, attempt.questions.find((q) => q !== choice)!.id);
  expect(late.status()).toBe(409);
  expect(await late.json()).toEqual({ ok: false, error: "This attempt is finished; start a new one to answer again." });
  expect((await api.post("/api/quiz/attempts/no-such-attempt/finish")).status()).toBe(404);
  expect((await api.get(`/api/quiz/attempts/${attempt.id}`)).status()).toBe(200);
});
