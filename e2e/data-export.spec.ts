import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { loadContent } from "../lib/content/load-content";
import { lessonCards } from "../lib/flashcards/core/cards";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signIn, signUp } from "./helpers";

// A learner's data is theirs: they take their flashcards to Anki and their history as spreadsheets,
// and can delete their account, after which it no longer signs in.

// Signed up from a browser in Auckland (UTC+12/+13): the account takes that zone, and Anki's days start
// at 04:00 there.
const ZONE = "Pacific/Auckland";
test.use({ timezoneId: ZONE });

const lessons = loadContent(path.resolve("content")).lessons;
const cardsOfLesson = lessonCards(lessons.find((l) => l.slug === LESSON_SLUG)!).length;
const cardsOfCourse = lessons.flatMap(lessonCards).length;

async function download(page: Page, action: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The cards of an .apkg, read with plain SQLite from its collection.anki2. */
function ankiCards(bytes: Buffer) {
  const entries = unzipSync(bytes);
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-apkg-"));
  try {
    const file = path.join(dir, "collection.anki2");
    writeFileSync(file, entries["collection.anki2"]);
    const db = new Database(file, { readonly: true });
    try {
      return {
        media: Buffer.from(entries.media).toString("utf8"),
        cards: db.prepare("SELECT n.flds, c.type, c.queue FROM cards c JOIN notes n ON n.id = c.nid").all() as {
          flds: string;
          type: number;
          queue: number;
        }[],
        revlog: (db.prepare("SELECT count(*) AS n FROM revlog").get() as { n: number }).n,
        col: db.prepare("SELECT crt, conf FROM col").get() as { crt: number; conf: string },
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a learner takes their cards to Anki and their history as CSV, then deletes their account", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);

  // One rating, by keyboard, so the learner's own deck has scheduling to carry.
  await page.goto(`/review?lesson=${LESSON_SLUG}`);
  const front = await page.getByRole("region", { name: "Flashcard" }).locator("p").nth(1).textContent();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByText("Left: 19 new · 1 learning · 0 to review")).toBeVisible();

  const lessonDeck = await download(page, () =>
    page.getByRole("link", { name: `Download “${LESSON_TITLE}” cards for Anki` }).click(),
  );
  expect(lessonDeck.name).toBe(`kubelearn-${LESSON_SLUG}.apkg`);
  const lessonDeckCards = ankiCards(lessonDeck.bytes);
  expect(lessonDeckCards.media).toBe("{}");
  expect(lessonDeckCards.cards).toHaveLength(cardsOfLesson);
  expect(lessonDeckCards.cards.every((c) => c.type === 0 && c.queue === 0)).toBe(true);
  expect(lessonDeckCards.revlog).toBe(0);

  // The whole deck from the statistics page, keyboard only: the link takes focus and Enter downloads.
  await page.goto("/review/stats");
  const ownDeckLink = page.getByRole("link", { name: "Download all my cards for Anki" });
  await ownDeckLink.focus();
  await expect(ownDeckLink).toBeFocused();
  const ownDeck = await download(page, () => page.keyboard.press("Enter"));
  expect(ownDeck.name).toMatch(/^kubelearn-flashcards-\d{4}-\d{2}-\d{2}\.apkg$/);
  const own = ankiCards(ownDeck.bytes);
  expect(own.cards).toHaveLength(cardsOfCourse);
  const rated = own.cards.filter((c) => c.type !== 0);
  expect(rated).toHaveLength(1);
  expect(rated[0]).toMatchObject({ type: 1, queue: 1 });
  const firstField = rated[0].flds.split("\x1f")[0].replace(/<[^>]+>/g, "");
  expect(firstField.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).toBe(front);
  expect(own.revlog).toBe(1);
  // The collection was created at 04:00 on the learner's day in Auckland, with that offset in minutes west.
  const hourThere = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
  expect(hourThere.format(new Date(own.col.crt * 1000))).toBe("04:00");
  const conf = JSON.parse(own.col.conf) as { creationOffset: number; localOffset: number; rollover: number };
  expect(conf.rollover).toBe(4);
  expect([-780, -720]).toContain(conf.creationOffset); // NZDT or NZST, whichever the day of the rating had
  expect([-780, -720]).toContain(conf.localOffset);

  // The data page, reached from the account page.
  await page.goto("/account/password");
  await page.getByRole("link", { name: "Your data" }).click();
  await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const reviews = await download(page, () => page.getByRole("link", { name: "Flashcard reviews (CSV)" }).click());
  expect(reviews.name).toBe("kubelearn-flashcard-reviews.csv");
  const csv = reviews.bytes.toString("utf8");
  expect(csv.startsWith('\uFEFF"reviewed at","card","lesson","front","rating"')).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${LESSON_TITLE}"`);
  expect(lines[1]).toContain(`"good","New","Learning"`);

  // The account's settings: its own JSON file, and in the zip of everything.
  const settings = await download(page, () => page.getByRole("link", { name: "Account settings (JSON)" }).click());
  expect(settings.name).toBe("kubelearn-account-settings.json");
  const document = JSON.parse(settings.bytes.toString("utf8"));
  expect(document).toMatchObject({
    format: "kubelearn-account-settings",
    profile: { name: learner.name, email: learner.email, role: "learner", signsInWith: "password" },
    display: { timeZone: ZONE, colorScheme: "system" },
    flashcards: { desiredRetention: 0.9, dailyNewLimit: 20, fsrsParameters: null },
    lti: { account: null, launches: [], platformsYouRegistered: [] },
  });
  const everything = await download(page, () =>
    page.getByRole("link", { name: "Download everything (zip of all CSV files and your settings)" }).click(),
  );
  const entries = unzipSync(everything.bytes);
  expect(Object.keys(entries)).toContain("kubelearn-account-settings.json");
  expect(Object.keys(entries)).toContain("kubelearn-flashcard-reviews.csv");
  expect(JSON.parse(Buffer.from(entries["kubelearn-account-settings.json"]).toString("utf8")).profile.email).toBe(
    learner.email,
  );

  // Deleting needs the tick as well as the password; then the account is gone and signed out.
  const deletion = page.getByRole("region", { name: "Delete your account" });
  await deletion.getByLabel("Your password").fill(learner.password);
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(deletion.getByText("Tick the box to confirm that everything will be deleted.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await deletion.getByLabel("Your password").fill(learner.password);
  await deletion.getByLabel(/I understand that this deletes my account/).check();
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account and everything in it have been deleted.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, learner.email, learner.password);
  await expect(
    page.getByText("That e-mail and password do not match an account. Check both and try again."),
  ).toBeVisible();
  const gone = await page.request.get("/account/my-data/quiz-answers.csv");
  expect(gone.status()).toBe(401);
  expect((await page.request.get("/account/my-data/account-settings.json")).status()).toBe(401);
});
