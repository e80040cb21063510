import type { ClozeQuestion } from "../../quiz/core/kinds/cloze";
import type { MatchingQuestion } from "../../quiz/core/kinds/matching";
import type { MultipleQuestion } from "../../quiz/core/kinds/multiple";
import type { OddOneOutQuestion } from "../../quiz/core/kinds/odd-one-out";
import type { OrderingQuestion } from "../../quiz/core/kinds/ordering";
import type { SingleQuestion } from "../../quiz/core/kinds/single";
import type { TrueFalseQuestion } from "../../quiz/core/kinds/true-false";
import type { Question } from "../../quiz/core/types";
import { type ExportSet, type LessonQuestions, questionCount } from "./export-set";
import { escapeHtml } from "./html";
import {
  CANNOT_WEIGH,
  COMBINED_FEEDBACK,
  categoryPath,
  clozeAnswers,
  clozeHtml,
  countedKind,
  exportSummary,
  formatPercent,
  generalFeedbackHtml,
  isTrueOption,
  multipleSelectWeights,
  optionFeedbackHtml,
  optionHtml,
  questionHtml,
  questionName,
  type RenderedExport,
  SkipTally,
} from "./question-parts";

// Moodle XML (question/format/xml/format.php is the reference: what import_headers,
// import_multichoice, import_truefalse, import_match, import_shortanswer and qtype_ordering's
// import_from_xml read). HTML goes in CDATA with format="html"; names and the plain-text answers
// of matching and short answer are plain text, in CDATA when they hold a character XML escapes.

/** Characters XML 1.0 does not allow, even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the ones to drop.
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** HTML in a CDATA section; a `]]>` inside is split across two sections, as Moodle's exporter does. */
export const cdata = (html: string) =>
  html ? `<![CDATA[${html.replace(notXml, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>` : "";

/**
 * Plain text as `<text>` content the way Moodle's exporter writes it (qformat_xml::xml_escape): as
 * is, or in CDATA when it holds a character XML would escape. Never as entity references: Moodle's
 * reader (lib/xmlize.php, core_xml_parser::characterdata) drops every text chunk that is only
 * whitespace, and the XML parser hands the text between two entity references over as a chunk of
 * its own, so `<none> & more` written with entities would come back as `<none>&more`.
 */
