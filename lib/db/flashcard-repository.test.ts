import { describe, expect, it } from "vitest";
import { newCardState, rate } from "../flashcards/core/scheduler";
import { DEFAULT_SRS_SETTINGS } from "./flashcard-repository";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

const t0 = new Date("2026-05-01T08:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const strip = <T extends { cardId: string; lessonSlug: string; version: number }>({
  cardId: _c,
  lessonSlug: _l,
  version: _v,
  ...s
}: T) => s;

describe.each(testDatabases)("flashcard scheduling on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const learner = () => ctx.repos.users.create({ email: uniqueEmail("srs"), name: "Card Learner", passwordHash: "h" });
  const first = (userId: string, cardId = "lesson:card-a", rating: "good" | "again" = "good", at = t0) =>
    ctx.repos.flashcards.applyRating(
      userId,
      {
        cardId,
        lessonSlug: "lesson",
        expectedVersion: 0,
        previous: null,
        next: rate(newCardState(at), rating, at),
        rating,
      },
      at,
    );

  it("stores a first rating, logs it, and counts it as a new card introduced today", async () => {
    const user = await learner();
    const result = await first(user.id);
    expect(result.ok && result.state).toMatchObject({
      cardId: "lesson:card-a",
      version: 1,
      state: "Learning",
      reps: 1,
    });
    expect(await ctx.repos.flashcards.newIntroducedSince(user.id, t0)).toBe(1);
    expect(await ctx.repos.flashcards.reviews(user.id, t0)).toEqual([
      { cardId: "lesson:card-a", rating: "good", stateBefore: "New", review: t0 },
    ]);
  });

  it("applies a rating only once when two tabs (or a double click) rate the same card version", async () => {
    const user = await learner();
    const base = await first(user.id);
    const prev = strip(base.ok ? base.state : (null as never));
    const rateAt = (r: "good" | "easy") =>
      ctx.repos.flashcards.applyRating(
        user.id,
        {
          cardId: "lesson:card-a",
          lessonSlug: "lesson",
          expectedVersion: 1,
          previous: prev,
          next: rate(prev, r, later(10)),
          rating: r,
        },
        later(10),
      );
    const results = await Promise.all([rateAt("good"), rateAt("easy")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(!loser.ok && loser.conflict?.version).toBe(2);
    expect((await ctx.repos.flashcards.state(user.id, "lesson:card-a"))!.version).toBe(2);
    expect(await ctx.repos.flashcards.reviews(user.id, t0)).toHaveLength(2);
    // Two first ratings of a new card: one wins, the other changes nothing.
    const both = await Promise.all([first(user.id, "lesson:card-b"), first(user.id, "lesson:card-b", "again")]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("undo restores the card exactly, one rating at a time, and a new card becomes new again", async () => {
    const user = await learner();
    const r1 = await first(user.id);
    const s1 = r1.ok ? r1.state : (null as never);
    const next = rate(strip(s1), "again", later(10));
    const r2 = await ctx.repos.flashcards.applyRating(
      user.id,
      { cardId: s1.cardId, lessonSlug: "lesson", expectedVersion: 1, previous: strip(s1), next, rating: "again" },
      later(10),
    );
    expect(r2.ok).toBe(true);

    const undo1 = await ctx.repos.flashcards.undoLast(user.id, later(11));
    expect(undo1.ok && undo1.state).toEqual(s1);
    const undo2 = await ctx.repos.flashcards.undoLast(user.id, later(12));
    expect(undo2).toEqual({ ok: true, cardId: s1.cardId, state: null });
    expect(await ctx.repos.flashcards.state(user.id, s1.cardId)).toBeNull();
    expect(await ctx.repos.flashcards.reviews(user.id, t0)).toEqual([]);
    expect(await ctx.repos.flashcards.newIntroducedSince(user.id, t0)).toBe(0);
    expect(await ctx.repos.flashcards.undoLast(user.id, later(13))).toEqual({
      ok: false,
      error: "There is no rating to undo.",
    });
  });

  it("refuses to undo a rating when the card changed afterwards in another tab", async () => {
    const user = await learner();
    const r1 = await first(user.id);
    const s1 = r1.ok ? r1.state : (null as never);
    // Another tab changes the card behind this tab's back (simulated by bumping the version directly).
    await ctx.db.flashcardState.updateMany({ where: { userId: user.id, cardId: s1.cardId }, data: { version: 7 } });
    expect(await ctx.repos.flashcards.undoLast(user.id, later(1))).toEqual({
      ok: false,
      error: "That card has changed since (another tab?); nothing was undone.",
    });
  });

  it("keeps each learner's cards and settings apart", async () => {
    const a = await learner();
    const b = await learner();
    await first(a.id);
    expect((await ctx.repos.flashcards.states(b.id)).size).toBe(0);
    expect(await ctx.repos.flashcards.undoLast(b.id, t0)).toMatchObject({ ok: false });
    expect(await ctx.repos.flashcards.settings(a.id)).toEqual(DEFAULT_SRS_SETTINGS);
    await ctx.repos.flashcards.saveSettings(a.id, { desiredRetention: 0.85, dailyNewLimit: 5 });
    expect(await ctx.repos.flashcards.settings(a.id)).toEqual({
      ...DEFAULT_SRS_SETTINGS,
      desiredRetention: 0.85,
      dailyNewLimit: 5,
    });
    expect(await ctx.repos.flashcards.settings(b.id)).toEqual(DEFAULT_SRS_SETTINGS);
  });

  it("keeps a learner's FSRS weights apart from the settings form, and forgets unreadable ones", async () => {
    const a = await learner();
    const b = await learner();
    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
    const saved = await ctx.repos.flashcards.saveParameters(a.id, weights, t0);
    expect(saved).toMatchObject({ parameters: weights, parametersOptimisedAt: t0, desiredRetention: 0.9 });
    // Saving the form keeps the weights; the other learner has none.
    await ctx.repos.flashcards.saveSettings(a.id, { desiredRetention: 0.8, dailyNewLimit: 5 });
    expect(await ctx.repos.flashcards.settings(a.id)).toMatchObject({ parameters: weights, desiredRetention: 0.8 });
    expect((await ctx.repos.flashcards.settings(b.id)).parameters).toBeNull();
    // Back to the defaults.
    await ctx.repos.flashcards.saveParameters(a.id, null, t0);
    expect(await ctx.repos.flashcards.settings(a.id)).toMatchObject({ parameters: null, parametersOptimisedAt: null });
    // A row holding something other than 21 numbers schedules with the defaults rather than failing.
    await ctx.db.srsSettings.update({ where: { userId: a.id }, data: { fsrsParameters: "[1,2,3]" } });
    expect((await ctx.repos.flashcards.settings(a.id)).parameters).toBeNull();
  });

  it("reads the optimised weights of the learners who have them, and only theirs", async () => {
    const [withOwn, withDefaults, none] = await Promise.all([learner(), learner(), learner()]);
    const own = Array.from({ length: 21 }, (_, i) => i / 10);
    await ctx.repos.flashcards.saveParameters(withOwn.id, own, t0);
    await ctx.repos.flashcards.saveSettings(withDefaults.id, { desiredRetention: 0.85, dailyNewLimit: 5 });
    const found = await ctx.repos.flashcards.parametersOf([withOwn.id, withDefaults.id, none.id]);
    expect([...found.entries()]).toEqual([[withOwn.id, own]]);
  });
});
