import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  LESSON_SLUG,
  leaveDemoAccount,
  newLearner,
  signIn,
  signOut,
  signUp,
} from "./helpers";

test("an instructor sees the class's mastery grid, item analysis and misconceptions", async ({ page }) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.getByRole("link", { name: "Teach" }).click();
  await page.getByLabel("New class name").fill("Insights 101");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Insights 101" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!;
  const classUrl = page.url();
  await page.getByRole("link", { name: /^Insights:/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights: Insights 101" })).toBeVisible();
  await expect(page.getByText("No learners have joined yet.")).toBeVisible();
  await expect(page.getByText("No finished quiz attempts yet.")).toBeVisible();
  await leaveDemoAccount(page);

  // A learner joins and finishes a lesson quiz, choosing the first option each time.
  const learner = newLearner();
  await signUp(page, learner);
  await page.goto("/classes");
  await page.getByLabel("Class code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").getByText("You joined Insights 101.")).toBeVisible();
  const api = page.request;
  const started = await api.post("/api/quiz/attempts", {
    data: { scope: "lesson", target: LESSON_SLUG, feedback: "immediate" },
  });
  const attempt = (await started.json()).value as {
    id: string;
    questions: { id: string; kind: string; options?: { id: string }[] }[];
  };
  const misconceptions: string[] = [];
  for (const q of attempt.questions.filter((q) => q.options)) {
    const optionId = q.options![0].id;
    const response = q.kind === "multiple" ? { kind: q.kind, optionIds: [optionId] } : { kind: q.kind, optionId };
    const answered = await api.post(`/api/quiz/attempts/${attempt.id}/answers`, {
      data: { questionId: q.id, response },
    });
    const { misconception } = (await answered.json()).value as { misconception: string | null };
    if (misconception) misconceptions.push(misconception);
  }
  expect((await api.post(`/api/quiz/attempts/${attempt.id}/finish`)).status()).toBe(200);
  await signOut(page);

  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.waitForURL(/\/(teach)?$/);
  await page.goto(`${classUrl}/insights`);
  const grid = page.getByRole("region", { name: "Mastery by learner and concept" });
  const row = grid.getByRole("row", { name: new RegExp(learner.name) });
  await expect(row.getByText(/^(Attempted|Familiar|Proficient)$/).first()).toBeVisible();
  // Another module's concepts: untouched.
  await page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "Service discovery" }).click();
  await expect(page).toHaveURL(/\?module=discovery$/);
  await expect(
    grid
      .getByRole("row", { name: new RegExp(learner.name) })
      .getByText("Not started")
      .first(),
  ).toBeVisible();
  await expect(
    grid.getByRole("row", { name: new RegExp(learner.name) }).getByText(/^(Attempted|Familiar)$/),
  ).toHaveCount(0);

  const items = page.getByRole("region", { name: "Item analysis" });
  // Every drawn question is one template row here (one learner: no discrimination yet).
  await expect(items.getByRole("row")).toHaveCount(attempt.questions.length + 1);
  await expect(items.getByRole("cell", { name: "–" }).first()).toBeVisible();
  for (const m of new Set(misconceptions)) await expect(page.getByText(`“${m}”`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The same table as a spreadsheet file.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the item analysis (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Insights 101 items.csv");
  const csv = await readFile((await file.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    '"template","lesson","example prompt","attempts","facility (%)","discrimination","top misconception","times chosen"',
  );
  expect(lines).toHaveLength(attempt.questions.length + 1);
  expect(lines.slice(1).every((l) => l.includes('"ClusterIP vs Pod IP"'))).toBe(true);

  // Only the class's own instructor gets it.
  await leaveDemoAccount(page);
  await signUp(page, newLearner());
  const refused = await page.request.get(`${classUrl}/items.csv`);
  expect(refused.status()).toBe(403);
  expect((await page.request.get(`${classUrl}/results.csv`)).status()).toBe(403);
});

test("an instructor sees who is at risk in the demo class and downloads its results as a spreadsheet", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.waitForURL(/\/(teach)?$/);
  await page.goto("/teach");
  await page.getByRole("link", { name: "Kubernetes networking (demo class)" }).click();
  const atRisk = page.getByRole("region", { name: "Learners at risk" });
  // The demo class has lapsed learners (quiet for one to three weeks) and one overdue quiz many skipped.
  await expect(atRisk.getByText(/^\d+ quiet days, last studied /).first()).toBeVisible();
  await expect(atRisk.getByText(/past due and not done: /).first()).toBeVisible();
  const firstName = (await atRisk
    .getByTestId("at-risk")
    .getByRole("listitem")
    .first()
    .locator("span")
    .first()
    .textContent())!;

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the results (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Kubernetes networking (demo class) results.csv");
  const lines = (await readFile((await file.path())!, "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^"learner","e-mail","assignment",/);
  // One row per learner and assignment; the at-risk learner is among them.
  expect(lines.some((l) => l.startsWith(`"${firstName}",`))).toBe(true);
  expect(lines.filter((l) => l.includes('"missing"')).length).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
});
