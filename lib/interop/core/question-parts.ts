import type { MultipleQuestion } from "../../quiz/core/kinds/multiple";
import type { Option, Question, QuestionKind } from "../../quiz/core/types";
import type { ExportSet, LessonQuestions } from "./export-set";
import { inlineHtml, paragraph, transcriptHtml } from "./html";

// What GIFT and Moodle XML say alike about a question: its name, its text, its feedback, its
// category and the weights of a multiple select. Each format only spells these out.

/** What a format wrote: the file's text, how many questions it holds, and what it had to leave out. */
export interface RenderedExport {
  body: string;
  questionCount: number;
  skipped: SkippedQuestions[];
}

export interface SkippedQuestions {
  kind: QuestionKind;
  count: number;
  /** Why, in a sentence a person can act on. */
  reason: string;
}

/** Counts the questions a format leaves out, by kind and reason. */
export class SkipTally {
  private byKey = new Map<string, SkippedQuestions>();
  add(kind: QuestionKind, reason: string) {
    const key = `${kind}\u0000${reason}`;
    const entry = this.byKey.get(key) ?? { kind, count: 0, reason };
    entry.count++;
    this.byKey.set(key, entry);
  }
  list = (): SkippedQuestions[] => [...this.byKey.values()];
}

/** "2 ordering questions" */
export const countedKind = (s: Pick<SkippedQuestions, "kind" | "count">) =>
  `${s.count} ${s.kind} question${s.count === 1 ? "" : "s"}`;

/** One line saying what an export holds, for the top of the file. */
export function exportSummary(set: ExportSet, written: number): string {
  const what = set.scope === "course" ? set.title : `${set.title} (${set.scope} ${set.target})`;
  return `kubelearn question pool: ${what}, seed ${set.seed}, ${written} question${written === 1 ? "" : "s"}`;
}

const NAME_LENGTH = 120;

/**
 * Text Moodle keeps as plain text after its importers clean it (question names, category names):
 * both run it through clean_param(PARAM_TEXT), which is PHP's strip_tags, so `<pending>` would vanish
 * and `x <- y` would lose everything after the `<` (lib/moodlelib.php, question/format.php
 * clean_question_name and split_category_path). Angle brackets become the look-alike ‹ and ›.
 */
export const moodlePlainText = (text: string) => text.replace(/</g, "‹").replace(/>/g, "›");

/**
 * A question's name in Moodle's question bank: the lesson, the generator's id (stable for the same
 * content and seed) and the start of the prompt, so a bank listing reads and sorts by lesson.
 */
export function questionName(q: Question): string {
  const head = `${q.lessonSlug} ${q.id}`;
  const prompt = moodlePlainText(q.prompt.replace(/\s+/g, " ").trim());
  const room = NAME_LENGTH - head.length - 3;
  if (room < 10) return head.slice(0, NAME_LENGTH);
  return `${head} — ${prompt.length > room ? `${prompt.slice(0, room - 1).trimEnd()}…` : prompt}`;
}

/** The question text as HTML: a scenario's set-up commands and their output, then the prompt. */
export const questionHtml = (q: Question) =>
  `${q.context?.length ? transcriptHtml(q.context) : ""}${paragraph(q.prompt)}`;

/** An option's or a matching item's text as HTML. */
export const optionHtml = (text: string) => inlineHtml(text.trim());

/** A cloze sentence around its blank, as HTML: the format writes the blank (GIFT: the answers in braces). */
export const clozeHtml = (q: { before: string; after: string }) => ({
  before: `<p>${inlineHtml(q.before)}`,
  after: `${inlineHtml(q.after)}</p>`,
});

/**
 * Kinds where a learner picks one option: Moodle shows that option's feedback alone, so it carries
 * the explanation too. In a multiple select several options' feedback shows at once, so there each
 * carries only its misconception and the explanation is the question's general feedback.
 */
const explainedPerOption = (kind: QuestionKind) => kind === "single" || kind === "odd-one-out" || kind === "true-false";

