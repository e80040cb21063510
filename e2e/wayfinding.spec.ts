import { expect, type Page, test } from "@playwright/test";
import { course } from "./course";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signIn, signUp } from "./helpers";

// Finding your way: the course map, lessons read without an account, the glossary, search and the
// table of contents that follows the reader.

const OPEN_PAGES = ["/", "/lessons", `/lessons/${LESSON_SLUG}`, "/glossary", "/search", "/search?q=ndots", "/drills"];
const ACCOUNT_PAGES = [
  `/lessons/${LESSON_SLUG}/quiz`,
  "/modules/services/quiz",
  "/review",
  "/review/stats",
  "/drills/pods-come-and-go",
  "/classes",
  "/account/password",
];

async function expectOpen(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0]);
}

test("every page keeps its access rule: reading is open, practice needs an account", async ({ page, request }) => {
  test.setTimeout(180_000); // about thirty page loads on a shared machine
  for (const path of OPEN_PAGES) await expectOpen(page, path);
  for (const path of [...ACCOUNT_PAGES, "/teach"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  expect((await request.post("/api/progress", { data: { slug: LESSON_SLUG, seconds: 5 } })).status()).toBe(401);

  await signUp(page, newLearner());
  for (const path of [...OPEN_PAGES, ...ACCOUNT_PAGES]) await expectOpen(page, path);
  await page.goto("/teach");
  await expect(page).toHaveURL("/?error=instructors-only");
});

test("a visitor reads a whole lesson without an account and is asked to sign in only to practise", async ({ page }) => {
  await page.goto(`/lessons/${LESSON_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: LESSON_TITLE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key points" })).toBeVisible();
  await expect(page.getByText(/About \d+ min to read/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /take the quiz/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // A glossary link in the lesson text leads to the term.
  await page.locator(".lesson-body").getByRole("link", { name: "cluster DNS" }).click();
  await expect(page).toHaveURL(/\/glossary#term-cluster-dns$/);
  await expect(page.locator("#term-cluster-dns")).toContainText("CoreDNS");

  await page.goto(`/lessons/${LESSON_SLUG}`);
  await page.getByRole("link", { name: "Sign in to practise" }).click();
  await page.getByLabel("E-mail").fill("learner@example.com");
  await page.getByLabel("Password").fill("learn-kubernetes");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}$`));
  await expect(page.getByRole("button", { name: /Mark as complete|Completed/ })).toBeVisible();
});

test("the course map lists the modules in order with reading times, and the learner's progress", async ({ page }) => {
  await page.goto("/lessons");
  await expect(page.getByRole("heading", { level: 1, name: "Course map" })).toBeVisible();
  const services = page.getByRole("region", { name: /Module 1: Services and Pod networking/ });
  await expect(services).toBeVisible();
  await expect(services.getByText(/About \d+ min to read/).first()).toBeVisible();
  await expect(services.getByText("Not started")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await signUp(page, newLearner());
  await expect(page.getByRole("heading", { name: "Up next" })).toBeVisible();
  await page.goto(`/lessons/${LESSON_SLUG}`);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You completed this lesson." })).toBeVisible();
  // A quiz finished without answers scores 0 %: the map shows the best score.
  const started = await page.request.post("/api/quiz/attempts", {
    data: { scope: "lesson", target: LESSON_SLUG, feedback: "immediate" },
  });
  const { id } = (await started.json()).value as { id: string };
  expect((await page.request.post(`/api/quiz/attempts/${id}/finish`)).status()).toBe(200);

  await page.getByRole("link", { name: "Lessons", exact: true }).click();
  const row = page.getByRole("listitem").filter({ hasText: LESSON_TITLE });
  await expect(row.getByText("Completed", { exact: true })).toBeVisible();
  await expect(row.getByText("Best quiz: 0%")).toBeVisible();
  await expect(page.getByText(`1 of ${course.moduleOf(LESSON_SLUG).lessons.length} completed`)).toBeVisible();
});

test("the glossary lists its terms A to Z, by keyboard too, with links to the lesson that teaches them", async ({
  page,
}) => {
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  const letters = page.getByRole("navigation", { name: "Glossary letters" });
  await letters.getByRole("link", { name: "N", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#letter-N$/);
  const term = page.locator("#term-pod-ip");
  await expect(term).toContainText("Pod IP");
  await term.getByRole("link", { name: /ClusterIP vs Pod IP › Pod IP/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}#pod-ip$`));
  await page.goto("/glossary");
  await expectNoSeriousA11yViolations(page);
});

test("search finds lessons, glossary terms and flashcards from the header, with snippets and empty states", async ({
  page,
}) => {
  await page.goto("/search");
  await expect(page.getByText(/Type a word or two above/)).toBeVisible();
  await expect(page.getByRole("searchbox", { name: /Search lessons/ }).last()).toBeFocused();

  await page.goto("/lessons");
  const header = page.getByRole("searchbox", { name: /Search lessons/ });
  await header.fill("pod ip");
  await header.press("Enter");
  await expect(page).toHaveURL("/search?q=pod+ip");
  const results = page.getByRole("list").filter({ has: page.locator("mark") });
  await expect(results.getByText("Glossary", { exact: true }).first()).toBeVisible();
  await expect(results.getByText("Flashcard", { exact: true }).first()).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/pod|ip/i);
  await expectNoSeriousA11yViolations(page);
  await results.getByRole("link", { name: "Pod IP", exact: true }).first().click();
  await expect(page).toHaveURL(/\/lessons\/cluster-ip-vs-pod-ip#pod-ip$|\/glossary#term-pod-ip$/);

  await page.goto("/search?q=zzqqxx");
  await expect(page.getByRole("status").filter({ hasText: "Nothing matches “zzqqxx”" })).toBeVisible();
});

test("search works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/search");
    await page
      .getByRole("searchbox", { name: /Search lessons/ })
      .last()
      .fill("ndots");
    await page.getByRole("button", { name: "Search" }).last().click();
    await expect(page).toHaveURL("/search?q=ndots");
    await expect(page.getByRole("link", { name: "ndots", exact: true }).first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the table of contents marks the section being read as the reader scrolls", async ({ page }) => {
  await page.goto(`/lessons/${LESSON_SLUG}`);
  const toc = page.getByRole("complementary", { name: "Table of contents" });
  await expect(toc.getByRole("link", { name: "ClusterIP", exact: true })).toHaveAttribute("aria-current", "location");
  await page.locator("#comparison").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.getElementById("comparison")!.offsetTop - 80));
  await expect(toc.getByRole("link", { name: "Comparison" })).toHaveAttribute("aria-current", "location");
  await expect(toc.locator("[aria-current]")).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // The lesson's last section, its Sources, is the one being read at the bottom.
  await expect(toc.getByRole("link", { name: "Sources" })).toHaveAttribute("aria-current", "location");
});

test("the header marks the section being viewed, and the site has its icons", async ({ page, request }) => {
  await page.goto(`/lessons/${LESSON_SLUG}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Lessons" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Glossary" })).not.toHaveAttribute("aria-current", /.*/);
  await nav.getByRole("link", { name: "Drills" }).click();
  await expect(nav.getByRole("link", { name: "Drills" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Lessons" })).not.toHaveAttribute("aria-current", /.*/);
  for (const path of ["/favicon.ico", "/icon.svg", "/apple-icon.png"])
    expect((await request.get(path)).status(), path).toBe(200);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
});

test("the header's row fits the window from 1024 px up, as the instructor whose row is the longest", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.waitForURL("/teach");
  for (const width of [1024, 1100, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeInViewport();
  }
  // Below 1024 px the sections fold into the Menu.
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect(page.getByRole("banner").locator("summary", { hasText: "Menu" })).toBeVisible();
});
