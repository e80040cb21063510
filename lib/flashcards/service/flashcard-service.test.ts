import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { createDb, type Db } from "../../db/create-db";
import { providerOf } from "../../db/database-url";
import { DEFAULT_SRS_SETTINGS } from "../../db/flashcard-repository";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { lessonCards } from "../core/cards";
import { newCardState } from "../core/scheduler";
import { createFlashcardService, type FlashcardService } from "./flashcard-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];

describe.each(testDatabases)("flashcard service on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  const now = new Date("2026-06-01T09:00:00Z");
  let service: FlashcardService;
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db, providerOf(url));
    service = createFlashcardService({ repos, library: () => library, now: () => now });
  });
  afterAll(() => db.$disconnect());
  const learner = () => repos.users.create({ email: uniqueEmail("cards"), name: "Card Service", passwordHash: "h" });

  it("offers new cards up to the daily limit, with the intervals each rating would give", async () => {
    const user = await learner();
    await repos.flashcards.saveSettings(user.id, { desiredRetention: 0.9, dailyNewLimit: 3 });
    const session = await service.session(user);
    expect(session.cards).toHaveLength(3);
    expect(session).toMatchObject({ newCount: 3, dueCount: 0 });
    expect(session.cards[0]).toMatchObject({ state: "New", version: 0, lessonTitle: lesson.title });
    expect(session.cards[0].intervals.again).toMatch(/m$/);
    expect(lessonCards(lesson).map((c) => c.id)).toContain(session.cards[0].id);
  });

  it("rates Good to a later due date than Again, counts new cards against today's limit, and ignores a stale second rating", async () => {
    const user = await learner();
    await repos.flashcards.saveSettings(user.id, { desiredRetention: 0.9, dailyNewLimit: 2 });
    const [a, b] = (await service.session(user)).cards;
    const good = await service.rate(user.id, { cardId: a.id, rating: "good", expectedVersion: 0 });
    const again = await service.rate(user.id, { cardId: b.id, rating: "again", expectedVersion: 0 });
    expect(good.ok && again.ok).toBe(true);
    if (!good.ok || !again.ok) return;
    expect(new Date(good.value.card.due).getTime()).toBeGreaterThan(new Date(again.value.card.due).getTime());
    expect(good.value).toMatchObject({ applied: true, card: { version: 1, state: "Learning" } });
    // The same rating again from a second tab that still shows version 0: nothing changes.
    const stale = await service.rate(user.id, { cardId: a.id, rating: "easy", expectedVersion: 0 });
    expect(stale).toMatchObject({ ok: true, value: { applied: false, card: { version: 1 } } });
    // Both of today's new cards are used: only the learning cards remain, once due.
    const later = await service.session(user);
    expect(later.newCount).toBe(0);
    expect(later.cards.every((c) => c.state !== "New")).toBe(true);
  });

  it("undo restores exactly the state before the last rating", async () => {
    const user = await learner();
    const [a] = (await service.session(user)).cards;
    const first = await service.rate(user.id, { cardId: a.id, rating: "good", expectedVersion: 0 });
    const before = first.ok ? first.value.card : null;
    await service.rate(user.id, { cardId: a.id, rating: "again", expectedVersion: 1 });
    const undone = await service.undo(user.id);
    expect(undone).toEqual({ ok: true, value: { card: before } });
  });

  it("keeps the default settings until the learner saves their own, which the next session uses", async () => {
    const user = await learner();
    expect(await service.settings(user.id)).toEqual(DEFAULT_SRS_SETTINGS);
    const saved = { ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.85, dailyNewLimit: 1 };
    expect(await service.saveSettings(user.id, { desiredRetention: 0.85, dailyNewLimit: 1 })).toEqual(saved);
    expect(await service.settings(user.id)).toEqual(saved);
    expect((await service.session(user)).cards).toHaveLength(1);
  });

  it("says so when there is nothing to undo", async () => {
    const user = await learner();
    expect(await service.undo(user.id)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it("refuses an unknown card", async () => {
    const user = await learner();
    expect(await service.rate(user.id, { cardId: "nope", rating: "good", expectedVersion: 0 })).toEqual({
      ok: false,
      error: "That card no longer exists; reload to get the current cards.",
    });
  });

  it("rebuilds statistics from the review log", async () => {
    const user = await learner();
    const [a] = (await service.session(user)).cards;
    await service.rate(user.id, { cardId: a.id, rating: "good", expectedVersion: 0 });
    const stats = await service.statistics(user);
    expect(stats.byState.Learning).toBe(1);
    expect(stats.byState.New).toBe(stats.totalCards - 1);
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: "2026-06-01", count: 1 });
  });

  it("leaves suspended cards out of the statistics' states and forecast, and counts them apart", async () => {
    const user = await learner();
    const [a, b] = (await service.session(user)).cards;
    await service.rate(user.id, { cardId: a.id, rating: "easy", expectedVersion: 0 });
    await repos.flashcards.setSuspended(user.id, { cardId: a.id, lessonSlug: a.lessonSlug }, true, newCardState(now));
    await repos.flashcards.setSuspended(user.id, { cardId: b.id, lessonSlug: b.lessonSlug }, true, newCardState(now));
    const stats = await service.statistics(user);
    expect(stats.suspended).toBe(2);
    expect(stats.byState).toMatchObject({ Learning: 0, Review: 0, New: stats.totalCards - 2 });
    expect(stats.forecast.reduce((n, d) => n + d.count, 0)).toBe(0);
    // The rating made before suspending still happened.
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: "2026-06-01", count: 1 });
  });

  it("starts a learner's day at their midnight: the new-card limit resets then, not at 00:00 UTC", async () => {
    // The service's clock is 09:00 UTC on 1 June: 02:00 in Los Angeles, 21:00 in Tonga.
    const inLosAngeles = await repos.users.create({
      email: uniqueEmail("cards-la"),
      name: "Los Angeles",
      passwordHash: "h",
      timeZone: "America/Los_Angeles",
    });
    await repos.flashcards.saveSettings(inLosAngeles.id, { desiredRetention: 0.9, dailyNewLimit: 1 });
    // A new card introduced at 23:30 on 31 May there (06:30 UTC on 1 June): yesterday, for this learner.
    const yesterday = new Date("2026-06-01T06:30:00Z");
    const late = createFlashcardService({ repos, library: () => library, now: () => yesterday });
    const [card] = (await late.session(inLosAngeles)).cards;
    await late.rate(inLosAngeles.id, { cardId: card.id, rating: "easy", expectedVersion: 0 });
    const today = await service.session(inLosAngeles);
    expect(today.newCount).toBe(1);
    // Given only the id (as the home page does), the service reads the account's zone.
    expect(await service.session(inLosAngeles.id)).toMatchObject({ newCount: 1, timeZone: "America/Los_Angeles" });
    expect(today).toMatchObject({ timeZone: "America/Los_Angeles", dayEnds: "2026-06-02T07:00:00.000Z" });
    // In UTC the same rating was today's: no new card is left.
    const inUtc = await learner();
    await repos.flashcards.saveSettings(inUtc.id, { desiredRetention: 0.9, dailyNewLimit: 1 });
    const [utcCard] = (await late.session(inUtc)).cards;
    await late.rate(inUtc.id, { cardId: utcCard.id, rating: "easy", expectedVersion: 0 });
    expect((await service.session(inUtc)).newCount).toBe(0);
    const stats = await service.statistics(inLosAngeles);
    expect(stats.reviewsPerDay.slice(-2)).toEqual([
      { day: "2026-05-31", count: 1 },
      { day: "2026-06-01", count: 0 },
    ]);
  });
});
