import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ContentLibrary, loadContent } from "../../content/load-content";
import { parseLesson } from "../../content/parse-lesson";
import { createDb, type Db } from "../../db/create-db";
import { providerOf } from "../../db/database-url";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { BROWSE_PAGE_SIZE, type BrowseFilter } from "../core/card-browser";
import { lessonCards } from "../core/cards";
import { ownCardId } from "../core/own-cards";
import { createCardBrowserService } from "./card-browser-service";
import { createFlashcardService } from "./flashcard-service";
import { createOwnCardService } from "./own-card-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];
const define = `${lesson.slug}:define:pod-ip`;
const all: BrowseFilter = { query: "", lesson: null, state: null, page: 1 };
const DAY = 86_400_000;

/** The same course after an author reworded the Pod IP definition. */
function libraryWithUpdatedLesson(): ContentLibrary {
  const source = readFileSync(lesson.sourcePath, "utf8").replace("network namespace", "network namespace (reworded)");
  const updated = parseLesson(source, lesson.sourcePath).lesson!;
  return { ...library, lessons: library.lessons.map((l) => (l.slug === lesson.slug ? updated : l)) };
}

describe.each(testDatabases)("the card browser on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  let now = new Date("2026-06-01T09:00:00Z");
  let content = library;
  const services = () => {
    const deps = { repos, library: () => content, now: () => now };
    return {
      browser: createCardBrowserService(deps),
      cards: createFlashcardService(deps),
      own: createOwnCardService(deps),
    };
  };
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db, providerOf(url));
  });
  afterAll(() => db.$disconnect());
  const learner = async () => {
    const user = await repos.users.create({ email: uniqueEmail("browse"), name: "Browser", passwordHash: "h" });
    await repos.flashcards.saveSettings(user.id, { desiredRetention: 0.9, dailyNewLimit: 500 });
    return { id: user.id, timeZone: "UTC" };
  };

  it("lists every lesson card and the learner's own, found by text, lesson and state", async () => {
    const me = await learner();
    const { browser, cards, own } = services();
    await own.create(me.id, { front: "Which port range does NodePort use?", back: "30000-32767", lesson: "" });
    const total = library.lessons.flatMap(lessonCards).length + 1;
    const first = await browser.browse(me.id, all);
    expect(first).toMatchObject({ total, matched: total, page: 1 });
    expect(first.cards[0].card.front).toBe("Which port range does NodePort use?");
    expect((await browser.browse(me.id, { ...all, lesson: "" })).matched).toBe(1);
    expect((await browser.browse(me.id, { ...all, lesson: lesson.slug })).matched).toBe(lessonCards(lesson).length);
    expect((await browser.browse(me.id, { ...all, query: "what is a pod ip" })).cards.map((c) => c.card.id)).toEqual([
      define,
    ]);
    // Failed once: learning, forgotten (its latest rating is Again), due in minutes.
    await cards.rate(me.id, { cardId: define, rating: "again", expectedVersion: 0 });
    const forgotten = await browser.browse(me.id, { ...all, state: "forgotten" });
    expect(forgotten.cards.map((c) => c.card.id)).toEqual([define]);
    expect(forgotten.cards[0]).toMatchObject({ state: "Learning", forgotten: true, reps: 1 });
    expect(forgotten.cards[0].due?.getTime()).toBeGreaterThan(now.getTime());
    expect((await browser.browse(me.id, { ...all, state: "learning" })).matched).toBe(1);
    // Another learner's browser knows nothing of it.
    const other = await learner();
    expect((await browser.browse(other.id, { ...all, state: "forgotten" })).matched).toBe(0);
    expect((await browser.browse(other.id, all)).total).toBe(total - 1);
  });

  it("reads the last ratings of the page's cards only, not the learner's whole review log", async () => {
    const me = await learner();
    const { browser, cards } = services();
    const ids = library.lessons.flatMap(lessonCards).map((c) => c.id);
    // One card on the first page failed at its last rating, one far beyond it rated Good then Again.
    const onPage = ids[1];
    const beyond = ids[BROWSE_PAGE_SIZE + 5];
    await cards.rate(me.id, { cardId: onPage, rating: "again", expectedVersion: 0 });
    for (const cardId of ids.slice(BROWSE_PAGE_SIZE, BROWSE_PAGE_SIZE + 10)) {
      await cards.rate(me.id, { cardId, rating: "good", expectedVersion: 0 });
    }
    await cards.rate(me.id, { cardId: beyond, rating: "again", expectedVersion: 1 });
    const reads = vi.spyOn(repos.flashcards, "lastRatings");
    try {
      const first = await browser.browse(me.id, all);
      expect(first.cards.find((c) => c.card.id === onPage)).toMatchObject({ forgotten: true });
      expect(reads).toHaveBeenCalledTimes(1);
      // Only the page's rated cards, never the whole log (no id list).
      expect(reads.mock.calls[0]).toEqual([me.id, [onPage]]);
      reads.mockClear();
      // A page with nothing rated on it reads no ratings at all.
      const last = await browser.browse(me.id, { ...all, page: 1_000 });
      expect(last.cards.some((c) => c.reps > 0)).toBe(false);
      expect(reads).not.toHaveBeenCalled();
      // Filtering by forgotten reads the rated cards that never lapsed, and finds both.
      const forgotten = await browser.browse(me.id, { ...all, state: "forgotten" });
      expect(forgotten.cards.map((c) => c.card.id)).toEqual([onPage, beyond]);
      expect(reads.mock.calls[0][1]).toHaveLength(11);
    } finally {
      reads.mockRestore();
    }
  });

  it("suspends a never-rated lesson card as a New card, which is new again once unsuspended", async () => {
    const me = await learner();
    const other = await learner();
    const { browser, cards } = services();
    const before = await cards.session(me, lesson.slug);
    expect(await browser.setSuspended(me.id, define, true)).toEqual({ ok: true, value: { suspended: true } });
    expect(await repos.flashcards.state(me.id, define)).toMatchObject({ state: "New", reps: 0, suspended: true });
    const during = await cards.session(me, lesson.slug);
    expect(during.cards.map((c) => c.id)).not.toContain(define);
    expect(during.newCount).toBe(before.newCount - 1);
    expect(await cards.rate(me.id, { cardId: define, rating: "good", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "That card is suspended; unsuspend it in the card browser to review it.",
    });
    expect((await browser.browse(me.id, { ...all, state: "suspended" })).cards.map((c) => c.card.id)).toEqual([define]);
    // Only this learner's card is suspended.
    expect((await cards.session(other, lesson.slug)).cards.map((c) => c.id)).toContain(define);
    expect(await browser.setSuspended(me.id, define, false)).toEqual({ ok: true, value: { suspended: false } });
    const after = await cards.session(me, lesson.slug);
    expect(after.newCount).toBe(before.newCount);
    const card = after.cards.find((c) => c.id === define)!;
    expect(card).toMatchObject({ state: "New", version: 1 });
    // Its first rating counts against the daily new-card limit like any new card's.
    expect(await cards.rate(me.id, { cardId: define, rating: "good", expectedVersion: 1 })).toMatchObject({
      ok: true,
      value: { applied: true, card: { state: "Learning" } },
    });
    expect(await repos.flashcards.newIntroducedSince(me.id, new Date(now.getTime() - DAY))).toBe(1);
    expect(await browser.setSuspended(me.id, "no-such-lesson:define:x", true)).toMatchObject({ ok: false });
  });

  it("keeps a reviewed card's FSRS state through suspending and unsuspending, and never shows it due meanwhile", async () => {
    const me = await learner();
    const { browser, cards } = services();
    await cards.rate(me.id, { cardId: define, rating: "good", expectedVersion: 0 });
    const rated = (await repos.flashcards.state(me.id, define))!;
    await browser.setSuspended(me.id, define, true);
    const later = now;
    now = new Date(rated.due.getTime() + DAY);
    try {
      const due = await cards.session(me, lesson.slug);
      expect(due.cards.map((c) => c.id)).not.toContain(define);
      expect(due.dueCount).toBe(0);
      await browser.setSuspended(me.id, define, false);
      expect(await repos.flashcards.state(me.id, define)).toEqual({ ...rated, suspended: false });
      const back = await cards.session(me, lesson.slug);
      expect(back.dueCount).toBe(1);
      // The undo of the rating before the suspension still applies (the version did not move).
      expect(await cards.undo(me.id)).toMatchObject({ ok: true, value: { card: { id: define, state: "New" } } });
    } finally {
      now = later;
    }
  });

  it("shows the learner's copy of a lesson card, marked edited, until it is reset; the schedule stays", async () => {
    const me = await learner();
    const other = await learner();
    const { browser, cards } = services();
    await cards.rate(me.id, { cardId: define, rating: "good", expectedVersion: 0 });
    const rated = (await repos.flashcards.state(me.id, define))!;
    const copy = { cardId: define, front: "Pod IP: what is it, in my words?", back: "The pod's own address" };
    expect(await browser.saveCopy(me.id, copy)).toEqual({ ok: true, value: null });
    const [row] = (await browser.browse(me.id, { ...all, query: "in my words" })).cards;
    expect(row).toMatchObject({ edited: true, card: { front: copy.front, back: copy.back } });
    expect(row.original?.front).toBe("What is a Pod IP?");
    // The lesson's text no longer matches the search; the copy does.
    expect((await browser.browse(me.id, { ...all, query: "what is a pod ip" })).matched).toBe(0);
    now = new Date(rated.due.getTime() + 1);
    const session = await cards.session(me, lesson.slug);
    expect(session.cards.find((c) => c.id === define)).toMatchObject({ front: copy.front, edited: true });
    // A rating shows the copy too, and the schedule is the card's as before.
    const r = await cards.rate(me.id, { cardId: define, rating: "good", expectedVersion: rated.version });
    expect(r).toMatchObject({ ok: true, value: { applied: true, card: { front: copy.front, edited: true } } });
    // Another learner sees the lesson's text.
    expect((await cards.session(other, lesson.slug)).cards.find((c) => c.id === define)?.front).toBe(
      "What is a Pod IP?",
    );
    // An author's update to the lesson does not touch the copy.
    content = libraryWithUpdatedLesson();
    try {
      const updated = await browser.browse(me.id, { ...all, query: "in my words" });
      expect(updated.cards[0]).toMatchObject({ card: { back: copy.back }, edited: true });
      expect(updated.cards[0].original?.back).toContain("(reworded)");
      const stateBefore = await repos.flashcards.state(me.id, define);
      expect(await browser.resetCopy(me.id, define)).toEqual({ ok: true, value: null });
      const reset = (await cards.session(me, lesson.slug)).cards.find((c) => c.id === define);
      expect(reset === undefined || !reset.edited).toBe(true);
      const [shown] = (await browser.browse(me.id, { ...all, query: "what is a pod ip" })).cards;
      expect(shown).toMatchObject({ edited: false, original: null });
      expect(shown.card.back).toContain("(reworded)");
      expect(await repos.flashcards.state(me.id, define)).toEqual(stateBefore);
      expect(await browser.resetCopy(me.id, define)).toMatchObject({ ok: false });
    } finally {
      content = library;
    }
    // Saving the lesson's own text keeps no copy; own cards are edited directly, not copied.
    const original = lessonCards(lesson).find((c) => c.id === define)!;
    await browser.saveCopy(me.id, { cardId: define, front: original.front, back: original.back });
    expect((await repos.cardOverrides.list(me.id)).size).toBe(0);
    expect(await browser.saveCopy(me.id, { cardId: ownCardId("abc"), front: "x", back: "y" })).toMatchObject({
      ok: false,
    });
  });

  it("custom study: a lesson's studied cards or only the forgotten ones, ahead of schedule, rated for real", async () => {
    const me = await learner();
    const { cards, browser } = services();
    const [a, b, c] = lessonCards(lesson).map((x) => x.id);
    await cards.rate(me.id, { cardId: a, rating: "easy", expectedVersion: 0 });
    await cards.rate(me.id, { cardId: b, rating: "again", expectedVersion: 0 });
    await cards.rate(me.id, { cardId: c, rating: "easy", expectedVersion: 0 });
    await browser.setSuspended(me.id, c, true);
    expect(await cards.customSession(me, "lesson", null)).toMatchObject({ ok: false, field: "lesson" });
    expect(await cards.customSession(me, "lesson", "no-such-lesson")).toMatchObject({ ok: false, field: "lesson" });
    const byLesson = await cards.customSession(me, "lesson", lesson.slug);
    if (!byLesson.ok) throw new Error(byLesson.error);
    // Not due for days (Easy), failed, but not the suspended one nor the never-rated ones.
    expect(new Set(byLesson.value.cards.map((x) => x.id))).toEqual(new Set([a, b]));
    expect(new Date(byLesson.value.cards.find((x) => x.id === a)!.due).getTime()).toBeGreaterThan(now.getTime() + DAY);
    const forgotten = await cards.customSession(me, "forgotten", null);
    expect(forgotten.ok && forgotten.value.cards.map((x) => x.id)).toEqual([b]);
    // A rating in it is an ordinary rating: applied, logged, and the card rescheduled from now.
    const stored = (await repos.flashcards.state(me.id, a))!;
    const ahead = await cards.rate(me.id, { cardId: a, rating: "good", expectedVersion: stored.version });
    expect(ahead).toMatchObject({ ok: true, value: { applied: true } });
    const after = (await repos.flashcards.state(me.id, a))!;
    expect(after.reps).toBe(stored.reps + 1);
    expect(after.lastReview).toEqual(now);
    expect((await repos.flashcards.lastRatings(me.id)).get(a)).toBe("good");
  });
});
