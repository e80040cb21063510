import { expect, test } from "@playwright/test";
import { course } from "./course";
import { expectNoSeriousA11yViolations, LESSON_SLUG, newLearner, signUp } from "./helpers";

type PublicQuestion = { id: string; kind: string; options?: { id: string }[] };

test("a newcomer is shown where to begin; mastery and misconceptions fill in from quiz answers", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await expect(page.getByRole("heading", { name: `Welcome, ${learner.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where to begin" })).toBeVisible();
  await page.getByRole("link", { name: /^Your mastery/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your mastery" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing measured yet" })).toBeVisible();
  await expect(page.getByText(/^None so far/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A lesson quiz answered through the API, always the first option as the browser orders them:
  // the feedback names the misconception behind each wrong choice.
  const api = page.request;
  const started = await api.post("/api/quiz/attempts", {
    data: { scope: "lesson", target: LESSON_SLUG, feedback: "immediate" },
  });
  const attempt = (await started.json()).value as { id: string; questions: PublicQuestion[] };
  const misconceptions = new Set<string>();
  let answered = 0;
  for (const q of attempt.questions) {
    if (!q.options) continue;
    const response =
      q.kind === "multiple"
        ? { kind: q.kind, optionIds: [q.options[0].id] }
        : { kind: q.kind, optionId: q.options[0].id };
    const result = await api.post(`/api/quiz/attempts/${attempt.id}/answers`, { data: { questionId: q.id, response } });
    expect(result.status()).toBe(200);
    const { misconception } = (await result.json()).value as { misconception: string | null };
    if (misconception) misconceptions.add(misconception);
    answered += 1;
  }
  expect(answered).toBeGreaterThan(0);
  // Left open, the attempt is offered on the home page, with how far it got.
  await page.goto("/");
  const pickUp = page.getByRole("region", { name: "To pick up" });
  await expect(pickUp.getByRole("link", { name: "Quiz: ClusterIP vs Pod IP" })).toHaveAttribute(
    "href",
    `/lessons/${LESSON_SLUG}/quiz`,
  );
  await expect(pickUp).toContainText(`unfinished: ${answered} of ${attempt.questions.length} answered`);
  expect((await api.post(`/api/quiz/attempts/${attempt.id}/finish`)).status()).toBe(200);
  await page.goto("/progress");

  await expect(page.getByRole("heading", { name: "Nothing measured yet" })).toHaveCount(0);
  const services = page.getByRole("region", { name: `Concepts of ${course.moduleOf(LESSON_SLUG).title}` });
  await expect(services.getByText(/^(Attempted|Familiar|Proficient)$/).first()).toBeVisible();
  // Other modules were not touched.
  await expect(page.getByRole("heading", { name: /^Service discovery: 0%$/ })).toBeVisible();
  for (const m of misconceptions) {
    const item = page.getByRole("listitem").filter({ hasText: `“${m}”` });
    await expect(item).toContainText(/Still open\.|Put right since/);
    await expect(item.getByRole("link", { name: /^Read: ClusterIP vs Pod IP › / })).toHaveAttribute(
      "href",
      new RegExp(`^/lessons/${LESSON_SLUG}#`),
    );
  }
  if (misconceptions.size === 0) await expect(page.getByText(/^None so far/)).toBeVisible();

  // The activity charts count today's answers on the learner's own day.
  const calendar = page.getByRole("figure", { name: "Study per day" });
  await expect(calendar).toContainText("1 day with study in the last 12 weeks");
  await expect(calendar.getByRole("img")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Current streak" }).locator("+ dd")).toHaveText("1 day");
  await calendar.getByText("Show the numbers as a table").click();
  const rows = calendar.getByRole("region", { name: "Study per day" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByRole("cell").first()).toHaveText(String(answered));
  const weekly = page.getByRole("figure", { name: "Quiz score per week" });
  await expect(weekly).toContainText("1 of 12 weeks have some");
  await expectNoSeriousA11yViolations(page);

  // The next best action: a short quiz on the weakest concepts listed, with feedback after each answer.
  await page.getByRole("button", { name: "Practise these: a 5-question quiz" }).click();
  await expect(page.getByText("Quiz: Practice: your weakest concepts")).toBeVisible();
  await expect(page.getByText(/^Question 1 of [1-5]$/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const practice = new URL(page.url()).pathname;

  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Welcome back, ${learner.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where to begin" })).toHaveCount(0);
  // Left open, the practice is offered to pick up where it is.
  await expect(
    page.getByRole("region", { name: "To pick up" }).getByRole("link", { name: "Practice: your weakest concepts" }),
  ).toHaveAttribute("href", practice);
});
