import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV for spreadsheets", () => {
  it("round-trips quotes, commas, line breaks and non-ASCII text, with a BOM and CRLF", () => {
    const csv = toCsv(
      ["name", "note", "n"],
      [
        ['Zoë "Z" Müller', "a, b\nc", 3],
        ["plain", null, 0.5],
      ],
    );
    expect(csv.startsWith('\uFEFF"name","note","n"\r\n')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ["name", "note", "n"],
      ['Zoë "Z" Müller', "a, b\nc", "3"],
      ["plain", "", "0.5"],
    ]);
  });

  it("keeps a spreadsheet from running a learner-typed formula", () => {
    const rows = parse(toCsv(["name"], [['=HYPERLINK("x")'], ["+1"], ["-2"], ["@SUM(A1)"], ["ok=1"]]), { bom: true });
    expect(rows.slice(1).map((r: string[]) => r[0])).toEqual(['\'=HYPERLINK("x")', "'+1", "'-2", "'@SUM(A1)", "ok=1"]);
  });
});
