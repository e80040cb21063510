import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Flashcard } from "../cards";
import { type CardState, newCardState, rate } from "../scheduler";
import { ankiCollection, NOTE_TYPE_ID, PRESET_ID } from "./collection";
import { ankiId, fieldChecksum, noteGuid, stripHtml } from "./ids";
import { ankiDayCount, revlogFactor } from "./scheduling";

const DAY = 86_400_000;
const card = (id: string, front: string, back: string): Flashcard => ({
  id: `demo:${id}`,
  lessonSlug: "demo",
  sectionId: "s",
  front,
  back,
  concepts: [],
  source: "generated",
});
const cards = [
  card("a", "What is a `ClusterIP`?", "A virtual IP <stable> & routed by kube-proxy"),
  card("b", "Which port?", "targetPort"),
  card("c", "Fill the gap: ____", "Pod"),
  card("d", "Never seen", "new"),
].map((c) => ({ card: c, lessonTitle: "Demo lesson" }));

describe("Anki ids, guids and checksums", () => {
  it("are stable per card id and never later than today, so Anki keeps them", () => {
    expect(noteGuid("demo:a")).toBe(noteGuid("demo:a"));
    expect(noteGuid("demo:a")).not.toBe(noteGuid("demo:b"));
    expect(noteGuid("demo:a")).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const id = ankiId("kubelearn-note", "demo:a");
    expect(Number.isSafeInteger(id)).toBe(true);
    expect(id).toBeGreaterThanOrEqual(1e12);
    expect(id).toBeLessThan(new Date("2019-01-01").getTime());
  });

  it("checksums the first field as Anki does: the first 8 hex digits of its SHA-1 without HTML", () => {
    const text = 'What is a ClusterIP & "why"?';
    expect(stripHtml("What is a <code>ClusterIP</code> &amp; &quot;why&quot;?")).toBe(text);
    expect(fieldChecksum(text)).toBe(Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16));
  });
});

describe("a lesson's deck", () => {
  const now = new Date("2026-06-01T09:30:00Z");
  const rows = ankiCollection({ cards, now, timeZone: "UTC" });

  it("has one note per card, fields as escaped HTML separated by \\x1f, in a kubelearn subdeck", () => {
    expect(rows.notes).toHaveLength(4);
    const [a] = rows.notes;
    expect(a.flds.split("\x1f")).toEqual([
      "What is a <code>ClusterIP</code>?",
      "A virtual IP &lt;stable&gt; &amp; routed by kube-proxy",
      "Demo lesson",
    ]);
    expect(a).toMatchObject({ mid: NOTE_TYPE_ID, sfld: "What is a ClusterIP?", guid: noteGuid("demo:a") });
    expect(a.tags).toBe(" kubelearn demo ");
    const decks = JSON.parse(rows.col.decks) as Record<string, { name: string }>;
    expect(Object.values(decks).map((d) => d.name)).toEqual(
      expect.arrayContaining(["Default", "kubelearn", "kubelearn::Demo lesson"]),
    );
    expect(decks[rows.cards[0].did].name).toBe("kubelearn::Demo lesson");
  });

  it("holds only new cards, due in the lesson's order, and no review log", () => {
    expect(rows.cards.map((c) => [c.type, c.queue, c.due, c.ivl])).toEqual([
      [0, 0, 1, 0],
      [0, 0, 2, 0],
      [0, 0, 3, 0],
      [0, 0, 4, 0],
    ]);
    expect(rows.revlog).toEqual([]);
  });

  it("keeps its settings in schema 11's JSON: version 11, the v2 scheduler, one note type with three fields", () => {
    expect(rows.col.ver).toBe(11);
    expect(JSON.parse(rows.col.conf)).toMatchObject({
      schedVer: 2,
      rollover: 4,
      creationOffset: 0,
      localOffset: 0,
      nextPos: 5,
    });
    const models = JSON.parse(rows.col.models);
    expect(models[NOTE_TYPE_ID].flds.map((f: { name: string }) => f.name)).toEqual(["Front", "Back", "Lesson"]);
    expect(models[NOTE_TYPE_ID].tmpls[0].qfmt).toBe("{{Front}}");
  });
});

