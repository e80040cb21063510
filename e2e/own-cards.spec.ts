import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signUp } from "./helpers";

const deck = (text: string, name = "deck.csv") => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
const cards = (page: Page) => page.getByRole("region", { name: "Your cards" }).getByRole("listitem");
/** The card browser lists the lessons' cards too; its summary counts the learner's own. */
const ownCount = (page: Page, n: number) => page.getByText(new RegExp(`the lessons' and ${n} of your own\\.`));

test("a learner writes, imports, finds, edits and deletes cards of their own, then reviews them", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review");
  await page.getByRole("link", { name: /^Browse your cards/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your flashcards" })).toBeVisible();
  await expect(ownCount(page, 0)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // One written here, filed under no lesson; the form empties for the next.
  const add = page.getByRole("region", { name: "Add a card" });
  const importing = page.getByRole("region", { name: "Import a deck" });
  await add.getByLabel("Front").fill("Which object lists a Service's ready pod IPs?");
  await add.getByLabel("Back").fill("Its EndpointSlices");
  await add.getByRole("button", { name: "Add card" }).click();
  await expect(add.getByRole("status").getByText("Added 1 card.")).toBeVisible();
  await expect(add.getByLabel("Front")).toHaveValue("");
  await expect(ownCount(page, 1)).toBeVisible();

  // A deck with a broken line adds nothing and says which line.
  const file = importing.getByLabel("Deck file");
  await file.setInputFiles(deck("front;back\nkube-proxy;Programs each node's rules\nno back here\n"));
  await importing.getByRole("button", { name: "Import cards" }).click();
  await expect(page.getByText('Line 3: a card needs a front and a back, separated by ";".').first()).toBeVisible();
  await expect(ownCount(page, 1)).toBeVisible();
  // A good one, filed under a lesson, imported once; the second time nothing is new.
  await file.setInputFiles(
    deck('front;back\nkube-proxy;Programs each node\'s rules\n"Pod IP; after a restart";A new one\n'),
  );
  await importing.getByLabel("File it under").selectOption({ label: LESSON_TITLE });
  await importing.getByRole("button", { name: "Import cards" }).click();
  await expect(page.getByRole("status").getByText("Imported 2 cards.")).toBeVisible();
  await expect(ownCount(page, 3)).toBeVisible();
  await file.setInputFiles(deck("kube-proxy;Programs each node's rules\n"));
  await importing.getByRole("button", { name: "Import cards" }).click();
  await expect(page.getByRole("status").getByText("Nothing new: you already have that card.")).toBeVisible();
  const imported = cards(page).filter({ hasText: "Pod IP; after a restart" });
  await expect(imported).toContainText(LESSON_TITLE);
  await expect(imported).toContainText("Your own card");

  // Find one, edit it, delete another behind a confirmation.
  await page.getByRole("searchbox", { name: "Search the cards" }).fill("programs each node");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Showing 1–1 of 1 card that match.")).toBeVisible();
  await expect(cards(page)).toHaveCount(1);
  await cards(page).locator("summary", { hasText: "Edit" }).click();
  await cards(page).getByLabel("Back").fill("Programs each node's iptables or IPVS rules");
  await cards(page).getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(cards(page).filter({ hasText: "Your own card" })).toHaveCount(3);
  await expect(cards(page).locator("p", { hasText: "Programs each node's iptables or IPVS rules" })).toBeVisible();
  await page.getByRole("button", { name: /^Delete the card “Pod IP; after a restart”/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("The card and its schedule go");
  await dialog.getByRole("button", { name: "Delete card" }).click();
  await expect(ownCount(page, 2)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The learner's own cards come first in the review, like any new card.
  await page.goto("/review");
  await expect(page.getByText("Which object lists a Service's ready pod IPs?")).toBeVisible();
});

test("the questions a quiz missed become flashcards from its review, once each", async ({ page }) => {
  await signUp(page, newLearner());
  const api = page.request;
  const started = await api.post("/api/quiz/attempts", {
    data: { scope: "lesson", target: LESSON_SLUG, feedback: "end" },
  });
  const attempt = (await started.json()).value as { id: string; questions: unknown[] };
  expect((await api.post(`/api/quiz/attempts/${attempt.id}/finish`)).status()).toBe(200);
  await page.goto(`/quiz/${attempt.id}/review`);
  const n = attempt.questions.length;
  await page.getByRole("button", { name: `Add the ${n} I missed to my flashcards` }).click();
  await expect(page.getByRole("status").getByText(`Added to your flashcards: ${n} cards.`)).toBeVisible();
  await page.getByRole("button", { name: `Add the ${n} I missed to my flashcards` }).click();
  await expect(page.getByRole("status").getByText(`Nothing new: you already have these ${n} cards.`)).toBeVisible();
  await page.goto("/review/cards");
  await expect(ownCount(page, n)).toBeVisible();
  await expect(cards(page).filter({ hasText: "Your own card" })).toHaveCount(n);
});
