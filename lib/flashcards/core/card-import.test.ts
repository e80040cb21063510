import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../csv";
import { htmlToText, parseCardDeck } from "./card-import";
import { OWN_CARD_LIMITS } from "./own-cards";

describe("importing a deck", () => {
  it("reads front;back lines, skips blank lines and a front;back header row", () => {
    expect(
      parseCardDeck(
        "front;back\nWhat is a ClusterIP?;A stable virtual IP\n\nPod IP;Changes when the Pod is replaced\n",
      ),
    ).toEqual({
      ok: true,
      cards: [
        { front: "What is a ClusterIP?", back: "A stable virtual IP" },
        { front: "Pod IP", back: "Changes when the Pod is replaced" },
      ],
    });
  });

  it("takes the separator from the first line, and quoted fields that hold it or a line break", () => {
    const csv =
      '\uFEFFQuestion,Answer\r\n"kube-proxy, in iptables mode","Rewrites the destination,\r\nper connection"\r\n';
    expect(parseCardDeck(csv)).toEqual({
      ok: true,
      cards: [{ front: "kube-proxy, in iptables mode", back: "Rewrites the destination,\nper connection" }],
    });
    expect(parseCardDeck("a\tb;c\n")).toEqual({ ok: true, cards: [{ front: "a", back: "b;c" }] });
  });

  it("reads an Anki plain-text export: its header names the separator, HTML and the columns that are not fields", () => {
    const anki = [
      "#separator:tab",
      "#html:true",
      "#guid column:1",
      "#notetype column:2",
      "#deck column:3",
      "#tags column:6",
      "f0x!\tBasic\tK8s\t<b>ClusterIP</b>\tStays the same<br>for the Service&#39;s life &amp; more\tnetworking",
    ].join("\n");
    expect(parseCardDeck(anki)).toEqual({
      ok: true,
      cards: [{ front: "ClusterIP", back: "Stays the same\nfor the Service's life & more" }],
    });
    expect(parseCardDeck("#separator:Semicolon\na;b,c\n")).toEqual({ ok: true, cards: [{ front: "a", back: "b,c" }] });
  });

  it("refuses the whole file, naming the lines, when a card lacks a side, and stores nothing", () => {
    expect(parseCardDeck("a;b\nonly a front\n;only a back\n")).toEqual({
      ok: false,
      problems: [
        'Line 2: a card needs a front and a back, separated by ";".',
        'Line 3: a card needs a front and a back, separated by ";".',
      ],
    });
    const many = Array.from({ length: 8 }, () => "x").join("\n");
    const result = parseCardDeck(`a;b\n${many}`);
    expect(result.ok === false && result.problems).toHaveLength(6);
    expect(result.ok === false && result.problems.at(-1)).toBe("…and 3 more lines like these.");
  });

  it("refuses an empty file, an unclosed quote, cards over the limits and too many cards", () => {
    expect(parseCardDeck("\n\n")).toMatchObject({ ok: false });
    expect(parseCardDeck('a;"b\nc;d\n')).toMatchObject({ ok: false, problems: [expect.stringMatching(/not closed/)] });
    expect(parseCardDeck(`a;${"b".repeat(OWN_CARD_LIMITS.back + 1)}`)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^Line 1: a front can be at most/)],
    });
    const lots = Array.from({ length: OWN_CARD_LIMITS.perImport + 1 }, (_, i) => `q${i};a${i}`).join("\n");
    expect(parseCardDeck(lots)).toEqual({
      ok: false,
      problems: [
        `The file has ${OWN_CARD_LIMITS.perImport + 1} cards; import at most ${OWN_CARD_LIMITS.perImport} at a time.`,
      ],
    });
  });

  it("turns Anki's HTML into the text it shows, leaving unknown entities as written", () => {
    expect(htmlToText("<div>one</div><div>two &lt;3 &#x41;&nbsp;&bogus;</div>")).toBe("one\ntwo <3 A &bogus;");
  });

  it("reads back what independent CSV writers wrote: csv-stringify with ; or tabs, and the platform's own export", () => {
    const cards = [
      { front: "A ClusterIP; or not?", back: 'It stays "the same"\nfor the Service\'s life' },
      { front: "kube-proxy, in short", back: "Programs the node's rules" },
      { front: "Emoji 🚀 and accents é", back: "UTF-8 survives" },
    ];
    const rows = cards.map((c) => [c.front, c.back]);
    for (const delimiter of [";", "\t", ","])
      expect(parseCardDeck(stringify([["front", "back"], ...rows], { delimiter }))).toEqual({ ok: true, cards });
    // lib/csv's spreadsheet files (a byte-order mark, every field quoted, CRLF) read back too.
    expect(parseCardDeck(toCsv(["front", "back"], rows))).toEqual({ ok: true, cards });
  });
});