/** An option's feedback as HTML: the misconception a distractor tests and, for one-pick kinds, the explanation. */
export function optionFeedbackHtml(q: Question & { options: Option[] }, option: Option, right: boolean): string {
  const misconception = !right && option.misconception ? paragraph(`Misconception: ${option.misconception}`) : "";
  if (explainedPerOption(q.kind)) return `${misconception}${paragraph(q.explanation)}`;
  return misconception || (right ? paragraph("Right: this one applies.") : "");
}

/** The question's general feedback (shown after any answer): the explanation where options do not carry it, and what the simulator showed. */
export function generalFeedbackHtml(q: Question): string {
  const explanation = explainedPerOption(q.kind) ? "" : paragraph(q.explanation);
  const evidence = q.evidence?.length ? `${paragraph("What the simulator showed:")}${transcriptHtml(q.evidence)}` : "";
  return `${explanation}${evidence}`;
}

/** The option whose text means "true" in a true/false question (the generators name it `true`). */
export const isTrueOption = (o: Option) => o.id === "true" || o.text.trim().toLowerCase() === "true";

// Moodle accepts only these answer grades (question_bank::fraction_options_full) and refuses an
// import whose fraction is not within 0.00001 of one of them.
const MOODLE_GRADES = [
  1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125,
  0.1111111, 0.1, 0.05,
];
const isMoodleGrade = (percent: number) => MOODLE_GRADES.some((g) => Math.abs(Math.abs(percent) / 100 - g) < 0.00001);

/** A percentage as Moodle writes one: at most five decimals, e.g. 33.33333 or -50. */
export const formatPercent = (percent: number) => String(Number(percent.toFixed(5)));

export const CANNOT_WEIGH =
  "its right or wrong options number more than ten, and Moodle's weights go no finer than a tenth (or a twentieth)";

/**
 * Moodle's partial-credit weights for a multiple select, in percent by option id: the right options
 * share +100%, the wrong ones share -100% (so picking everything earns nothing), or null when a
 * share is not one of the grades Moodle accepts.
 */
export function multipleSelectWeights(q: MultipleQuestion): Map<string, number> | null {
  const right = q.options.filter((o) => q.answer.includes(o.id)).length;
  const wrong = q.options.length - right;
  const plus = 100 / right;
  const minus = -100 / wrong;
  if (!isMoodleGrade(Number(formatPercent(plus))) || !isMoodleGrade(Number(formatPercent(minus)))) return null;
  return new Map(q.options.map((o) => [o.id, q.answer.includes(o.id) ? plus : minus]));
}

/**
 * Answers Moodle's short answer accepts for a cloze: the term, its other spellings and its plural
 * (kubelearn also forgives case, spacing, hyphens and a plural "s"; Moodle compares case-insensitively only).
 */
export function clozeAnswers(q: { answer: string; accepted: string[] }): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of [q.answer, ...q.accepted].flatMap((t) => [t.trim(), /s$/i.test(t.trim()) ? "" : `${t.trim()}s`]))
    if (a && !seen.has(a.toLowerCase())) {
      seen.add(a.toLowerCase());
      out.push(a);
    }
  return out;
}

/**
 * The question-bank category a lesson's questions go to ("Get category from file" on import):
 * kubelearn / module / lesson, each name written as Moodle's qformat_default::assemble_category_path
 * writes one: a slash inside it doubled, and a space before a leading or after a trailing slash so
 * split_category_path does not take it for a separator.
 */
export const categoryPath = (l: Pick<LessonQuestions, "moduleTitle" | "title">) =>
  ["$course$", "top", "kubelearn", moodlePlainText(l.moduleTitle), moodlePlainText(l.title)]
    .map((s) => s.replace(/\//g, "//").replace(/^\//, " /").replace(/\/$/, "/ "))
    .join("/");

/** Combined feedback for kinds that have it (multiple choice, matching, ordering). */
export const COMBINED_FEEDBACK = {
  correct: "Your answer is correct.",
  partiallyCorrect: "Your answer is partially correct.",
  incorrect: "Your answer is incorrect.",
} as const;
