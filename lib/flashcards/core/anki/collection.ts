import { escapeHtml, inlineHtml } from "../../../interop/core/html";
import type { Flashcard } from "../cards";
import type { CardState } from "../scheduler";
import { ankiId, fieldChecksum, idAllocator, noteGuid, stripHtml } from "./ids";
import {
  ANKI_ROLLOVER_HOUR,
  type AnkiDayCount,
  ankiDayCount,
  cardScheduling,
  minutesWest,
  newCardScheduling,
  type ReviewForAnki,
  revlogRows,
} from "./scheduling";
import {
  ANKI_SCHEMA_VERSION,
  type AnkiCardRow,
  type AnkiCollectionRows,
  type AnkiNoteRow,
  FIELD_SEPARATOR,
} from "./schema";

// A deck of kubelearn flashcards as the rows of an Anki schema-11 collection. The JSON in `col`
// (note type, decks, deck options, settings) follows the schema-11 shapes Anki reads back in
// ankitects/anki rslib/src/notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs and
// config/schema11.rs: every key those structs require is present.

/** The root deck; each lesson is a subdeck ("kubelearn::ClusterIP vs Pod IP"). */
export const ROOT_DECK = "kubelearn";
/** One note type for every card, with a fixed id so that re-imports find it again. */
export const NOTE_TYPE_ID = 1_600_000_000_000;
export const NOTE_TYPE_NAME = "kubelearn card";
export const NOTE_FIELDS = ["Front", "Back", "Lesson"] as const;
/**
 * kubelearn's decks use their own options preset (the learner's retention and new-card limit). Anki
 * imports it only with "Import any deck presets" ticked, and never over an existing preset of the
 * same id, so it must not be 1 (everyone's "Default"); without it the decks fall back to Default.
 */
export const PRESET_ID = ankiId("kubelearn-preset", ROOT_DECK);

export interface DeckCard {
  card: Flashcard;
  lessonTitle: string;
}

export interface LearnerScheduling {
  /** A suspended card is exported in Anki's suspended queue, keeping its type, due and memory state. */
  states: ReadonlyMap<string, CardState & { suspended?: boolean }>;
  /** Ratings not undone. */
  reviews: readonly ReviewForAnki[];
  desiredRetention: number;
  dailyNewLimit: number;
}

export interface AnkiDeckInput {
  cards: readonly DeckCard[];
  now: Date;
  /**
   * The learner's IANA time zone: Anki's days start at 04:00 there, so a card due on a day of theirs
   * is due on that day in Anki (on a computer set to the same zone).
   */
  timeZone: string;
  /** The learner's FSRS states and review log; without it every card is new. */
  scheduling?: LearnerScheduling;
}

const CARD_CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; color: #0f172a; background-color: white; }
code { font-family: ui-monospace, monospace; background: #f1f5f9; padding: 0 0.2em; border-radius: 3px; }
.lesson { margin-top: 1.5em; font-size: 14px; color: #475569; }`;

const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20 });

function noteType(nowSec: number, deckId: number) {
  return {
    id: NOTE_TYPE_ID,
    name: NOTE_TYPE_NAME,
    type: 0,
    mod: nowSec,
    usn: 0,
    sortf: 0,
    did: deckId,
    tmpls: [
      {
        name: "Card 1",
        ord: 0,
        qfmt: "{{Front}}",
        afmt: '{{FrontSide}}\n\n<hr id="answer">\n\n{{Back}}\n\n<p class="lesson">{{Lesson}}</p>',
        bqfmt: "",
        bafmt: "",
        did: null,
        bfont: "",
        bsize: 0,
      },
    ],
    flds: NOTE_FIELDS.map(field),
    css: CARD_CSS,
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, nowSec: number, conf = PRESET_ID) {
  return {
    id,
    mod: nowSec,
    name,
    usn: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf,
    extendNew: 0,
    extendRev: 0,
  };
}

function deckOptions(id: number, name: string, scheduling: LearnerScheduling | undefined) {
  return {
    id,
    mod: 0,
    name,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      bury: false,
      delays: [1, 10],
      initialFactor: 2500,
      ints: [1, 4, 0],
      order: 1,
      perDay: scheduling?.dailyNewLimit ?? 20,
    },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    desiredRetention: scheduling?.desiredRetention ?? 0.9,
  };
}

/** A lesson title as a deck name: "::" would nest it one level further. */
const deckName = (lessonTitle: string) => `${ROOT_DECK}::${lessonTitle.replace(/::/g, ":")}`;

