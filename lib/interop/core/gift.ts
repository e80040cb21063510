import type { ClozeQuestion } from "../../quiz/core/kinds/cloze";
import type { MatchingQuestion } from "../../quiz/core/kinds/matching";
import type { MultipleQuestion } from "../../quiz/core/kinds/multiple";
import type { OddOneOutQuestion } from "../../quiz/core/kinds/odd-one-out";
import type { SingleQuestion } from "../../quiz/core/kinds/single";
import type { TrueFalseQuestion } from "../../quiz/core/kinds/true-false";
import type { Question } from "../../quiz/core/types";
import { type ExportSet, questionCount } from "./export-set";
import {
  CANNOT_WEIGH,
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

// Moodle's GIFT format (question/format/gift/format.php is the reference: its importer and its
// exporter's `repchar`). Every question is [html]: its answers and feedback default to the
// question text's format, so they are HTML too, except the right-hand side of a matching pair and
// a short answer's answers, which Moodle reads as plain text.

/**
 * Text with GIFT's special characters escaped: `\` first, then `~ = # { } :`, and line breaks as
 * `\n` (a blank line would end the question).
 */
export const escapeGift = (text: string) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r/g, "")
    .replace(/\n/g, "\\n");

// qtype_ordering (standard from Moodle 4.4) reads a GIFT extension of its own, `{>N ALL VERTICAL …}`
// with one item a line; kubelearn does not write it: other GIFT readers refuse the whole file for it,
// and Moodle's reader leaves an escaped character in an item as its placeholder (the items skip
// escapedchar_post), so an item holding `{` or `}` could not be said at all.
export const ORDERING_IN_GIFT =
  "GIFT has no ordering question type (Moodle's ordering type reads an extension of its own, which other GIFT readers refuse); export Moodle XML to keep them";

/** `#feedback`, or nothing when there is none. */
const feedback = (html: string) => (html ? `#${escapeGift(html)}` : "");
/** The general feedback line before the closing brace, or nothing. */
const general = (q: Question) => {
  const html = generalFeedbackHtml(q);
  return html ? `\t####${escapeGift(html)}\n` : "";
};

/** A wrong option's mark; a text that starts like a weight (`%50%…`) gets an explicit 0% so it is not read as one. */
const wrongMark = (text: string) => (text.startsWith("%") ? "~%0%" : "~");

const block = (lines: string[], q: Question) => `{\n${lines.join("")}${general(q)}}`;

function oneRightOption(q: SingleQuestion | OddOneOutQuestion): string {
  return block(
    q.options.map((o) => {
      const right = o.id === q.answer;
      const text = escapeGift(optionHtml(o.text));
      return `\t${right ? "=" : wrongMark(text)}${text}${feedback(optionFeedbackHtml(q, o, right))}\n`;
    }),
    q,
  );
}

/** Every option weighted (`~%50%`, `~%-33.33333%`), which makes Moodle allow several answers. */
function weightedOptions(q: MultipleQuestion, weights: Map<string, number>): string {
  return block(
    q.options.map((o) => {
      const weight = formatPercent(weights.get(o.id)!);
      return `\t~%${weight}%${escapeGift(optionHtml(o.text))}${feedback(optionFeedbackHtml(q, o, q.answer.includes(o.id)))}\n`;
    }),
    q,
  );
}

/** Moodle reads {TRUE#feedback for the wrong answer#feedback for the right answer####general feedback}. */
function trueOrFalse(q: TrueFalseQuestion): string {
  const right = q.options.find((o) => o.id === q.answer)!;
  const wrong = q.options.find((o) => o.id !== q.answer)!;
  const gf = generalFeedbackHtml(q);
  const wrongFeedback = escapeGift(optionFeedbackHtml(q, wrong, false));
  const rightFeedback = escapeGift(optionFeedbackHtml(q, right, true));
  return `{${isTrueOption(right) ? "TRUE" : "FALSE"}#${wrongFeedback}#${rightFeedback}${gf ? `####${escapeGift(gf)}` : ""}}`;
}

function pairs(q: MatchingQuestion): string {
  const choiceText = (id: string) => q.choices.find((c) => c.id === id)!.text.trim();
  const used = new Set(Object.values(q.answer));
  const lines = q.items.map(
    (i) => `\t=${escapeGift(optionHtml(i.text))} -> ${escapeGift(choiceText(q.answer[i.id]))}\n`,
  );
  // A choice no item matches is an extra wrong answer: a pair with an empty left side.
  const extra = q.choices.filter((c) => !used.has(c.id)).map((c) => `\t= -> ${escapeGift(c.text.trim())}\n`);
  return block([...lines, ...extra], q);
}

/** The missing-word form: the accepted answers where the blank is; Moodle shows a blank line there. */
function missingWord(q: ClozeQuestion, head: string): string {
  const { before, after } = clozeHtml(q);
  const accepted = clozeAnswers(q)
    .map((a) => `=${escapeGift(a)}`)
    .join(" ");
  const gf = generalFeedbackHtml(q);
  const blank = `{${accepted}${gf ? `####${escapeGift(gf)}` : ""}}`;
  return `${head}${escapeGift(questionHtml(q) + before)}${blank}${escapeGift(after)}`;
}

/** One question in GIFT, or null when GIFT cannot say it (counted in `skip`). */
function giftQuestion(q: Question, skip: SkipTally): string | null {
  const head = `::${escapeGift(questionName(q))}::[html]`;
  const text = `${head}${escapeGift(questionHtml(q))}`;
  switch (q.kind) {
    case "single":
    case "odd-one-out":
      return text + oneRightOption(q);
    case "multiple": {
      const weights = multipleSelectWeights(q);
      if (weights) return text + weightedOptions(q, weights);
      skip.add(q.kind, `Moodle cannot weigh them: ${CANNOT_WEIGH}`);
      return null;
    }
    case "true-false":
      return text + trueOrFalse(q);
    case "matching":
      return text + pairs(q);
    case "cloze":
      return missingWord(q, head);
    case "ordering":
      skip.add(q.kind, ORDERING_IN_GIFT);
      return null;
    default:
      return q satisfies never;
  }
}

/** A question pool as a GIFT file: a category per lesson, then its questions; ordering questions are left out. */
export function toGift(set: ExportSet): RenderedExport {
  const skip = new SkipTally();
  const blocks: string[] = [];
  let written = 0;
  for (const lesson of set.lessons) {
    blocks.push(`$CATEGORY: ${categoryPath(lesson).replace(/\s*\n\s*/g, " ")}`);
    for (const q of lesson.questions) {
      const text = giftQuestion(q, skip);
      if (text === null) continue;
      blocks.push(`// ${q.kind} · ${q.source} · difficulty ${q.difficulty}\n${text}`);
      written++;
    }
  }
  const skipped = skip.list();
  const header = [
    `// ${exportSummary(set, written)} of ${questionCount(set)} in the pool.`,
    '// Import in Moodle: Question bank > Import > GIFT format (tick "Get category from file" to keep one category per lesson).',
    ...skipped.map((s) => `// Left out: ${countedKind(s)}: ${s.reason}.`),
  ].join("\n");
  return { body: `${[header, ...blocks].join("\n\n")}\n`, questionCount: written, skipped };
}
