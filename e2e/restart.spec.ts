import { expect, test } from "@playwright/test";
import { course } from "./course";
import { LESSON_SLUG, newLearner, signUp } from "./helpers";
import { ServerProcess } from "./server-process";

// Ports beside the shared server's, so two checkouts testing at once (each with its own E2E_PORT) do not collide.
const base = Number(process.env.E2E_PORT ?? 3100);
const databases = [
  { name: "SQLite", url: "file:./data/e2e-restart.db", port: base + 1 },
  { name: "PostgreSQL", url: process.env.TEST_POSTGRES_URL, port: base + 2 },
];

for (const database of databases) {
  test(`progress survives a server restart on ${database.name}`, async ({ page }) => {
    test.skip(!database.url, "TEST_POSTGRES_URL is not set (npm test and .ci/run set it)");
    // Two cold starts of a production server, a migration and a sign-up: on a loaded CI machine this
    // has run past the default 60 s.
    test.setTimeout(180_000);
    const server = new ServerProcess(database.port, database.url!);
    server.migrate();
    await server.start();
    try {
      const learner = newLearner();
      await signUp(page, learner, server.baseURL);
      await page.goto(`${server.baseURL}/lessons/${LESSON_SLUG}`);
      await page.getByRole("button", { name: "Mark as complete" }).click();
      await expect(page.getByRole("button", { name: /Completed/ })).toBeVisible();

      await server.stop();
      await server.start();

      await page.goto(`${server.baseURL}/lessons/${LESSON_SLUG}`);
      await expect(page.getByRole("button", { name: /Completed/ })).toBeVisible();
      await page.goto(`${server.baseURL}/`);
      await expect(page.locator("dl > div").filter({ hasText: "Lessons completed" }).locator("dd")).toHaveText(
        `1 / ${course.lessonCount}`,
      );
    } finally {
      await server.stop();
    }
  });
}
