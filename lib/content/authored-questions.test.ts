import { describe, expect, it } from "vitest";
import { parseLesson } from "./parse-lesson";
import { authoredQuestionsYaml, lessonWithQuestions, lineContaining, validLesson } from "./test-support/lesson-fixture";

const parse = (yaml?: string) => parseLesson(lessonWithQuestions(yaml), "content/testing/01-alpha.md");

/** The fixture's questions with one part rewritten; fails loudly when that part is not there. */
function questionsWith(from: string, to: string): string {
  if (!authoredQuestionsYaml.includes(from)) throw new Error(`questions do not contain ${JSON.stringify(from)}`);
  return authoredQuestionsYaml.replace(from, to);
}

/** The problems of the fixture with its questions rewritten, as "line: message". */
function problemsWith(from: string, to: string): string[] {
  return parse(questionsWith(from, to)).problems.map((p) => `${p.line}: ${p.message}`);
}

/** The file line of the first line of the rewritten fixture that contains `text`. */
const lineOf = (from: string, to: string, text: string) =>
  lineContaining(lessonWithQuestions(questionsWith(from, to)), text);

describe("hand-written questions in the frontmatter", () => {
  it("are read with their kind, options, concepts, section, difficulty and line", () => {
    const { lesson, problems } = parse();
    expect(problems).toEqual([]);
    const source = lessonWithQuestions();
    expect(lesson!.authoredQuestions).toEqual([
      {
        kind: "single",
        prompt: "Why does the first thing outlast the second?",
        concepts: ["alpha", "beta"],
        sectionId: "comparison",
        difficulty: 2,
        options: [
          { text: "The system owns it and keeps it for good.", correct: true },
          { text: "A user renews it every day.", correct: false, misconception: "Thinks a user keeps it alive." },
          {
            text: "It is copied whenever it would expire.",
            correct: false,
            misconception: "Thinks it is replaced rather than kept.",
          },
        ],
        explanation: "The comparison says the system owns Alpha, and Alpha lasts forever.",
        line: lineContaining(source, "- kind: single"),
      },
      expect.objectContaining({ kind: "multiple", sectionId: "scope", difficulty: 3 }),
      {
        kind: "true-false",
        prompt: "A user owns the first thing.",
        answer: false,
        misconception: "Gives Alpha the owner of Beta.",
        concepts: ["alpha"],
        sectionId: "comparison",
        difficulty: 2,
        explanation: "The system owns Alpha; a user owns Beta.",
        line: lineContaining(source, "- kind: true-false"),
      },
    ]);
  });

  it("are optional", () => {
    const { lesson } = parseLesson(validLesson, "x.md");
    expect(lesson!.authoredQuestions).toEqual([]);
    expect(lesson!.questions).toEqual([]);
  });

  it("must mark exactly one right option in a single choice, reported at the options' line", () => {
    const from = "      - text: A user renews it every day.\n";
    const to = "      - text: A user renews it every day.\n        correct: true\n";
    expect(problemsWith(from, to)).toContain(
      `${lineOf(from, to, "    options:")}: frontmatter questions.0.options: mark exactly one option correct: 2 are marked`,
    );
    const none = "        correct: true\n      - text: A user renews";
    expect(problemsWith(none, "      - text: A user renews")).toContain(
      `${lineOf(none, "      - text: A user renews", "    options:")}: frontmatter questions.0.options: mark exactly one option correct: 0 are marked`,
    );
  });

  it("must leave a multiple select with a right and a wrong option", () => {
    const wrong = [
      "        misconception: Gives it the other thing's lifetime.",
      "        misconception: Gives it the other thing's owner.",
    ];
    const allRight = wrong.reduce((yaml, line) => yaml.replace(line, "        correct: true"), authoredQuestionsYaml);
    expect(parse(allRight).problems.map((p) => p.message)).toContain(
      "frontmatter questions.1.options: at least one option must be wrong: every option is marked correct",
    );
  });

  it("wants a misconception on every wrong option and on none of the right ones, at the option's line", () => {
    const from = "        misconception: Thinks a user keeps it alive.\n";
    expect(problemsWith(from, "")).toEqual([
      `${lineOf(from, "", "A user renews it every day.")}: frontmatter questions.0.options.1: a wrong option names the misconception it tests (misconception:)`,
    ]);
    const right = "        correct: true\n      - text: A user renews";
    const withMisconception = "        correct: true\n        misconception: Nothing.\n      - text: A user renews";
    expect(problemsWith(right, withMisconception)).toEqual([
      `${lineOf(right, withMisconception, "misconception: Nothing.")}: frontmatter questions.0.options.0.misconception: a right option has no misconception`,
    ]);
    const tf = "    misconception: Gives Alpha the owner of Beta.\n";
    expect(problemsWith(tf, "")).toEqual([
      `${lineOf(tf, "", "- kind: true-false")}: frontmatter questions.2.misconception: a misconception is missing`,
    ]);
  });

  it("refuses an unknown kind, a repeated option, too few options and a true/false answer that is not a boolean", () => {
    expect(problemsWith("- kind: single", "- kind: essay")[0]).toMatch(
      /frontmatter questions\.0\.kind: Invalid discriminator value\. Expected 'single' \| 'multiple' \| 'true-false'/,
    );
    // Told apart by case only, the same option still.
    const repeated = ["It is copied whenever it would expire.", "A USER renews it every day."] as const;
    expect(problemsWith(...repeated)).toContain(
      `${lineOf(...repeated, "A USER")}: frontmatter questions.0.options.2.text: option "A USER renews it every day." is listed twice`,
    );
    const third =
      "      - text: It is copied whenever it would expire.\n        misconception: Thinks it is replaced rather than kept.\n";
    expect(problemsWith(third, "").map((p) => p.replace(/^\d+: /, ""))).toEqual([
      "frontmatter questions.0.options: a choice question needs at least three options",
    ]);
    expect(problemsWith("answer: false", "answer: nope")).toEqual([
      `${lineOf("answer: false", "answer: nope", "answer: nope")}: frontmatter questions.2.answer: answer is true or false`,
    ]);
  });

  it("words prompts as the quiz shows them", () => {
    const messages = (from: string, to: string) => problemsWith(from, to).map((p) => p.replace(/^\d+: /, ""));
    expect(messages("outlast the second?", "outlast the second")).toEqual([
      "frontmatter questions.0.prompt: a prompt ends with a question mark or a full stop",
    ]);
    expect(messages("prompt: A user owns", "prompt: True or false? A user owns")).toEqual([
      "frontmatter questions.2.prompt: write the statement alone: the quiz adds “True or false?”",
    ]);
    expect(messages("owns the first thing.", "owns the first thing?")).toEqual([
      "frontmatter questions.2.prompt: a true/false prompt is a statement: it ends with a full stop",
    ]);
    expect(messages("hold for the first thing?", "hold for the first thing? Select all that apply.")).toEqual([
      "frontmatter questions.1.prompt: leave out “Select all that apply”: the quiz adds it",
    ]);
  });

  it("must test the lesson's own concepts and name one of its sections, at their lines", () => {
    const concept = "concepts: [alpha, beta]";
    expect(problemsWith(concept, "concepts: [alpha, gamma]")).toEqual([
      `${lineOf(concept, "concepts: [alpha, gamma]", "concepts: [alpha, gamma]")}: frontmatter questions.0.concepts: "gamma" is not one of the lesson's concepts (alpha, beta)`,
    ]);
    expect(problemsWith(concept, "concepts: []").map((p) => p.replace(/^\d+: /, ""))).toEqual([
      "frontmatter questions.0.concepts: a question tests at least one of the lesson's concepts",
    ]);
    const section = "    section: scope";
    expect(problemsWith(section, "    section: nowhere")).toEqual([
      `${lineOf(section, "    section: nowhere", "section: nowhere")}: frontmatter questions.1.section: no section has the id "nowhere"`,
    ]);
  });

  it("must not repeat a prompt", () => {
    const twice = questionsWith(
      "prompt: Which of these hold for the first thing?",
      "prompt: why does the first thing outlast the second?",
    );
    expect(parse(twice).problems.map((p) => p.message)).toEqual([
      "frontmatter questions.1.prompt: the same prompt as questions.0",
    ]);
  });
});
