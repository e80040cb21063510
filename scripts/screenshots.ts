// Screenshots of the main pages for README and for reviewing layout: npm run screenshots
// (expects a server at SCREENSHOT_BASE_URL, default http://127.0.0.1:3000, with the demo accounts).
import { chromium } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { chromiumLaunchOptions } from "../playwright.config";

const base = process.env.SCREENSHOT_BASE_URL ?? "http://127.0.0.1:3000";
const out = process.env.SCREENSHOT_DIR ?? "docs";

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions);
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["mobile", { width: 390, height: 844 }],
  ] as const) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${base}/signin`);
    const learner = DEMO_ACCOUNTS.find((a) => a.role === "LEARNER")!;
    await page.getByLabel("E-mail").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/lessons/cluster-ip-vs-pod-ip#comparison`);
    // The page streams: wait for the lesson itself, not its loading skeleton.
    await page.getByRole("heading", { level: 1, name: "ClusterIP vs Pod IP" }).waitFor();
    await page.locator("#comparison").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/lesson-${name}.png` });
    // The course map with the learner's progress.
    await page.goto(`${base}/lessons`);
    await page.getByRole("heading", { level: 1, name: "Course map" }).waitFor();
    await page.screenshot({ path: `${out}/course-map-${name}.png`, fullPage: true });
    // A quiz: the first simulator question, answered, with its feedback.
    await page.goto(`${base}/lessons/cluster-ip-vs-pod-ip/quiz`);
    await page.getByRole("button", { name: /Start (quiz|a new attempt)/ }).click();
    await page.getByText("Question 1 of 10").waitFor();
    const scenario = page.getByRole("button", { name: "Question 10", exact: true });
    await scenario.click();
    await page.keyboard.press("1");
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page
      .getByRole("status")
      .getByText(/Correct|Partly right|Not quite/)
      .waitFor();
    await page.screenshot({ path: `${out}/quiz-${name}.png`, fullPage: name === "desktop" });
    // Flashcards: a card turned over, with the rating buttons and their intervals.
    await page.goto(`${base}/review`);
    await page.getByRole("button", { name: /Show answer/ }).click();
    await page.getByRole("group", { name: "How well did you remember?" }).waitFor();
    await page.screenshot({ path: `${out}/review-${name}.png` });
    // A drill: a command typed, a prediction committed, the request path in the cluster view.
    await page.goto(`${base}/drills/pods-come-and-go`);
    await page.getByLabel("Command").fill("kubectl exec client -- curl -s web");
    await page.keyboard.press("Enter");
    if (await page.getByRole("button", { name: /Commit prediction/ }).count()) {
      await page.getByRole("radio", { disabled: false }).first().check();
      await page.getByRole("button", { name: /Commit prediction/ }).click();
      await page
        .getByText(/You predicted it|Not what happened/)
        .first()
        .waitFor();
    }
    await page.screenshot({ path: `${out}/drill-${name}.png`, fullPage: true });
    await page.close();
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
