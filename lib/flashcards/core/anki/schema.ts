// Anki's collection file in its legacy schema 11: the tables an `.apkg` package's
// `collection.anki2` holds, which every Anki since 2.1 (desktop, AnkiDroid, AnkiMobile) imports.
// Written from ankitects/anki `rslib/src/storage/schema11.sql` (table and column list) and the
// AnkiDroid wiki's "Database Structure" page (what each column means); the JSON kept in `col` is
// described in ./collection.ts.

/** Anki's schema version for this layout (`col.ver`). */
export const ANKI_SCHEMA_VERSION = 11;

/** The DDL, with the indexes Anki itself creates (it rebuilds them on import anyway). */
export const ANKI_SCHEMA_11_SQL = `
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** Anki's field separator inside `notes.flds` (the ASCII unit separator). */
export const FIELD_SEPARATOR = "\x1f";

export interface AnkiColRow {
  id: 1;
  /** The collection's creation, in Unix seconds: review cards' `due` counts days from it. */
  crt: number;
  /** Last change, in milliseconds. */
  mod: number;
  /** Last schema change, in milliseconds. */
  scm: number;
  ver: typeof ANKI_SCHEMA_VERSION;
  dty: 0;
  usn: 0;
  ls: 0;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
  tags: string;
}

export interface AnkiNoteRow {
  id: number;
  /** Globally unique and stable: Anki updates the note with this guid on a later import. */
  guid: string;
  mid: number;
  mod: number;
  usn: number;
  /** Space-separated, with a space at each end, as Anki stores them. */
  tags: string;
  flds: string;
  /** The sort field without HTML. */
  sfld: string;
  /** The first 8 hex digits of the SHA-1 of the first field without HTML, as an integer (duplicate check). */
  csum: number;
  flags: 0;
  data: "";
}

export interface AnkiCardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  usn: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: 0 | 1 | 2 | 3;
  /** 0 new, 1 (intraday) learning, 2 review, -1 suspended (the card keeps its type and due). */
  queue: -1 | 0 | 1 | 2;
  /** New: position; learning: Unix seconds; review: days since `col.crt`. */
  due: number;
  /** The interval in days (review cards). */
  ivl: number;
  /** SM-2 ease in permille (2500 = 250%). */
  factor: number;
  reps: number;
  lapses: number;
  /** Learning steps left. */
  left: number;
  odue: 0;
  odid: 0;
  flags: 0;
  /** JSON: FSRS memory state (s, d), desired retention (dr), last review (lrt), as Anki ≥ 23.10 reads it. */
  data: string;
}

export interface AnkiRevlogRow {
  /** The review's time in milliseconds (Anki's revlog id is its timestamp). */
  id: number;
  cid: number;
  usn: number;
  /** The button: 1 again, 2 hard, 3 good, 4 easy. */
  ease: 1 | 2 | 3 | 4;
  /** The interval after the review: days when positive, seconds when negative. */
  ivl: number;
  lastIvl: number;
  /** Under FSRS, the difficulty after the review shifted into 100–1100. */
  factor: number;
  /** Milliseconds taken to answer: kubelearn does not measure it. */
  time: number;
  /** 0 learning, 1 review, 2 relearning. */
  type: 0 | 1 | 2;
}

export interface AnkiCollectionRows {
  col: AnkiColRow;
  notes: AnkiNoteRow[];
  cards: AnkiCardRow[];
  revlog: AnkiRevlogRow[];
}