describe("a learner's deck", () => {
  const t0 = new Date("2026-05-01T08:00:00Z");
  const at = (days: number) => new Date(t0.getTime() + days * DAY);
  // a: good, good (Review); b: good (Learning); c: good, good, then again days later (Relearning).
  const history: { cardId: string; rating: "again" | "good"; at: Date }[] = [
    { cardId: "demo:a", rating: "good", at: at(0) },
    { cardId: "demo:c", rating: "good", at: at(0) },
    { cardId: "demo:a", rating: "good", at: new Date(at(0).getTime() + 10 * 60_000) },
    { cardId: "demo:c", rating: "good", at: new Date(at(0).getTime() + 10 * 60_000) },
    { cardId: "demo:b", rating: "good", at: at(1) },
    { cardId: "demo:c", rating: "again", at: at(5) },
  ];
  const states = new Map<string, CardState>();
  const reviews = history.map((h) => {
    const before = states.get(h.cardId) ?? newCardState(h.at);
    const after = rate(before, h.rating, h.at);
    states.set(h.cardId, after);
    return {
      cardId: h.cardId,
      rating: h.rating,
      stateBefore: before.state,
      stateAfter: after.state,
      review: h.at,
      dueAfter: after.due,
      difficulty: after.difficulty,
    };
  });
  const now = at(6);
  const rows = ankiCollection({
    cards,
    now,
    timeZone: "UTC",
    scheduling: { states, reviews, desiredRetention: 0.85, dailyNewLimit: 15 },
  });
  const byCard = (id: string) => rows.cards[cards.findIndex((c) => c.card.id === id)];

  it("counts review days from a collection created at 04:00 UTC on the day of the first review", () => {
    expect(rows.col.crt).toBe(Date.parse("2026-05-01T04:00:00Z") / 1000);
    expect(ankiDayCount(new Date("2026-05-01T03:59:00Z"), "UTC").crt).toBe(Date.parse("2026-04-30T04:00:00Z") / 1000);
  });

  it("makes a Review card type 2 in queue 2, due in days since the collection's creation, with FSRS's interval", () => {
    const a = states.get("demo:a")!;
    expect(a.state).toBe("Review");
    expect(byCard("demo:a")).toMatchObject({
      type: 2,
      queue: 2,
      due: Math.floor((a.due.getTime() / 1000 - rows.col.crt) / 86_400),
      ivl: a.scheduledDays,
      reps: 2,
      lapses: 0,
      factor: 2500,
    });
    expect(JSON.parse(byCard("demo:a").data)).toEqual({
      s: expect.closeTo(a.stability, 3),
      d: expect.closeTo(a.difficulty, 3),
      dr: 0.85,
      lrt: Math.floor(a.lastReview!.getTime() / 1000),
    });
  });

  it("makes a Learning card type 1 due at a Unix time, a Relearning card type 3, and an unseen card new", () => {
    const b = states.get("demo:b")!;
    expect(b.state).toBe("Learning");
    expect(byCard("demo:b")).toMatchObject({ type: 1, queue: 1, due: Math.floor(b.due.getTime() / 1000), ivl: 0 });
    const c = states.get("demo:c")!;
    expect(c.state).toBe("Relearning");
    expect(byCard("demo:c")).toMatchObject({ type: 3, queue: 1, due: Math.floor(c.due.getTime() / 1000), lapses: 1 });
    expect(byCard("demo:d")).toMatchObject({ type: 0, queue: 0, due: 4, data: "{}" });
  });

  it("logs one revlog row per rating: time as id, button, interval (seconds negative, days positive), kind", () => {
    expect(rows.revlog).toHaveLength(6);
    const cid = byCard("demo:c").id;
    const ofC = rows.revlog.filter((r) => r.cid === cid);
    expect(ofC.map((r) => [r.ease, r.type])).toEqual([
      [3, 0],
      [3, 0],
      [1, 1],
    ]);
    expect(ofC[0].id).toBe(at(0).getTime() + 1); // a's first rating took the same millisecond
    expect(ofC[0].ivl).toBeLessThan(0);
    expect(ofC[1].ivl).toBeGreaterThan(0);
    expect(ofC[1].lastIvl).toBe(ofC[0].ivl);
    expect(ofC[2].lastIvl).toBe(ofC[1].ivl);
    expect(ofC[2].factor).toBe(revlogFactor(states.get("demo:c")!.difficulty));
    expect(new Set(rows.revlog.map((r) => r.id)).size).toBe(6);
  });

  it("keeps the learner's retention and daily new limit in kubelearn's own deck options preset", () => {
    const presets = JSON.parse(rows.col.dconf);
    expect(presets[PRESET_ID]).toMatchObject({ name: "kubelearn", desiredRetention: 0.85, new: { perDay: 15 } });
    expect(presets["1"]).toMatchObject({ name: "Default", desiredRetention: 0.9, new: { perDay: 20 } });
    const decks = Object.values(JSON.parse(rows.col.decks)) as { name: string; conf: number }[];
    expect(decks.map((d) => [d.name, d.conf])).toEqual(
      expect.arrayContaining([
        ["Default", 1],
        ["kubelearn", PRESET_ID],
        ["kubelearn::Demo lesson", PRESET_ID],
      ]),
    );
  });
});
