import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Question } from "../../quiz/core/types";
import { escapeHtml } from "./html";
import { toMoodleXml } from "./moodle-xml";
import { categoryPath, clozeAnswers, optionHtml, questionName } from "./question-parts";
import { byKind, realSet, TRICKY, trickySet } from "./test-support/export-fixtures";

// The structure Moodle's XML importer reads (question/format/xml/format.php): a <quiz> root of
// <question type="…"> elements; each with <name><text>, <questiontext format="html"><text>,
// <generalfeedback>, <defaultgrade>, <penalty>, <hidden>; multichoice with <single>,
// <shuffleanswers> and <answer fraction="…"> (percent) each with <text> and <feedback>; truefalse
// with answers whose texts are `true` and `false`; matching with <subquestion><text> and
// <answer><text>; shortanswer with <usecase> and answers; a category as <category><text>.
// The files are parsed with fast-xml-parser, which knows nothing of how they were written.

interface Text {
  text?: string;
}
interface Formatted extends Text {
  "@_format": string;
}
interface Answer extends Text {
  "@_fraction": string;
  "@_format": string;
  feedback?: Formatted;
}
interface XmlQuestion {
  "@_type": string;
  name: Text;
  questiontext: Formatted;
  generalfeedback: Formatted;
  defaultgrade: string;
  penalty: string;
  hidden: string;
  single?: string;
  shuffleanswers?: string;
  usecase?: string;
  answer?: Answer[];
  subquestion?: (Formatted & { answer: Text[] })[];
  category?: Text;
  gradingtype?: string;
  selecttype?: string;
  shownumcorrect?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["question", "answer", "subquestion"].includes(name),
});

function parseQuiz(body: string): XmlQuestion[] {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = parser.parse(body) as { quiz: { question: XmlQuestion[] } };
  expect(Object.keys(doc)).toEqual(["?xml", "quiz"]);
  return doc.quiz.question;
}

const MOODLE_TYPE: Record<Question["kind"], string> = {
  single: "multichoice",
  "odd-one-out": "multichoice",
  multiple: "multichoice",
  "true-false": "truefalse",
  matching: "matching",
  cloze: "shortanswer",
  ordering: "ordering",
};

// question_bank::fraction_options_full(): the only grades Moodle's importer accepts.
const GRADES = [
  1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125,
  0.1111111, 0.1, 0.05, 0,
];
const isGrade = (percent: string) => GRADES.some((g) => Math.abs(Math.abs(Number(percent)) / 100 - g) < 0.00001);

function byName(questions: XmlQuestion[]) {
  const map = new Map(questions.filter((q) => q["@_type"] !== "category").map((q) => [q.name.text, q]));
  return (q: Question) => {
    const x = map.get(questionName(q));
    if (!x) throw new Error(`no question named ${questionName(q)}`);
    return x;
  };
}

