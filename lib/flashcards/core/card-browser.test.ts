import { describe, expect, it } from "vitest";
import {
  type BrowsedState,
  type BrowseEntry,
  type BrowseFilter,
  browseCards,
  customStudyCards,
  isForgotten,
} from "./card-browser";
import type { Flashcard } from "./cards";
import { newCardState, rate } from "./scheduler";
import { buildQueue } from "./session";

const t0 = new Date("2026-05-01T08:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * DAY);

const card = (id: string, lessonSlug: string, front: string, back = "back"): Flashcard => ({
  id,
  lessonSlug,
  sectionId: "",
  front,
  back,
  concepts: [],
  source: "generated",
});
const entry = (c: Flashcard, state: BrowsedState | null = null, lastRating?: BrowseEntry["lastRating"]) => ({
  card: c,
  lessonTitle: c.lessonSlug,
  edited: false,
  state,
  lastRating,
});
const stored = (s: ReturnType<typeof newCardState>, suspended = false): BrowsedState => ({ ...s, suspended });
/** A card rated Good until it is in Review, then (optionally) lapsed with Again. */
function reviewed(lapse: boolean) {
  let s = rate(newCardState(t0), "good", t0);
  s = rate(s, "good", s.due);
  s = rate(s, "good", s.due);
  if (lapse) s = rate(s, "again", s.due);
  return s;
}

describe("forgotten cards", () => {
  it("are cards that lapsed at least once, or whose latest rating was Again; never-rated cards are not", () => {
    expect(isForgotten(null, undefined)).toBe(false);
    const lapsed = reviewed(true);
    expect(lapsed.lapses).toBe(1);
    expect(isForgotten(lapsed, "again")).toBe(true);
    // Lapsed long ago and relearnt since: still forgotten (the lapse count stays).
    expect(isForgotten(rate(lapsed, "good", lapsed.due), "good")).toBe(true);
    // A new card failed at its first showing has no lapse, but its latest rating is Again.
    const failedNew = rate(newCardState(t0), "again", t0);
    expect(failedNew.lapses).toBe(0);
    expect(isForgotten(failedNew, "again")).toBe(true);
    expect(isForgotten(reviewed(false), "good")).toBe(false);
  });
});

describe("browsing cards", () => {
  const a = card("l1:a", "l1", "What is a Pod IP?", "An address per pod");
  const b = card("l1:b", "l1", "ClusterIP: scope?", "Cluster-wide");
  const c = card("own~x", "", "My own card", "kube-proxy programs rules");
  const d = card("l2:d", "l2", "NodePort range?", "30000-32767");
  const entries = [
    entry(c),
    entry(a, stored(reviewed(false))),
    entry(b, stored(reviewed(true)), "again"),
    entry(d, stored(newCardState(t0), true)),
  ];
  const all: BrowseFilter = { query: "", lesson: null, state: null, page: 1 };

  it("finds words in the front or the back, whatever their case", () => {
    expect(browseCards(entries, { ...all, query: "pod ip" }).cards.map((x) => x.card.id)).toEqual(["l1:a"]);
    expect(browseCards(entries, { ...all, query: "KUBE-PROXY" }).cards.map((x) => x.card.id)).toEqual(["own~x"]);
    const none = browseCards(entries, { ...all, query: "no such words" });
    expect(none).toMatchObject({ matched: 0, total: 4, page: 1, pages: 1, cards: [] });
  });

  it("filters by lesson (the own deck is the empty slug) and by state", () => {
    const ids = (f: Partial<BrowseFilter>) => browseCards(entries, { ...all, ...f }).cards.map((x) => x.card.id);
    expect(ids({ lesson: "l1" })).toEqual(["l1:a", "l1:b"]);
    expect(ids({ lesson: "" })).toEqual(["own~x"]);
    // New by FSRS state, suspended ones included; never-rated cards are new.
    expect(ids({ state: "new" })).toEqual(["own~x", "l2:d"]);
    expect(ids({ state: "suspended" })).toEqual(["l2:d"]);
    expect(ids({ state: "forgotten" })).toEqual(["l1:b"]);
    expect(ids({ state: "review" })).toEqual(["l1:a"]);
    expect(ids({ state: "relearning" })).toEqual(["l1:b"]);
    expect(ids({ state: "learning" })).toEqual([]);
    expect(ids({ lesson: "l1", state: "forgotten", query: "scope" })).toEqual(["l1:b"]);
  });

  it("shows a due date only for cards already rated", () => {
    const page = browseCards(entries, all);
    expect(page.cards.find((x) => x.card.id === "own~x")?.due).toBeNull();
    expect(page.cards.find((x) => x.card.id === "l2:d")).toMatchObject({ due: null, suspended: true });
    expect(page.cards.find((x) => x.card.id === "l1:a")?.due).toBeInstanceOf(Date);
  });

  it("pages through many cards, a page past the last showing the last", () => {
    const many = Array.from({ length: 120 }, (_, i) => entry(card(`l1:${i}`, "l1", `card ${i}`)));
    const second = browseCards(many, { ...all, page: 2 });
    expect(second).toMatchObject({ matched: 120, page: 2, pages: 3 });
    expect(second.cards[0].card.id).toBe("l1:50");
    expect(browseCards(many, { ...all, page: 99 })).toMatchObject({ page: 3 });
    expect(browseCards(many, { ...all, page: 99 }).cards).toHaveLength(20);
  });
});

describe("custom study", () => {
  const early = stored(reviewed(false));
  const lapsed = stored(reviewed(true));
  const entries = [
    entry(card("l1:new", "l1", "new")),
    entry(card("l1:late", "l1", "not due for weeks"), early),
    entry(card("l1:forgot", "l1", "forgotten"), lapsed, "again"),
    entry(card("l1:off", "l1", "suspended"), { ...lapsed, suspended: true }, "again"),
  ];
  it("holds a lesson's studied cards, due or not, soonest first, never new or suspended ones", () => {
    // The lapsed card was failed on the day the other came due, so it is due a few minutes after it.
    expect(early.due.getTime()).toBeLessThan(lapsed.due.getTime());
    expect(customStudyCards(entries, "lesson").map((e) => e.card.id)).toEqual(["l1:late", "l1:forgot"]);
  });
  it("or only the forgotten ones", () => {
    expect(customStudyCards(entries, "forgotten").map((e) => e.card.id)).toEqual(["l1:forgot"]);
  });
  it("stops at the cap", () => {
    expect(customStudyCards(entries, "lesson", 1)).toHaveLength(1);
  });
  it("rating a card early gives it less stability than rating it on its due day (FSRS reads the real gap)", () => {
    const onTime = rate(early, "good", early.due);
    const ahead = rate(early, "good", at(0.5 + (early.lastReview!.getTime() - t0.getTime()) / DAY));
    expect(ahead.stability).toBeLessThan(onTime.stability);
    expect(ahead.reps).toBe(early.reps + 1);
  });
});

describe("the review queue and suspended cards", () => {
  it("leaves a suspended card out: not due, not new, not the next due", () => {
    const due = card("l1:due", "l1", "due");
    const fresh = card("l1:new", "l1", "new");
    const state = reviewed(false);
    const states = new Map([
      [due.id, { ...state, suspended: true }],
      [fresh.id, { ...newCardState(t0), suspended: true }],
    ]);
    const q = buildQueue([due, fresh], states, at(400), 20, "UTC");
    expect(q).toMatchObject({ entries: [], dueCount: 0, newCount: 0, nextDue: null });
    // Unsuspended, the same state is due again, and the new one is new.
    const back = buildQueue([due, fresh], new Map([[due.id, state]]), at(400), 20, "UTC");
    expect(back).toMatchObject({ dueCount: 1, newCount: 1 });
  });
});
