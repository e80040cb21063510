import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { cardHistories, type LoggedRating, MIN_TRAINING_REVIEWS, trainingItems } from "../core/fsrs-training";
import { DEFAULT_PARAMETERS } from "../core/scheduler";
import { createFlashcardService } from "./flashcard-service";
import { type FsrsOptimiser, fsrsOptimiser } from "./fsrs-optimiser";
import { createFsrsParametersService, MAX_CONCURRENT_OPTIMISATIONS, OPTIMISER_BUSY } from "./fsrs-parameters-service";
import { insertReviewLog, STRONG_MEMORY, strongLearnerLog } from "./test-support/review-log";

const library = loadContent(path.resolve("content"));
const now = new Date("2026-06-01T09:00:00Z");
const DAY = 86_400_000;

describe.each(testDatabases)("optimising a learner's FSRS parameters on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const service = () => createFsrsParametersService({ repos: ctx.repos, now: () => now, optimiser: fsrsOptimiser });
  const cards = () => createFlashcardService({ repos: ctx.repos, library: () => library, now: () => now });
  const learner = async (timeZone = "Europe/Berlin") => {
    const user = await ctx.repos.users.create({ email: uniqueEmail("fsrs"), name: "Optimiser", passwordHash: "h" });
    return { id: user.id, timeZone };
  };

  it("says how many more later-day reviews are needed, and changes nothing, when there are too few", async () => {
    const user = await learner();
    // Ten cards, each rated twice on two days: ten later-day ratings.
    await insertReviewLog(
      ctx.db,
      user.id,
      Array.from({ length: 10 }, (_, i) => [
        { cardId: `c${i}`, rating: "good" as const, review: new Date(now.getTime() - 10 * DAY) },
        { cardId: `c${i}`, rating: "good" as const, review: new Date(now.getTime() - 7 * DAY) },
      ]).flat(),
    );
    expect(await service().status(user)).toEqual({
      own: false,
      optimisedAt: null,
      trainingReviews: 10,
      moreNeeded: MIN_TRAINING_REVIEWS - 10,
    });
    const result = await service().optimise(user);
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining(`you have 10, so ${MIN_TRAINING_REVIEWS - 10} more are needed`),
    });
    expect((await ctx.repos.flashcards.settings(user.id)).parameters).toBeNull();
  });

  it("fits weights to a learner whose memory is stronger than the defaults assume, and schedules with them", async () => {
    const user = await learner();
    await insertReviewLog(ctx.db, user.id, strongLearnerLog(now));
    const before = (await cards().session(user)).cards[0].intervals;

    const result = await service().optimise(user);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report.trainingReviews).toBeGreaterThanOrEqual(MIN_TRAINING_REVIEWS);
    expect(report.previous.own).toBe(false);
    // The new weights predict the log better on both measures, and their mean predicted recall is
    // closer to what the learner recalled than the defaults' (which expect them to forget sooner).
    expect(report.optimised.logLoss).toBeLessThan(report.previous.logLoss);
    expect(report.optimised.rmse).toBeLessThanOrEqual(report.previous.rmse);
    expect(report.previous.predictedRecall).toBeLessThan(report.actualRecall);
    expect(Math.abs(report.optimised.predictedRecall - report.actualRecall)).toBeLessThan(
      Math.abs(report.previous.predictedRecall - report.actualRecall),
    );
    expect(report.saved).toBe(true);

    const settings = await ctx.repos.flashcards.settings(user.id);
    expect(settings.parameters).toHaveLength(21);
    expect(settings.parametersOptimisedAt).toEqual(now);
    // Toward the learner's memory: a first Good is expected to last longer than the default says.
    expect(settings.parameters![2]).toBeGreaterThan(DEFAULT_PARAMETERS[2]);
    expect(STRONG_MEMORY[2]).toBeGreaterThan(DEFAULT_PARAMETERS[2]);
    // A new card's intervals now come from the learner's weights.
    expect((await cards().session(user)).cards[0].intervals).not.toEqual(before);
    expect(await service().status(user)).toMatchObject({ own: true, optimisedAt: now, moreNeeded: 0 });

    // A second run measures against the learner's own weights and keeps them unless it does better.
    const again = await service().optimise(user);
    expect(again).toMatchObject({ ok: true, value: { previous: { own: true } } });
    if (again.ok && !again.value.saved)
      expect((await ctx.repos.flashcards.settings(user.id)).parameters).toEqual(settings.parameters);

    // Reset: the defaults again, from the next session.
    expect(await service().reset(user.id)).toEqual({ ok: true, value: null });
    expect(await service().status(user)).toMatchObject({ own: false, optimisedAt: null });
    expect((await cards().session(user)).cards[0].intervals).toEqual(before);
  });

  it("leaves undone ratings out, and keeps one learner's log and weights from another's", async () => {
    const user = await learner();
    const other = await learner();
    const log = strongLearnerLog(now, 11);
    await insertReviewLog(ctx.db, user.id, log);
    const counted = (log: LoggedRating[]) => trainingItems(cardHistories(log, user.timeZone)).length;
    expect((await service().status(user)).trainingReviews).toBe(counted(log));
    // Undo the last rating of every card.
    const last = new Map(log.map((r) => [r.cardId, r]));
    for (const r of last.values())
      await ctx.db.flashcardReview.updateMany({
        where: { userId: user.id, cardId: r.cardId, review: r.review },
        data: { undoneAt: now },
      });
    const kept = log.filter((r) => last.get(r.cardId) !== r);
    expect(counted(kept)).toBeLessThan(counted(log));
    expect((await service().status(user)).trainingReviews).toBe(counted(kept));
    expect((await service().status(other)).trainingReviews).toBe(0);
    await service().optimise(user);
    expect((await ctx.repos.flashcards.settings(other.id)).parameters).toBeNull();
  });

  it("runs one optimisation per learner at a time", async () => {
    const user = await learner();
    await insertReviewLog(ctx.db, user.id, strongLearnerLog(now, 5));
    const [first, second] = await Promise.all([service().optimise(user), service().optimise(user)]);
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, error: expect.stringContaining("already being optimised") });
  });

  it("runs at most two optimisations at once across learners; the others are told to try again", async () => {
    const learners = await Promise.all(Array.from({ length: 4 }, () => learner()));
    for (const u of learners) await insertReviewLog(ctx.db, u.id, strongLearnerLog(now, 5));
    // The optimiser holds every run until released, so all four requests overlap.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const held: FsrsOptimiser = {
      compute: async (items) => {
        started++;
        await gate;
        return fsrsOptimiser.compute(items);
      },
      evaluate: fsrsOptimiser.evaluate,
    };
    const gated = createFsrsParametersService({ repos: ctx.repos, now: () => now, optimiser: held });
    const pending = learners.map((u) => gated.optimise(u));
    await vi.waitFor(() => expect(started).toBe(MAX_CONCURRENT_OPTIMISATIONS));
    release();
    const results = await Promise.all(pending);
    expect(MAX_CONCURRENT_OPTIMISATIONS).toBe(2);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, error: OPTIMISER_BUSY },
      { ok: false, error: OPTIMISER_BUSY },
    ]);
    expect(started).toBe(2);
    // Once they are done, a refused learner gets through.
    const refused = learners[results.findIndex((r) => !r.ok)];
    expect((await gated.optimise(refused)).ok).toBe(true);
  });
});