export const xmlText = (text: string) => {
  const clean = text.replace(notXml, "");
  return /[&<>"']/.test(clean) ? cdata(clean) : clean;
};

const pad = (depth: number) => "  ".repeat(depth);
const plain = (tag: string, text: string, depth: number) =>
  `${pad(depth)}<${tag}>\n${pad(depth + 1)}<text>${xmlText(text)}</text>\n${pad(depth)}</${tag}>`;
const html = (tag: string, body: string, depth: number) =>
  `${pad(depth)}<${tag} format="html">\n${pad(depth + 1)}<text>${cdata(body)}</text>\n${pad(depth)}</${tag}>`;
const element = (tag: string, value: string | number) => `${pad(2)}<${tag}>${value}</${tag}>`;

/** An `<answer>`: its fraction in percent, its text (HTML or Moodle's plain words), its feedback. */
function answer(fraction: string, text: { html: string } | { plain: string }, feedback: string): string {
  const body = "html" in text ? cdata(text.html) : xmlText(text.plain);
  const format = "html" in text ? "html" : "moodle_auto_format";
  return [
    `${pad(2)}<answer fraction="${fraction}" format="${format}">`,
    `${pad(3)}<text>${body}</text>`,
    html("feedback", feedback, 3),
    `${pad(2)}</answer>`,
  ].join("\n");
}

/** The fields every question starts with (import_headers). */
function header(q: Question, type: string, text: string, penalty: string): string[] {
  return [
    `${pad(1)}<question type="${type}">`,
    plain("name", questionName(q), 2),
    html("questiontext", text, 2),
    html("generalfeedback", generalFeedbackHtml(q), 2),
    element("defaultgrade", 1),
    element("penalty", penalty),
    element("hidden", 0),
  ];
}

/**
 * Moodle's overall feedback for kinds with partial credit, and "show the number of correct responses".
 * Multichoice and matching read that flag as the element's presence (import_combined_feedback);
 * qtype_ordering's import_from_xml reads the element's value, so an empty one would turn it off there,
 * and it gets `1` as qtype_ordering's own exporter writes it.
 */
const combinedFeedback = (flag: "present" | "valued" = "present") => [
  html("correctfeedback", `<p>${COMBINED_FEEDBACK.correct}</p>`, 2),
  html("partiallycorrectfeedback", `<p>${COMBINED_FEEDBACK.partiallyCorrect}</p>`, 2),
  html("incorrectfeedback", `<p>${COMBINED_FEEDBACK.incorrect}</p>`, 2),
  flag === "valued" ? element("shownumcorrect", 1) : `${pad(2)}<shownumcorrect/>`,
];

const multichoiceOptions = (single: boolean) => [
  element("single", String(single)),
  element("shuffleanswers", "true"),
  element("answernumbering", "abc"),
  element("showstandardinstruction", 0),
  ...combinedFeedback(),
];

function oneRightOption(q: SingleQuestion | OddOneOutQuestion): string[] {
  return [
    ...header(q, "multichoice", questionHtml(q), "0.3333333"),
    ...multichoiceOptions(true),
    ...q.options.map((o) =>
      answer(
        o.id === q.answer ? "100" : "0",
        { html: optionHtml(o.text) },
        optionFeedbackHtml(q, o, o.id === q.answer),
      ),
    ),
  ];
}

function weightedOptions(q: MultipleQuestion, weights: Map<string, number>): string[] {
  return [
    ...header(q, "multichoice", questionHtml(q), "0.3333333"),
    ...multichoiceOptions(false),
    ...q.options.map((o) =>
      answer(
        formatPercent(weights.get(o.id)!),
        { html: optionHtml(o.text) },
        optionFeedbackHtml(q, o, q.answer.includes(o.id)),
      ),
    ),
  ];
}

/** Two answers whose texts are the words `true` and `false`; the right one has fraction 100. */
function trueOrFalse(q: TrueFalseQuestion): string[] {
  const trueOption = q.options.find(isTrueOption)!;
  const falseOption = q.options.find((o) => o !== trueOption)!;
  const side = (o: typeof trueOption, word: string) =>
    answer(o.id === q.answer ? "100" : "0", { plain: word }, optionFeedbackHtml(q, o, o.id === q.answer));
  // Moodle's GIFT import gives true/false a penalty of 1: a second try of two options proves nothing.
  return [...header(q, "truefalse", questionHtml(q), "1"), side(trueOption, "true"), side(falseOption, "false")];
}

function subquestions(q: MatchingQuestion): string[] {
  const used = new Set(Object.values(q.answer));
  const sub = (itemHtml: string, choice: string) =>
    [
      `${pad(2)}<subquestion format="html">`,
      `${pad(3)}<text>${cdata(itemHtml)}</text>`,
      plain("answer", choice, 3),
      `${pad(2)}</subquestion>`,
    ].join("\n");
  const choiceText = (id: string) => q.choices.find((c) => c.id === id)!.text.trim();
  return [
    ...header(q, "matching", questionHtml(q), "0.3333333"),
    element("shuffleanswers", "true"),
    ...combinedFeedback(),
    ...q.items.map((i) => sub(optionHtml(i.text), choiceText(q.answer[i.id]))),
    // A choice no item matches is an extra wrong answer: a subquestion with an empty text.
    ...q.choices.filter((c) => !used.has(c.id)).map((c) => sub("", c.text.trim())),
  ];
}

function shortAnswer(q: ClozeQuestion): string[] {
  const { before, after } = clozeHtml(q);
  return [
    ...header(q, "shortanswer", `${questionHtml(q)}${before}_____${after}`, "0.3333333"),
    element("usecase", 0),
    ...clozeAnswers(q).map((a) => answer("100", { plain: a }, "")),
  ];
}

/** qtype_ordering (standard from Moodle 4.4): answers in the right order, graded by items in their right place, like kubelearn. */
function ordering(q: OrderingQuestion): string[] {
  const items = q.answer.map((id) => q.items.find((i) => i.id === id)!);
  return [
    ...header(q, "ordering", questionHtml(q), "0.3333333"),
    element("layouttype", "VERTICAL"),
    element("selecttype", "ALL"),
    element("selectcount", items.length),
    element("gradingtype", "ABSOLUTE_POSITION"),
    element("showgrading", "SHOW"),
    element("numberingstyle", "none"),
    ...combinedFeedback("valued"),
    ...items.map((item, i) =>
      [
        `${pad(2)}<answer fraction="${i + 1}" format="html">`,
        `${pad(3)}<text>${cdata(optionHtml(item.text))}</text>`,
        `${pad(2)}</answer>`,
      ].join("\n"),
    ),
  ];
}

/** One question's lines, or null when Moodle XML cannot say it (counted in `skip`). */
function xmlQuestion(q: Question, skip: SkipTally): string[] | null {
  switch (q.kind) {
    case "single":
    case "odd-one-out":
      return oneRightOption(q);
    case "multiple": {
      const weights = multipleSelectWeights(q);
      if (weights) return weightedOptions(q, weights);
      skip.add(q.kind, `Moodle cannot weigh them: ${CANNOT_WEIGH}`);
      return null;
    }
    case "true-false":
      return trueOrFalse(q);
    case "matching":
      return subquestions(q);
    case "cloze":
      return shortAnswer(q);
    case "ordering":
      return ordering(q);
    default:
      return q satisfies never;
  }
}

const category = (l: LessonQuestions) =>
  [
    `${pad(1)}<question type="category">`,
    plain("category", categoryPath(l), 2),
    html("info", `<p>${escapeHtml(`kubelearn lesson: ${l.title}`)}</p>`, 2),
    `${pad(1)}</question>`,
  ].join("\n");

/** A comment's text: XML forbids `--` inside one. */
const comment = (text: string) =>
  `<!-- ${text.replace(notXml, "").replace(/-{2,}/g, (d) => d.split("").join(" "))} -->`;

/** A question pool as a Moodle XML file: a category per lesson, then its questions. */
export function toMoodleXml(set: ExportSet): RenderedExport {
  const skip = new SkipTally();
  const parts: string[] = [];
  let written = 0;
  for (const lesson of set.lessons) {
    parts.push(category(lesson));
    for (const q of lesson.questions) {
      const lines = xmlQuestion(q, skip);
      if (!lines) continue;
      parts.push(
        [
          `${pad(1)}${comment(`${q.kind} · ${q.source} · difficulty ${q.difficulty}`)}`,
          ...lines,
          `${pad(1)}</question>`,
        ].join("\n"),
      );
      written++;
    }
  }
  const skipped = skip.list();
  const notes = [
    `${exportSummary(set, written)} of ${questionCount(set)} in the pool.`,
    "Import in Moodle: Question bank > Import > Moodle XML format. Ordering questions need qtype_ordering (standard from Moodle 4.4).",
    ...skipped.map((s) => `Left out: ${countedKind(s)}: ${s.reason}.`),
  ];
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...notes.map(comment),
    "<quiz>",
    ...parts,
    "</quiz>",
    "",
  ].join("\n");
  return { body, questionCount: written, skipped };
}
