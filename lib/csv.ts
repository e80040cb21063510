import { stringify } from "csv-stringify/sync";

// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel does not read it as Latin-1), every
// field quoted, CRLF line ends (RFC 4180). A cell that begins with = + - @ or a control character
// would be run as a formula by Excel, LibreOffice and Google Sheets; learner names are typed by
// learners, so such cells get a leading apostrophe (OWASP's advice for CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

const neutralise = (cell: CsvCell): string | number =>
  cell === null ? "" : typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(neutralise))], { quoted: true, record_delimiter: "\r\n" })}`;
}
