import { z } from "zod";

// A lesson's hand-written quiz questions (frontmatter `questions:`), of the kinds that suit writing
// by hand: single choice, multiple select and true/false. lib/quiz turns each into a question of
// that kind (lib/quiz/core/authored-questions.ts); here they are checked as the author wrote them,
// so a question with no right option or a distractor without its misconception fails
// content:check at its own line, not a learner's attempt.

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} must not be empty`);

/** Generated prompts end the same way (see bank-wording.test.ts). */
const prompt = text("a question's prompt").refine((p) => /[?.)]$/.test(p), {
  message: "a prompt ends with a question mark or a full stop",
});

/** The quiz adds the instruction to a multiple-select prompt. */
const multiplePrompt = prompt.refine((p) => !/select all/i.test(p), {
  message: "leave out “Select all that apply”: the quiz adds it",
});

const common = {
  prompt,
  /** Shown once the learner has answered: why the right answer is right. */
  explanation: text("a question's explanation"),
  /** Ids of the lesson's concepts the question tests. */
  concepts: z.array(z.string().min(1)).min(1, "a question tests at least one of the lesson's concepts"),
  /** Id of the lesson section the question is about; the player links to it after answering. */
  section: text("a question's section"),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
};

const option = z.object({
  text: text("an option's text"),
  correct: z.boolean().default(false),
  /** For a wrong option: the misunderstanding that makes someone pick it. */
  misconception: text("a misconception").optional(),
});

type Option = z.infer<typeof option>;
type Issue = { path: (string | number)[]; message: string };

const MAX_OPTIONS = 6;

/** What is wrong with a choice question's options, beyond each option's own shape. */
function optionIssues(kind: "single" | "multiple", options: readonly Option[]): Issue[] {
  const issues: Issue[] = [];
  const right = options.filter((o) => o.correct).length;
  if (kind === "single" && right !== 1)
    issues.push({ path: ["options"], message: `mark exactly one option correct: ${right} are marked` });
  if (kind === "multiple" && right === 0)
    issues.push({ path: ["options"], message: "mark at least one option correct" });
  if (kind === "multiple" && right === options.length)
    issues.push({ path: ["options"], message: "at least one option must be wrong: every option is marked correct" });
  const seen = new Set<string>();
  options.forEach((o, i) => {
    const key = o.text.toLowerCase();
    if (seen.has(key)) issues.push({ path: ["options", i, "text"], message: `option "${o.text}" is listed twice` });
    seen.add(key);
    if (!o.correct && !o.misconception)
      issues.push({
        path: ["options", i],
        message: "a wrong option names the misconception it tests (misconception:)",
      });
    if (o.correct && o.misconception)
      issues.push({ path: ["options", i, "misconception"], message: "a right option has no misconception" });
  });
  return issues;
}

const choiceQuestion = <K extends "single" | "multiple">(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      ...common,
      prompt: kind === "multiple" ? multiplePrompt : prompt,
      options: z
        .array(option)
        .min(3, "a choice question needs at least three options")
        .max(MAX_OPTIONS, `a choice question has at most ${MAX_OPTIONS} options`),
    })
    .superRefine((q, ctx) => {
      for (const issue of optionIssues(kind, q.options)) ctx.addIssue({ code: "custom", ...issue });
    });

/** One question as written in the frontmatter. */
export const authoredQuestionSchema = z.discriminatedUnion("kind", [
  choiceQuestion("single"),
  choiceQuestion("multiple"),
  z.object({
    kind: z.literal("true-false"),
    ...common,
    /** The statement to judge; the quiz puts “True or false?” before it. */
    prompt: prompt
      .refine((p) => !/^true or false/i.test(p), {
        message: "write the statement alone: the quiz adds “True or false?”",
      })
      .refine((p) => p.endsWith("."), { message: "a true/false prompt is a statement: it ends with a full stop" }),
    /** Whether the statement in the prompt is true. */
    answer: z.boolean({ error: "answer is true or false" }),
    /** The misunderstanding behind the wrong verdict. */
    misconception: text("a misconception"),
  }),
]);

export type AuthoredQuestionInput = z.infer<typeof authoredQuestionSchema>;
