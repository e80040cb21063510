import { CsvError, parse } from "csv-parse/sync";
import { OWN_CARD_LIMITS } from "./own-cards";

// Reading a deck a learner brings: a CSV file or an Anki text export, one card per line, front then
// back. Anki's "Notes in Plain Text" export (Anki 2.1.55 and later) starts with header lines such as
// `#separator:tab`, `#html:true` and `#guid column:1` (Anki manual, "Importing › Text files › File
// headers"); a separator named there wins, else the first line's tab, semicolon or comma decides.
// Fields follow CSV quoting (a quoted field may hold the separator and line breaks). HTML from Anki
// becomes plain text: cards are shown as text, never as markup.

export interface ImportedCard {
  front: string;
  back: string;
}

export type DeckParse = { ok: true; cards: ImportedCard[] } | { ok: false; problems: string[] };

const SEPARATORS: Record<string, string> = {
  tab: "\t",
  semicolon: ";",
  comma: ",",
  pipe: "|",
  colon: ":",
  space: " ",
};
/** Columns an Anki export may add before or after the fields: not part of a card. */
const META_COLUMNS = ["guid", "notetype", "deck", "tags"];
const HEADER_ROWS = [
  ["front", "back"],
  ["question", "answer"],
];
/** At most this many line problems are listed; the rest are counted. */
const MAX_LISTED = 5;

interface Header {
  separator?: string;
  html: boolean;
  /** 0-based columns that hold guid, note type, deck or tags. */
  metaColumns: Set<number>;
  /** Lines the header took. */
  lines: number;
}

function readHeader(lines: readonly string[]): Header {
  const header: Header = { html: false, metaColumns: new Set(), lines: 0 };
  for (const line of lines) {
    const m = /^#([a-z ]+):(.*)$/i.exec(line.trim());
    if (!m) break;
    header.lines++;
    const key = m[1].trim().toLowerCase();
    const value = m[2].trim();
    if (key === "separator")
      header.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : undefined);
    else if (key === "html") header.html = value.toLowerCase() === "true";
    else {
      const column = /^(\w+) column$/.exec(key);
      if (column && META_COLUMNS.includes(column[1]) && Number(value) >= 1) header.metaColumns.add(Number(value) - 1);
    }
  }
  return header;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Anki's HTML as the text it shows: line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(div|p|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1].toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

function detectSeparator(firstLine: string): string {
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

export function parseCardDeck(text: string): DeckParse {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const header = readHeader(lines);
  const body = lines.slice(header.lines);
  const firstLine = body.find((l) => l.trim() !== "") ?? "";
  if (firstLine === "") return { ok: false, problems: ["The file has no cards: write one card per line, front;back."] };
  const delimiter = header.separator ?? detectSeparator(firstLine);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(body.join("\n"), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof rows; // with `info`, each record comes with where it was read
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    return {
      ok: false,
      problems: [`Line ${(line ?? 0) + header.lines}: a quoted field is not closed (a " without its partner).`],
    };
  }
  const cards: ImportedCard[] = [];
  const problems: string[] = [];
  const clean = (field: string) => (header.html ? htmlToText(field) : field.trim());
  for (const [i, { record, info }] of rows.entries()) {
    const line = info.lines + header.lines;
    const fields = record.filter((_, column) => !header.metaColumns.has(column)).map(clean);
    if (i === 0 && HEADER_ROWS.some((h) => h.every((name, c) => fields[c]?.toLowerCase() === name))) continue;
    const [front = "", back = ""] = fields;
    if (front === "" || back === "") {
      problems.push(
        `Line ${line}: a card needs a front and a back, separated by "${delimiter === "\t" ? "a tab" : delimiter}".`,
      );
      continue;
    }
    if (front.length > OWN_CARD_LIMITS.front || back.length > OWN_CARD_LIMITS.back) {
      problems.push(
        `Line ${line}: a front can be at most ${OWN_CARD_LIMITS.front} characters and a back ${OWN_CARD_LIMITS.back}.`,
      );
      continue;
    }
    cards.push({ front, back });
  }
  if (problems.length > 0) {
    const more = problems.length - MAX_LISTED;
    return {
      ok: false,
      problems: more > 0 ? [...problems.slice(0, MAX_LISTED), `…and ${more} more lines like these.`] : problems,
    };
  }
  if (cards.length === 0)
    return { ok: false, problems: ["The file has no cards: write one card per line, front;back."] };
  if (cards.length > OWN_CARD_LIMITS.perImport)
    return {
      ok: false,
      problems: [`The file has ${cards.length} cards; import at most ${OWN_CARD_LIMITS.perImport} at a time.`],
    };
  return { ok: true, cards };
}
