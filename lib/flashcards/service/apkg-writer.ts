import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { ANKI_SCHEMA_11_SQL, type AnkiCollectionRows } from "../core/anki/schema";

// An Anki package (.apkg) is a zip of the collection (`collection.anki2`, an SQLite file in schema
// 11: Anki's "legacy 1" package, which it imports without a `meta` entry) and `media`, a JSON map of
// the package's media files (none here: `{}`). The SQLite file is written with better-sqlite3 to a
// private temporary folder and removed once read.

/** The file's name inside the package, which Anki's importer looks for. */
export const COLLECTION_ENTRY = "collection.anki2";

function insertAll(db: Database.Database, table: string, rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  for (const row of rows) insert.run(row);
}

/** The collection as the bytes of an SQLite file. */
export function collectionFile(rows: AnkiCollectionRows): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "kubelearn-apkg-"));
  try {
    const file = path.join(dir, COLLECTION_ENTRY);
    const db = new Database(file);
    try {
      db.exec(ANKI_SCHEMA_11_SQL);
      db.transaction(() => {
        insertAll(db, "col", [rows.col]);
        insertAll(db, "notes", rows.notes);
        insertAll(db, "cards", rows.cards);
        insertAll(db, "revlog", rows.revlog);
      })();
    } finally {
      db.close();
    }
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The .apkg package's bytes; the zip entries are dated `now`, so one collection always zips the same. */
export function apkgPackage(rows: AnkiCollectionRows, now: Date): Uint8Array<ArrayBuffer> {
  // fflate allocates plain ArrayBuffers; its types say ArrayBufferLike, which Response and Blob refuse.
  return zipSync(
    { [COLLECTION_ENTRY]: collectionFile(rows), media: strToU8("{}") },
    { mtime: now },
  ) as Uint8Array<ArrayBuffer>;
}