/** `col.conf`: Anki's schema-11 collection settings (rslib/src/config/schema11.rs). */
function collectionSettings(cardCount: number, days: AnkiDayCount, localOffset: number) {
  return {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: String(NOTE_TYPE_ID),
    nextPos: cardCount + 1,
    sortType: "noteFld",
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    // The v2 scheduler with the 2021 (v3) answering code: without schedVer 2 Anki would first
    // "upgrade" the cards as if they came from its v1 scheduler. Days are counted from crt's date at
    // creationOffset, rolling over at `rollover` o'clock local time (see AnkiDayCount). localOffset is
    // the zone's offset now; Anki's desktop replaces it with the computer's own when it opens the
    // collection (rslib/src/scheduler/mod.rs `local_utc_offset_for_user`), a sync server keeps it.
    schedVer: 2,
    sched2021: true,
    rollover: ANKI_ROLLOVER_HOUR,
    creationOffset: days.creationOffset,
    localOffset,
  };
}

/**
 * One card of the learner's as Anki's columns. Suspended, it goes in queue -1, which Anki's
 * scheduler never draws from (ankitects/anki rslib/src/card: `CardQueue::Suspended = -1`); its type and due
 * stay, so unsuspending it in Anki puts it back where it was.
 */
function learnerCard(scheduling: LearnerScheduling, cardId: string, position: number, days: AnkiDayCount) {
  const state = scheduling.states.get(cardId) ?? null;
  const columns = cardScheduling(state, position, days, scheduling.desiredRetention);
  return state?.suspended ? { ...columns, queue: -1 as const } : columns;
}

/** The notes, cards, review log and settings of a deck of flashcards, in the order given. */
export function ankiCollection(input: AnkiDeckInput): AnkiCollectionRows {
  const { now, scheduling } = input;
  const nowSec = Math.floor(now.getTime() / 1000);
  const firstReview = scheduling?.reviews.reduce((min, r) => Math.min(min, r.review.getTime()), now.getTime());
  // Created on the learner's day of their first rating, so no review day number is negative.
  const days = ankiDayCount(new Date(firstReview ?? now.getTime()), input.timeZone);

  const deckIdOf = idAllocator("kubelearn-deck");
  const rootDeckId = deckIdOf(ROOT_DECK);
  const decks: Record<string, ReturnType<typeof deck>> = {
    "1": deck(1, "Default", nowSec, 1),
    [rootDeckId]: deck(rootDeckId, ROOT_DECK, nowSec),
  };
  const lessonDecks = new Map<string, number>();
  const noteIdOf = idAllocator("kubelearn-note");
  const cardIdOf = idAllocator("kubelearn-card");
  const ankiCardIds = new Map<string, number>();
  const notes: AnkiNoteRow[] = [];
  const cards: AnkiCardRow[] = [];

  input.cards.forEach(({ card, lessonTitle }, i) => {
    const name = deckName(lessonTitle);
    let did = lessonDecks.get(name);
    if (did === undefined) {
      did = deckIdOf(name);
      lessonDecks.set(name, did);
      decks[did] = deck(did, name, nowSec);
    }
    const fields = [inlineHtml(card.front), inlineHtml(card.back), escapeHtml(lessonTitle)];
    const sortField = stripHtml(fields[0]);
    const nid = noteIdOf(card.id);
    notes.push({
      id: nid,
      guid: noteGuid(card.id),
      mid: NOTE_TYPE_ID,
      mod: nowSec,
      usn: 0,
      tags: ` ${ROOT_DECK} ${card.lessonSlug} `,
      flds: fields.join(FIELD_SEPARATOR),
      sfld: sortField,
      csum: fieldChecksum(sortField),
      flags: 0,
      data: "",
    });
    const id = cardIdOf(card.id);
    ankiCardIds.set(card.id, id);
    const position = i + 1;
    cards.push({
      id,
      nid,
      did,
      ord: 0,
      mod: nowSec,
      usn: 0,
      ...(scheduling ? learnerCard(scheduling, card.id, position, days) : newCardScheduling(position)),
      odue: 0,
      odid: 0,
      flags: 0,
    });
  });

  return {
    col: {
      id: 1,
      crt: days.crt,
      mod: now.getTime(),
      scm: now.getTime(),
      ver: ANKI_SCHEMA_VERSION,
      dty: 0,
      usn: 0,
      ls: 0,
      conf: JSON.stringify(collectionSettings(input.cards.length, days, minutesWest(now, input.timeZone))),
      models: JSON.stringify({ [NOTE_TYPE_ID]: noteType(nowSec, rootDeckId) }),
      decks: JSON.stringify(decks),
      dconf: JSON.stringify({
        "1": deckOptions(1, "Default", undefined),
        [PRESET_ID]: deckOptions(PRESET_ID, ROOT_DECK, scheduling),
      }),
      tags: "{}",
    },
    notes,
    cards,
    revlog: scheduling ? revlogRows(scheduling.reviews, (cardId) => ankiCardIds.get(cardId)) : [],
  };
}
