import type { AuthoredQuestion, Lesson } from "../../content/types";
import type { MultipleQuestion } from "./kinds/multiple";
import type { SingleQuestion } from "./kinds/single";
import type { TrueFalseQuestion } from "./kinds/true-false";
import { opaqueId } from "./seeded";
import type { Option, Question, QuestionBase } from "./types";

// The lesson's hand-written questions (frontmatter `questions:`, lib/content/authored-questions.ts)
// as questions of their kinds: the same shapes, grading and public form as generated ones, so the
// kind modules judge them like any other. Written by a person, they need no seed and no blanking.

/** The prefix of every authored question's id; templates.ts makes each one a template of its own. */
export const AUTHORED_PREFIX = "authored";

/**
 * Stable while the prompt stays the same: an edit elsewhere in the lesson does not change it, and
 * content:check refuses two questions with one prompt.
 */
export const authoredQuestionId = (lessonSlug: string, prompt: string) =>
  `${AUTHORED_PREFIX}:${opaqueId(lessonSlug, prompt)}`;

function choiceOptions(id: string, written: Extract<AuthoredQuestion, { options: unknown }>["options"]) {
  const options: Option[] = written.map((o) => ({
    id: opaqueId(id, o.text),
    text: o.text,
    ...(o.misconception ? { misconception: o.misconception } : {}),
  }));
  return { options, right: options.filter((_, i) => written[i].correct).map((o) => o.id) };
}

export function authoredQuestion(lesson: Lesson, written: AuthoredQuestion): Question {
  const id = authoredQuestionId(lesson.slug, written.prompt);
  const base: Omit<QuestionBase, "prompt"> = {
    id,
    lessonSlug: lesson.slug,
    sectionId: written.sectionId,
    explanation: written.explanation,
    concepts: written.concepts,
    difficulty: written.difficulty,
    source: "authored",
  };
  switch (written.kind) {
    case "single": {
      const { options, right } = choiceOptions(id, written.options);
      return { ...base, kind: "single", prompt: written.prompt, options, answer: right[0] } satisfies SingleQuestion;
    }
    case "multiple": {
      const { options, right } = choiceOptions(id, written.options);
      return {
        ...base,
        kind: "multiple",
        prompt: `${written.prompt} Select all that apply.`,
        options,
        answer: right,
      } satisfies MultipleQuestion;
    }
    case "true-false":
      return {
        ...base,
        kind: "true-false",
        prompt: `True or false? ${written.prompt}`,
        // As generated true/false questions have them: "True" first, never shuffled.
        options: [
          { id: "true", text: "True", ...(written.answer ? {} : { misconception: written.misconception }) },
          { id: "false", text: "False", ...(written.answer ? { misconception: written.misconception } : {}) },
        ],
        answer: written.answer ? "true" : "false",
      } satisfies TrueFalseQuestion;
    default: {
      const _exhaustive: never = written;
      return _exhaustive;
    }
  }
}

/** Every hand-written question of the lesson, in file order. */
export const authoredQuestions = (lesson: Lesson): Question[] =>
  lesson.authoredQuestions.map((q) => authoredQuestion(lesson, q));
