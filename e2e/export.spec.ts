import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signIn, signUp } from "./helpers";

// An instructor who teaches in Moodle takes kubelearn's questions there: from /teach, a lesson's
// or a module's whole question pool downloads as GIFT or Moodle XML. Learners cannot.

async function download(page: Page, action: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("an instructor downloads a lesson's pool as GIFT and a module's as Moodle XML, by mouse and by keyboard", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.getByRole("link", { name: "Teach" }).click();
  await expect(page.getByRole("heading", { name: "Export questions for Moodle" })).toBeVisible();
  const pools = page.getByRole("region", { name: "Question pools to export" });

  const gift = await download(page, () =>
    pools.getByRole("link", { name: `GIFT for Quiz: ${LESSON_TITLE}`, exact: true }).click(),
  );
  expect(gift.name).toBe(`kubelearn-lesson-${LESSON_SLUG}-seed-1.gift.txt`);
  expect(gift.text).toContain(`$CATEGORY: $course$/top/kubelearn/Services and Pod networking/${LESSON_TITLE}`);
  expect(gift.text.match(/^::[^\n]+::\[html\]/gm)?.length).toBeGreaterThan(20);
  expect(gift.text).toMatch(/^\t~%-?\d+(\.\d+)?%/m); // a weighted multiple select

  // Keyboard only: the link takes focus and Enter downloads.
  const xmlLink = pools.getByRole("link", { name: "Moodle XML for Module quiz: Services and Pod networking" });
  await xmlLink.focus();
  await expect(xmlLink).toBeFocused();
  const xml = await download(page, () => page.keyboard.press("Enter"));
  expect(xml.name).toBe("kubelearn-module-services-seed-1.moodle.xml");
  expect(xml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml.text.match(/<question type="(multichoice|truefalse|matching|shortanswer)">/g)?.length).toBeGreaterThan(50);
  expect(xml.text).toContain('<questiontext format="html">');

  await expectNoSeriousA11yViolations(page);
});

test("a learner is refused a download, and so is a visitor", async ({ page, playwright, baseURL }) => {
  await signUp(page, newLearner());
  const refused = await page.request.get(`/teach/export/gift/lesson/${LESSON_SLUG}`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ ok: false, error: "Only instructors can export question pools." });

  const visitor = await playwright.request.newContext({ baseURL });
  const anonymous = await visitor.get(`/teach/export/moodle-xml/module/services`);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ ok: false, error: "Sign in as an instructor to export questions." });
  await visitor.dispose();
});

test("a download for something that does not exist says so", async ({ page }) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page.getByRole("link", { name: "Teach" })).toBeVisible();
  const unknown = await page.request.get("/teach/export/gift/lesson/no-such-lesson");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toMatch(/^There is no lesson "no-such-lesson"\./);
  const format = await page.request.get(`/teach/export/pdf/lesson/${LESSON_SLUG}`);
  expect(format.status()).toBe(400);
  expect(await format.json()).toEqual({ ok: false, error: "Export as gift or moodle-xml." });
  const seeded = await page.request.get(`/teach/export/gift/lesson/${LESSON_SLUG}?seed=7`);
  const name = `kubelearn-lesson-${LESSON_SLUG}-seed-7.gift.txt`;
  expect(seeded.headers()["content-disposition"]).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
  expect(seeded.headers()["content-type"]).toBe("text/plain; charset=utf-8");
});
