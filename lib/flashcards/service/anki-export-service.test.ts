import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readAnkiPackage } from "anki-reader";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { inlineHtml } from "../../interop/core/html";
import { noteGuid } from "../core/anki/ids";
import { lessonCards } from "../core/cards";
import { ownCardId } from "../core/own-cards";
import { newCardState } from "../core/scheduler";
import { type AnkiExportService, createAnkiExportService } from "./anki-export-service";
import { createFlashcardService, type FlashcardService, YOUR_DECK } from "./flashcard-service";

// The package is read back twice, by tools that share no code with the writer: anki-reader (sql.js
// and zip.js, from the registry) and plain SQLite on the extracted collection file.

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];
const DAY = 86_400_000;

type Row = Record<string, number | string>;

/** The zip's entries, and the collection opened with better-sqlite3 from a file of its own. */
function openPackage(body: Uint8Array) {
  const entries = unzipSync(body);
  const dir = mkdtempSync(path.join(tmpdir(), "apkg-test-"));
  const file = path.join(dir, "collection.anki2");
  writeFileSync(file, entries["collection.anki2"]);
  const db = new Database(file, { readonly: true });
  return {
    entries,
    all: (sql: string) => db.prepare(sql).all() as Row[],
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("a lesson's deck", () => {
  const service = createAnkiExportService({
    repos: undefined as never, // a lesson's deck reads no database
    library: () => library,
    now: () => new Date("2026-06-01T09:00:00Z"),
  });
  const file = service.lessonDeck(lesson.slug);
  if (!file.ok) throw new Error(file.error);
  const expected = lessonCards(lesson);

  it("is a zip of collection.anki2 and an empty media map, named after the lesson", () => {
    const pkg = openPackage(file.value.body);
    try {
      expect(Object.keys(pkg.entries).sort()).toEqual(["collection.anki2", "media"]);
      expect(strFromU8(pkg.entries.media)).toBe("{}");
      expect(file.value.filename).toBe(`kubelearn-${lesson.slug}.apkg`);
      expect(pkg.all("SELECT ver FROM col")).toEqual([{ ver: 11 }]);
      expect(pkg.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name)).toEqual([
        "cards",
        "col",
        "graves",
        "notes",
        "revlog",
      ]);
    } finally {
      pkg.close();
    }
  });

  it("reads back in plain SQLite: every card a note with its front and back, all new, no reviews", () => {
    const pkg = openPackage(file.value.body);
    try {
      const notes = pkg.all("SELECT id, flds, sfld FROM notes ORDER BY id");
      expect(notes).toHaveLength(expected.length);
      const fronts = notes.map((n) => String(n.flds).split("\x1f")[0]);
      expect(fronts.sort()).toEqual(expected.map((c) => inlineHtml(c.front)).sort());
      const cards = pkg.all("SELECT type, queue, due, ivl FROM cards ORDER BY due");
      expect(cards).toEqual(expected.map((_, i) => ({ type: 0, queue: 0, due: i + 1, ivl: 0 })));
      expect(pkg.all("SELECT count(*) AS n FROM revlog")).toEqual([{ n: 0 }]);
    } finally {
      pkg.close();
    }
  });

  it("reads back with anki-reader: one deck per lesson under kubelearn, with the cards' fields", async () => {
    const { collection } = await readAnkiPackage(new Blob([file.value.body]));
    const decks = Object.values(collection.getDecks());
    const lessonDeck = decks.find((d) => d.getName() === `kubelearn::${lesson.title}`)!;
    expect(lessonDeck).toBeDefined();
    const cards = Object.values(lessonDeck.getCards());
    expect(cards).toHaveLength(expected.length);
    const define = expected.find((c) => c.id === `${lesson.slug}:define:pod-ip`)!;
    const read = cards.find((c) => c.getFront() === inlineHtml(define.front))!;
    expect(read.getFields()).toEqual({
      Front: inlineHtml(define.front),
      Back: inlineHtml(define.back),
      Lesson: lesson.title,
    });
    expect(Object.values(collection.getModels()).map((m) => m.getName())).toEqual(["kubelearn card"]);
  });

  it("refuses a lesson that does not exist", () => {
    expect(service.lessonDeck("no-such-lesson")).toEqual({ ok: false, error: 'There is no lesson "no-such-lesson".' });
  });
});

describe.each(testDatabases)("a learner's deck on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  let clock = new Date("2026-05-01T08:00:00Z");
  let cards: FlashcardService;
  let exports: AnkiExportService;
  let userId: string;
  let other: string;
  beforeAll(async () => {
    const deps = { repos: ctx.repos, library: () => library, now: () => clock };
    cards = createFlashcardService(deps);
    exports = createAnkiExportService(deps);
    userId = (await ctx.repos.users.create({ email: uniqueEmail("anki"), name: "Anki", passwordHash: "h" })).id;
    other = (await ctx.repos.users.create({ email: uniqueEmail("anki-other"), name: "Other", passwordHash: "h" })).id;
  });
  afterAll(() => {
    clock = new Date("2026-05-01T08:00:00Z");
  });

  const rateAt = async (who: string, cardId: string, rating: "again" | "good", at: Date) => {
    clock = at;
    const version = (await ctx.repos.flashcards.state(who, cardId))?.version ?? 0;
    const rated = await cards.rate(who, { cardId, rating, expectedVersion: version });
    if (!rated.ok || !rated.value.applied) throw new Error(`could not rate ${cardId}`);
  };

  it("carries each card's FSRS state and one revlog row per rating not undone, and no one else's", async () => {
    const [a, b, c] = lessonCards(lesson).map((x) => x.id);
    const t0 = new Date("2026-05-01T08:00:00Z");
    await rateAt(userId, a, "good", t0);
    await rateAt(userId, a, "good", new Date(t0.getTime() + 10 * 60_000)); // Review
    await rateAt(userId, b, "good", new Date(t0.getTime() + DAY)); // Learning
    await rateAt(userId, c, "again", new Date(t0.getTime() + DAY + 1000));
    await cards.undo(userId); // c's rating is undone: c stays new, and its rating is not exported
    await rateAt(other, c, "good", t0); // another learner's rating never shows up

    clock = new Date(t0.getTime() + 3 * DAY);
    const file = await exports.learnerDeck(userId);
    expect(file.filename).toBe("kubelearn-flashcards-2026-05-04.apkg");
    expect(file.reviewCount).toBe(3);
    const states = await ctx.repos.flashcards.states(userId);
    const sa = states.get(a)!;
    expect(sa.state).toBe("Review");
    let aCardId = 0;
    const pkg = openPackage(file.body);
    try {
      const crt = Number(pkg.all("SELECT crt FROM col")[0].crt);
      expect(crt).toBe(Date.parse("2026-05-01T04:00:00Z") / 1000);
      const rows = new Map(
        pkg
          .all(
            "SELECT n.guid, n.flds, c.id, c.type, c.queue, c.due, c.ivl, c.reps FROM notes n JOIN cards c ON c.nid = n.id",
          )
          .map((r) => [r.guid, r]),
      );
      expect(rows.size).toBe(library.lessons.flatMap(lessonCards).length);
      const byCard = (cardId: string) => rows.get(noteGuid(cardId));
      const front = (id: string) => inlineHtml(lessonCards(lesson).find((x) => x.id === id)!.front);
      expect(String(byCard(a)!.flds).split("\x1f")[0]).toBe(front(a));
      aCardId = Number(byCard(a)!.id);
      expect(byCard(a)).toMatchObject({
        type: 2,
        queue: 2,
        due: Math.floor((sa.due.getTime() / 1000 - crt) / 86_400),
        ivl: sa.scheduledDays,
        reps: 2,
      });
      const sb = states.get(b)!;
      expect(byCard(b)).toMatchObject({ type: 1, queue: 1, due: Math.floor(sb.due.getTime() / 1000) });
      expect(byCard(c)).toMatchObject({ type: 0, queue: 0, reps: 0 });

      const revlog = pkg.all("SELECT id, cid, ease, ivl, lastIvl, type FROM revlog ORDER BY id");
      const aId = byCard(a)!.id;
      const bId = byCard(b)!.id;
      expect(revlog.map((r) => [r.id, r.cid, r.ease, r.type])).toEqual([
        [t0.getTime(), aId, 3, 0],
        [t0.getTime() + 10 * 60_000, aId, 3, 0],
        [t0.getTime() + DAY, bId, 3, 0],
      ]);
      expect(Number(revlog[0].ivl)).toBeLessThan(0); // 10 minutes, in seconds
      expect(revlog[1]).toMatchObject({ ivl: sa.scheduledDays, lastIvl: revlog[0].ivl });
    } finally {
      pkg.close();
    }

    // anki-reader sees the same scheduling through its own SQLite.
    const { collection } = await readAnkiPackage(new Blob([file.body]));
    const read = Object.values(collection.getDecks())
      .flatMap((d) => Object.values(d.getCards()))
      .find((x) => x.getId() === String(aCardId))!;
    expect(read.getRawCard()).toMatchObject({ type: 2, queue: 2, ivl: sa.scheduledDays });
    expect(collection.getCreationTime().toISOString()).toBe("2026-05-01T04:00:00.000Z");
  });

  it("counts Anki's days from 04:00 in the learner's own time zone, far from UTC", async () => {
    const zone = "Pacific/Auckland"; // NZST, UTC+12, in May
    const learner = (
      await ctx.repos.users.create({ email: uniqueEmail("anki-nz"), name: "Kiwi", passwordHash: "h", timeZone: zone })
    ).id;
    const [a] = lessonCards(lesson).map((x) => x.id);
    const first = new Date("2026-05-01T20:00:00Z"); // 08:00 on 2 May in Auckland, still 1 May in UTC
    await rateAt(learner, a, "good", first);
    // 17:00 on 2 May in Auckland, 2 May in UTC too: counted in UTC days from 04:00 UTC, its due day would be one later.
    await rateAt(learner, a, "good", new Date("2026-05-02T05:00:00Z"));
    clock = new Date("2026-05-04T13:00:00Z"); // 01:00 on 5 May in Auckland
    const file = await exports.learnerDeck(learner);
    expect(file.filename).toBe("kubelearn-flashcards-2026-05-05.apkg");
    const sa = (await ctx.repos.flashcards.state(learner, a))!;
    expect(sa.state).toBe("Review");
    expect(sa.due.getUTCHours()).toBe(5);
    // The learner's calendar day of the due time, the day before until 04:00: where Anki's day N begins.
    const localDay = (instant: Date) => {
      const shifted = new Date(instant.getTime() - 4 * 3_600_000);
      return new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(shifted);
    };
    const expectedDue = Math.round((Date.parse(localDay(sa.due)) - Date.parse("2026-05-02")) / DAY);
    const pkg = openPackage(file.body);
    try {
      const col = pkg.all("SELECT crt, conf FROM col")[0];
      expect(Number(col.crt)).toBe(Date.parse("2026-05-01T16:00:00Z") / 1000); // 04:00 NZST on 2 May
      expect(JSON.parse(String(col.conf))).toMatchObject({ rollover: 4, creationOffset: -720, localOffset: -720 });
      const row = pkg.all(
        `SELECT c.type, c.due FROM cards c JOIN notes n ON c.nid = n.id WHERE n.guid = '${noteGuid(a)}'`,
      );
      expect(row).toEqual([{ type: 2, due: expectedDue }]);
    } finally {
      pkg.close();
    }
    const { collection } = await readAnkiPackage(new Blob([file.body]));
    expect(collection.getCreationTime().toISOString()).toBe("2026-05-01T16:00:00.000Z");
    const read = Object.values(collection.getDecks())
      .flatMap((d) => Object.values(d.getCards()))
      .find((x) => x.getRawCard().type === 2)!;
    expect(read.getRawCard()).toMatchObject({ type: 2, queue: 2, due: expectedDue });
  });

  it("gives every note the same guid in a later export, so a re-import updates rather than duplicates", async () => {
    const guids = async () => {
      const pkg = openPackage((await exports.learnerDeck(userId)).body);
      try {
        return pkg.all("SELECT guid, id FROM notes ORDER BY guid");
      } finally {
        pkg.close();
      }
    };
    clock = new Date("2026-05-05T10:00:00Z");
    const first = await guids();
    clock = new Date("2026-07-01T10:00:00Z");
    const second = await guids();
    expect(second).toEqual(first);
    expect(new Set(first.map((r) => r.guid)).size).toBe(first.length);
    // The lesson's own deck names its notes the same way.
    const lessonFile = exports.lessonDeck(lesson.slug);
    if (!lessonFile.ok) throw new Error(lessonFile.error);
    const pkg = openPackage(lessonFile.value.body);
    try {
      const lessonGuids = pkg.all("SELECT guid FROM notes").map((r) => r.guid);
      expect(first.map((r) => r.guid)).toEqual(expect.arrayContaining(lessonGuids));
    } finally {
      pkg.close();
    }
  });

  it("carries the learner's own cards, with their scheduling, in their lesson's deck or one of their own", async () => {
    const learner = (await ctx.repos.users.create({ email: uniqueEmail("anki-own"), name: "Own", passwordHash: "h" }))
      .id;
    const added = await ctx.repos.ownCards.add(
      learner,
      [
        { front: "Mine, filed", back: "Under the lesson", lessonSlug: lesson.slug, source: "typed", sourceRef: null },
        { front: "Mine, loose", back: "In my own deck", lessonSlug: null, source: "import", sourceRef: null },
      ],
      clock,
    );
    if (added.kind !== "added") throw new Error(added.kind);
    const [filed, loose] = added.added.map((c) => ownCardId(c.id));
    await rateAt(learner, loose, "good", new Date("2026-05-02T08:00:00Z"));
    clock = new Date("2026-05-03T08:00:00Z");
    const file = await exports.learnerDeck(learner);
    expect(file.cardCount).toBe(library.lessons.flatMap(lessonCards).length + 2);
    expect(file.reviewCount).toBe(1);
    const pkg = openPackage(file.body);
    try {
      const notes = new Map(pkg.all("SELECT guid, flds FROM notes").map((r) => [r.guid, String(r.flds).split("\x1f")]));
      expect(notes.get(noteGuid(filed))?.slice(0, 2)).toEqual(["Mine, filed", "Under the lesson"]);
      expect(notes.get(noteGuid(loose))?.slice(0, 2)).toEqual(["Mine, loose", "In my own deck"]);
    } finally {
      pkg.close();
    }
    // anki-reader finds each in its deck: the loose one in a deck of the learner's own.
    const { collection } = await readAnkiPackage(new Blob([file.body]));
    const deckOf = (front: string) =>
      Object.values(collection.getDecks()).find((d) =>
        Object.values(d.getCards()).some((c) => c.getRawFields().startsWith(front)),
      );
    expect(deckOf("Mine, loose")?.getName()).toContain(YOUR_DECK);
    expect(deckOf("Mine, filed")?.getName()).toContain(lesson.title);
  });

  it("exports the learner's edited wording of a lesson card, and suspended cards in Anki's suspended queue", async () => {
    const learner = (await ctx.repos.users.create({ email: uniqueEmail("anki-susp"), name: "Susp", passwordHash: "h" }))
      .id;
    const [a, b, c] = lessonCards(lesson).map((x) => x.id);
    await rateAt(learner, a, "good", new Date("2026-05-02T08:00:00Z"));
    await rateAt(learner, a, "good", new Date("2026-05-02T08:10:00Z")); // Review
    await ctx.repos.flashcards.setSuspended(learner, { cardId: a, lessonSlug: lesson.slug }, true, newCardState(clock));
    await ctx.repos.flashcards.setSuspended(learner, { cardId: b, lessonSlug: lesson.slug }, true, newCardState(clock));
    await ctx.repos.cardOverrides.save(learner, c, { front: "My `front` & words", back: "My back" });
    await ctx.repos.cardOverrides.save(other, a, { front: "Someone else's", back: "Not mine" });
    clock = new Date("2026-05-03T08:00:00Z");
    const file = await exports.learnerDeck(learner);
    const sa = (await ctx.repos.flashcards.state(learner, a))!;
    let ids = { a: "", b: "", c: "" };
    const pkg = openPackage(file.body);
    try {
      const rows = new Map(
        pkg
          .all("SELECT n.guid, n.flds, c.id, c.type, c.queue, c.due, c.ivl FROM notes n JOIN cards c ON c.nid = n.id")
          .map((r) => [r.guid, r]),
      );
      const row = (id: string) => rows.get(noteGuid(id))!;
      const crt = Number(pkg.all("SELECT crt FROM col")[0].crt);
      // Suspended: queue -1, keeping the type and due it had (a review card; a new one).
      expect(row(a)).toMatchObject({ type: 2, queue: -1, ivl: sa.scheduledDays });
      expect(row(a).due).toBe(Math.floor((sa.due.getTime() / 1000 - crt) / 86_400));
      expect(row(b)).toMatchObject({ type: 0, queue: -1 });
      expect(String(row(c).flds).split("\x1f").slice(0, 2)).toEqual([inlineHtml("My `front` & words"), "My back"]);
      expect(row(c).queue).toBe(0);
      // Another learner's copy is not this learner's text.
      const original = inlineHtml(lessonCards(lesson)[0].front);
      expect(String(row(a).flds).split("\x1f")[0]).toBe(original);
      ids = { a: String(row(a).id), b: String(row(b).id), c: String(row(c).id) };
    } finally {
      pkg.close();
    }
    // anki-reader reads the same.
    const { collection } = await readAnkiPackage(new Blob([file.body]));
    const all = Object.values(collection.getDecks()).flatMap((d) => Object.values(d.getCards()));
    const read = (id: string) => all.find((x) => x.getId() === id)!;
    expect(read(ids.a).getRawCard()).toMatchObject({ type: 2, queue: -1 });
    expect(read(ids.b).getRawCard()).toMatchObject({ type: 0, queue: -1 });
    expect(read(ids.c).getRawFields().startsWith(inlineHtml("My `front` & words"))).toBe(true);
  });
});
