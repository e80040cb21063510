import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { createDb, type Db } from "../../db/create-db";
import { providerOf } from "../../db/database-url";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { answerKey } from "../../quiz/core/grade";
import { questionPool } from "../../quiz/core/pool";
import { lessonCards } from "../core/cards";
import { OWN_CARD_LIMITS, ownCardId } from "../core/own-cards";
import { createFlashcardService, YOUR_DECK } from "./flashcard-service";
import { createOwnCardService } from "./own-card-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];
const DECK = "front;back\nWhat does kube-proxy watch?;Services and EndpointSlices\nPod IP;Changes with the Pod\n";

describe.each(testDatabases)("a learner's own cards on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  const now = new Date("2026-06-01T09:00:00Z");
  const services = () => {
    const deps = { repos, library: () => library, now: () => now };
    return { own: createOwnCardService(deps), cards: createFlashcardService(deps) };
  };
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db, providerOf(url));
  });
  afterAll(() => db.$disconnect());
  const learner = () => repos.users.create({ email: uniqueEmail("own"), name: "Own Cards", passwordHash: "h" });

  it("reviews a card the learner wrote beside the lesson cards, in their own deck or a lesson's", async () => {
    const user = await learner();
    const { own, cards } = services();
    expect(await own.create(user.id, { front: "Mine?", back: "Yes", lesson: "" })).toEqual({
      ok: true,
      value: { added: 1, skipped: 0 },
    });
    expect(await own.create(user.id, { front: "Filed", back: "Under a lesson", lesson: lesson.slug })).toMatchObject({
      ok: true,
    });
    expect(await own.create(user.id, { front: "x", back: "y", lesson: "no-such-lesson" })).toEqual({
      ok: false,
      error: "Choose a lesson from the list.",
      field: "lesson",
    });
    const [mine, filed] = await own.list(user.id);
    await repos.flashcards.saveSettings(user.id, { desiredRetention: 0.9, dailyNewLimit: 500 });
    const session = await cards.session({ id: user.id, timeZone: "UTC" });
    expect(session.cards.find((c) => c.id === ownCardId(mine.id))).toMatchObject({
      front: "Mine?",
      back: "Yes",
      lessonTitle: YOUR_DECK,
      state: "New",
    });
    // A lesson's session holds that lesson's cards and the learner's cards filed under it, not the others.
    const lessonSession = await cards.session({ id: user.id, timeZone: "UTC" }, lesson.slug);
    expect(lessonSession.cards.map((c) => c.id)).toContain(ownCardId(filed.id));
    expect(lessonSession.cards.map((c) => c.id)).not.toContain(ownCardId(mine.id));
    const rated = await cards.rate(user.id, { cardId: ownCardId(mine.id), rating: "good", expectedVersion: 0 });
    expect(rated).toMatchObject({ ok: true, value: { applied: true, card: { state: "Learning" } } });
    const stats = await cards.statistics({ id: user.id, timeZone: "UTC" });
    // The statistics count the learner's own cards with the lessons'.
    expect(stats.totalCards).toBe(library.lessons.flatMap(lessonCards).length + 2);
    expect(stats.byState.Learning).toBe(1);
  });

  it("imports a deck all or nothing, skips cards it already has, and keeps them to their owner", async () => {
    const user = await learner();
    const other = await learner();
    const { own, cards } = services();
    expect(await own.importDeck(user.id, DECK, lesson.slug)).toEqual({ ok: true, value: { added: 2, skipped: 0 } });
    expect(await own.importDeck(user.id, DECK, lesson.slug)).toEqual({ ok: true, value: { added: 0, skipped: 2 } });
    // Only the same front and back is a duplicate: a known front with a new back is a new card, and
    // the added cards come back in the deck's order.
    const [shared] = await own.list(user.id);
    const again = await repos.ownCards.add(
      other.id,
      ["z", "a", "m"].map((back) => ({
        front: shared.front,
        back,
        lessonSlug: null,
        source: "import",
        sourceRef: null,
      })),
      new Date(),
    );
    expect(again.kind === "added" && again.added.map((c) => c.back)).toEqual(["z", "a", "m"]);
    const more = await repos.ownCards.add(
      user.id,
      [{ front: shared.front, back: `${shared.back} (longer)`, lessonSlug: null, source: "import", sourceRef: null }],
      new Date(),
    );
    expect(more).toMatchObject({ kind: "added", skipped: 0 });
    await own.remove(user.id, ownCardId(more.kind === "added" ? more.added[0].id : ""));
    expect(await own.importDeck(user.id, "good;card\nbroken line\n", "")).toEqual({
      ok: false,
      error: 'Line 2: a card needs a front and a back, separated by ";".',
      field: "file",
    });
    expect(await own.list(user.id)).toHaveLength(2);
    const [first] = await own.list(user.id);
    const cardId = ownCardId(first.id);
    // Another learner can neither edit, delete nor rate it.
    expect(await own.edit(other.id, { cardId, front: "x", back: "y" })).toMatchObject({ ok: false });
    expect(await own.remove(other.id, cardId)).toMatchObject({ ok: false });
    expect(await cards.rate(other.id, { cardId, rating: "good", expectedVersion: 0 })).toMatchObject({ ok: false });
    expect(await own.edit(user.id, { cardId, front: "Edited front", back: "Edited back" })).toMatchObject({
      ok: true,
      value: { front: "Edited front", back: "Edited back" },
    });
    await cards.rate(user.id, { cardId, rating: "good", expectedVersion: 0 });
    expect(await repos.flashcards.state(user.id, cardId)).not.toBeNull();
    expect(await own.remove(user.id, cardId)).toEqual({ ok: true, value: null });
    // Deleting a card drops its schedule too.
    expect(await repos.flashcards.state(user.id, cardId)).toBeNull();
    expect(await own.list(user.id)).toHaveLength(1);
  });

  it("refuses what would pass the per-learner limit, adding nothing", async () => {
    const user = await learner();
    await db.ownCard.createMany({
      data: Array.from({ length: OWN_CARD_LIMITS.perLearner - 1 }, (_, i) => ({
        userId: user.id,
        front: `f${i}`,
        back: `b${i}`,
        source: "import",
      })),
    });
    const result = await services().own.importDeck(user.id, DECK, "");
    expect(result).toEqual({
      ok: false,
      error: `You can keep at most ${OWN_CARD_LIMITS.perLearner} cards of your own; there is room for 1 more. Delete some first.`,
    });
    expect(await db.ownCard.count({ where: { userId: user.id } })).toBe(OWN_CARD_LIMITS.perLearner - 1);
  });

  it("adds the same deck once when two imports race", async () => {
    const user = await learner();
    const { own } = services();
    const results = await Promise.all(Array.from({ length: 6 }, () => own.importDeck(user.id, DECK, "")));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.reduce((n, r) => n + (r.ok ? r.value.added : 0), 0)).toBe(2);
    expect(await db.ownCard.count({ where: { userId: user.id } })).toBe(2);
  });

  it("turns a finished attempt's missed questions into cards, once", async () => {
    const user = await learner();
    const { own } = services();
    const questions = questionPool(lesson, 3).slice(0, 4);
    const attempt = await repos.quizzes.start(
      user.id,
      {
        scope: "lesson",
        target: lesson.slug,
        seed: 3,
        feedback: "end",
        questionIds: questions.map((q) => q.id),
        questions,
      },
      now,
    );
    await repos.quizzes.recordAnswer(
      user.id,
      attempt.id,
      { questionId: questions[0].id, response: JSON.stringify(answerKey(questions[0])), score: 1, correct: true },
      now,
    );
    expect(await own.addMissedQuestions(user.id, attempt.id)).toMatchObject({ ok: false });
    await repos.quizzes.complete(user.id, attempt.id, 0.25, now);
    expect(await own.addMissedQuestions(user.id, attempt.id)).toEqual({ ok: true, value: { added: 3, skipped: 0 } });
    expect(await own.addMissedQuestions(user.id, attempt.id)).toEqual({ ok: true, value: { added: 0, skipped: 3 } });
    const made = await own.list(user.id);
    expect(made.map((c) => c.front)).toEqual(
      questions.slice(1).map((q) => expect.stringContaining(q.prompt.slice(0, 30))),
    );
    expect(made.every((c) => c.source === "missed-question" && c.lessonSlug === lesson.slug)).toBe(true);
    // Someone else's attempt is not there for them.
    expect(await own.addMissedQuestions((await learner()).id, attempt.id)).toEqual({
      ok: false,
      error: "There is no such quiz attempt.",
    });
  });
});