describe("Moodle XML export of a module", () => {
  const set = realSet("module", "discovery");
  const pool = set.lessons.flatMap((l) => l.questions);
  const xml = toMoodleXml(set);
  const questions = parseQuiz(xml.body);
  const find = byName(questions);

  it("is a <quiz> of every question in the pool, each lesson's after its category", () => {
    expect(xml.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const categories = questions.filter((q) => q["@_type"] === "category");
    expect(categories.map((c) => c.category?.text)).toEqual(
      set.lessons.map((l) => `$course$/top/kubelearn/Service discovery/${l.title}`),
    );
    expect(questions).toHaveLength(pool.length + set.lessons.length);
    expect(xml.questionCount).toBe(pool.length);
    expect(xml.skipped).toEqual([]);
    for (const q of pool) expect(find(q)["@_type"]).toBe(MOODLE_TYPE[q.kind]);
    expect(new Set(pool.map((q) => q.kind)).size).toBe(7);
  });

  it("gives every question a name, an HTML question text, general feedback and a grade", () => {
    for (const q of pool) {
      const x = find(q);
      expect(x.questiontext["@_format"]).toBe("html");
      expect(x.questiontext.text).toContain(`<p>${escapeHtml(q.prompt).split("`")[0]}`);
      expect(x.generalfeedback["@_format"]).toBe("html");
      expect(x.defaultgrade).toBe("1");
      expect(Number(x.penalty)).toBeGreaterThan(0);
      expect(x.hidden).toBe("0");
    }
  });

  it("writes single choices as multichoice with one answer at 100% and the rest at 0%, shuffled", () => {
    for (const q of pool) {
      if (q.kind !== "single" && q.kind !== "odd-one-out") continue;
      const x = find(q);
      expect(x.single).toBe("true");
      expect(x.shuffleanswers).toBe("true");
      expect(x.answer!.map((a) => [a.text, a["@_fraction"]])).toEqual(
        q.options.map((o) => [optionHtml(o.text), o.id === q.answer ? "100" : "0"]),
      );
      for (const [i, o] of q.options.entries()) {
        expect(x.answer![i]["@_format"]).toBe("html");
        expect(x.answer![i].feedback?.["@_format"]).toBe("html");
        if (o.misconception) expect(x.answer![i].feedback?.text).toContain(escapeHtml(o.misconception));
      }
    }
  });

  it("weighs a multiple select with grades Moodle accepts: right options share +100%, wrong ones -100%", () => {
    const multiples = pool.filter((q) => q.kind === "multiple");
    expect(multiples.length).toBeGreaterThan(0);
    for (const q of multiples) {
      const x = find(q);
      expect(x.single).toBe("false");
      const fractions = x.answer!.map((a) => a["@_fraction"]);
      for (const f of fractions) {
        expect(isGrade(f)).toBe(true);
        expect(f).toMatch(/^-?\d+(\.\d{1,5})?$/);
      }
      const right = q.options.map((o) => q.answer.includes(o.id));
      const sum = (pick: boolean) =>
        fractions.filter((_, i) => right[i] === pick).reduce((total, f) => total + Number(f), 0);
      expect(sum(true)).toBeCloseTo(100, 3);
      expect(sum(false)).toBeCloseTo(-100, 3);
    }
  });

  it("writes true/false with answers `true` and `false`, the key's at 100%", () => {
    for (const q of pool) {
      if (q.kind !== "true-false") continue;
      const x = find(q);
      expect(x.answer!.map((a) => a.text)).toEqual(["true", "false"]);
      expect(x.answer!.map((a) => a["@_fraction"])).toEqual(q.answer === "true" ? ["100", "0"] : ["0", "100"]);
    }
  });

  it("writes matching pairs, short answers with every spelling, and ordering steps in their order", () => {
    for (const q of pool) {
      const x = find(q);
      if (q.kind === "matching") {
        expect(x.shuffleanswers).toBe("true");
        expect(x.subquestion!.map((s) => [s["@_format"], s.text, s.answer[0].text])).toEqual(
          q.items.map((i) => ["html", optionHtml(i.text), q.choices.find((c) => c.id === q.answer[i.id])!.text]),
        );
      }
      if (q.kind === "cloze") {
        expect(x.usecase).toBe("0");
        expect(x.answer!.map((a) => [a.text, a["@_fraction"]])).toEqual(clozeAnswers(q).map((a) => [a, "100"]));
        expect(x.questiontext.text).toContain("_____");
      }
      if (q.kind === "ordering") {
        expect(x.selecttype).toBe("ALL");
        expect(x.gradingtype).toBe("ABSOLUTE_POSITION");
        expect(x.answer!.map((a) => [a.text, a["@_fraction"]])).toEqual(
          q.answer.map((id, i) => [optionHtml(q.items.find((it) => it.id === id)!.text), String(i + 1)]),
        );
      }
    }
  });

  it("puts a scenario's set-up output in CDATA HTML as <pre>", () => {
    const scenario = pool.find((q) => q.source === "simulator" && q.context?.some((c) => c.output))!;
    const shown = scenario.context!.find((c) => c.output)!;
    expect(find(scenario).questiontext.text).toContain(escapeHtml(`$ ${shown.command}\n${shown.output.trimEnd()}`));
    expect(xml.body).toContain("<text><![CDATA[<pre>$ kubectl");
  });
});

describe("Moodle XML escaping", () => {
  const xml = toMoodleXml(trickySet);
  const find = byName(parseQuiz(xml.body));

  it("keeps every special character of names, HTML and plain answers, a CDATA end included", () => {
    const single = find(byKind("single"));
    expect(single.name.text).toBe(questionName(byKind("single")));
    expect(single.questiontext.text).toContain(`<p>Which one? ${escapeHtml(TRICKY)}</p>`);
    expect(single.questiontext.text).toContain(
      "<pre>$ kubectl get pods -o wide\nNAME  IP\nweb   10.244.1.3   &lt;none&gt;</pre>",
    );
    expect(single.answer![1].text).toBe(`Wrong ${escapeHtml(TRICKY)}`);
    expect(single.answer![1].feedback?.text).toContain(`Misconception: Thinks ${escapeHtml(TRICKY)}`);
    expect(single.generalfeedback.text).toContain("answered {ok}");

    const matching = find(byKind("matching"));
    expect(matching.subquestion!.map((s) => [s.text ?? "", s.answer[0].text])).toEqual([
      [`Item ${escapeHtml(TRICKY)}`, `Choice ${TRICKY}`],
      ["Item two", "Pod IP"],
      ["Item three", "Pod IP"],
      ["", "Unused choice"], // an extra wrong answer, as Moodle writes one
    ]);
    expect(find(byKind("ordering"))["@_type"]).toBe("ordering");
    expect(xml.skipped).toEqual([]);
  });

  it("writes plain texts as Moodle's exporter does, in CDATA when they hold a character XML escapes", () => {
    // Moodle's reader (lib/xmlize.php) drops a text chunk that is only whitespace, and the parser
    // hands the text between two entity references over as one: with entities, "<none> & " would be
    // read as "<none>&". qformat_xml::xml_escape writes such texts in CDATA instead.
    expect(xml.body).not.toMatch(/<text>[^<]*&(amp|lt|gt|quot|apos);/);
    expect(xml.body).toContain(
      `<text><![CDATA[Choice a {b} = c ~ d : e # f \\ g -> h <none> & "q" ]]]]><![CDATA[> end]]></text>`,
    );
    expect(xml.body).toContain("<text>Pod IP</text>");
    const cloze = find(byKind("cloze"));
    expect(cloze.answer!.map((a) => a.text)).toEqual(["ClusterIP", "ClusterIPs", "cluster IP", "cluster IPs"]);
  });

  it("names questions without angle brackets, which Moodle's clean_question_name would strip as tags", () => {
    expect(find(byKind("single")).name.text).toBe(
      'tricky tricky:single — Which one? a {b} = c ~ d : e # f \\ g -› h ‹none› & "q" ]]› end',
    );
    expect(categoryPath({ moduleTitle: "/root <v1>", title: "Pods/" })).toBe(
      "$course$/top/kubelearn/ //root ‹v1›/Pods// ",
    );
  });

  it("shows the number of right parts: present for multichoice and matching, valued for ordering", () => {
    // import_combined_feedback reads the flag's presence; qtype_ordering's import_from_xml reads its value.
    expect(find(byKind("multiple")).shownumcorrect).toBe("");
    expect(find(byKind("matching")).shownumcorrect).toBe("");
    expect(find(byKind("ordering")).shownumcorrect).toBe("1");
  });

  it("writes a category path with Moodle's doubled slash and a summary comment", () => {
    expect(xml.body).toContain("<text>$course$/top/kubelearn/A//B module/Tricky {characters}</text>");
    expect(xml.body).toContain(
      "<!-- kubelearn question pool: Tricky {characters} (lesson tricky), seed 1, 7 questions of 7",
    );
  });

  it("is the same file for the same seed", () => {
    expect(toMoodleXml(realSet("lesson", "dns-records")).body).toBe(toMoodleXml(realSet("lesson", "dns-records")).body);
  });
});
