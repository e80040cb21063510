import type { Lesson } from "../../content/types";
import { attemptScore, COURSE_TARGET, type QuizScope } from "../../quiz/core/attempt";
import { drawAttemptQuestions } from "../../quiz/core/draw-attempt";
import { gradeResponse } from "../../quiz/core/grade";
import type { Rng } from "../../quiz/core/seeded";
import type { Question } from "../../quiz/core/types";
import { demoResponse } from "./demo-answers";
import type { Knowledge } from "./demo-knowledge";
import { between, chance, rngFor, secret128, seed64 } from "./demo-random";
import type { DemoCourse, DemoQuizAttempt } from "./demo-types";

// Quiz attempts of generated learners, drawn exactly as the quiz service draws a new attempt
// (lib/quiz/core/draw-attempt.ts), so stored questions are real questions with real keys and real
// misconceptions. Drawing runs the simulator for scenario questions (tens of milliseconds a quiz,
// about a second for the final exam), so a class's attempts share a few forms per quiz, as a
// class sitting one paper gets a few versions of it: each form is one real draw with its own seed.

export interface QuizForm {
  seed: string;
  questions: Question[];
}

/** The forms of every quiz of one class, drawn when first needed. */
export class QuizForms {
  private readonly drawn = new Map<string, QuizForm>();
  constructor(
    private readonly course: DemoCourse,
    private readonly seed: number,
    readonly perQuiz: number,
  ) {}

  lessonsOf(scope: QuizScope, target: string): Lesson[] {
    if (scope === "lesson") return this.course.lessons.filter((l) => l.slug === target);
    if (scope === "course") return target === COURSE_TARGET ? this.course.lessons : [];
    return this.course.modules.find((m) => m.id === target)?.lessons ?? [];
  }

  form(scope: QuizScope, target: string, index: number): QuizForm {
    const key = `${scope}:${target}:${index}`;
    let form = this.drawn.get(key);
    if (!form) {
      const seed = seed64(rngFor(this.seed, "form", key));
      form = { seed, questions: drawAttemptQuestions(scope, this.lessonsOf(scope, target), seed) };
      this.drawn.set(key, form);
    }
    return form;
  }
}

export interface QuizTaker {
  rng: Rng;
  knowledge: Knowledge;
  /** Whether the learner has read (completed) the lesson. */
  hasRead: (lessonSlug: string) => boolean;
  /** Concept names per lesson: what a learner may type into a blank by mistake. */
  conceptNames: (lessonSlug: string) => string[];
}

const SECOND = 1000;

/**
 * One attempt from `start`: each question answered after a pause, right with the learner's chance
 * of knowing it (then that practice counts), and finished unless `abandonAfter` answers were given
 * first. Answers never reach `limit`; an attempt cut off by it stays unfinished.
 */
export function takeQuiz(
  taker: QuizTaker,
  form: QuizForm,
  scope: QuizScope,
  target: string,
  start: Date,
  limit: Date,
  abandonAfter: number | null,
): { attempt: DemoQuizAttempt; end: Date } {
  const { rng, knowledge } = taker;
  let t = start.getTime() + between(rng, 5, 30) * SECOND;
  const answers: DemoQuizAttempt["answers"] = [];
  let cutOff = false;
  for (const q of form.questions) {
    if (abandonAfter !== null && answers.length >= abandonAfter) break;
    t += between(rng, 15, 90) * SECOND * q.difficulty;
    if (t >= limit.getTime()) {
      cutOff = true;
      break;
    }
    // Now and then a question is left blank (it scores 0 when the attempt is finished). A final exam
    // can draw two questions with one id from two lessons (e.g. "steps:order"); the service stores
    // one answer per id, so the second stays unanswered here too.
    if (chance(rng, 0.03) || answers.some((a) => a.questionId === q.id)) continue;
    const p = knowledge.chance(q.lessonSlug, q.concepts, q.difficulty, taker.hasRead(q.lessonSlug));
    const response = demoResponse(q, chance(rng, p), rng, knowledge.pull, taker.conceptNames(q.lessonSlug));
    const grade = gradeResponse(q, response);
    answers.push({ questionId: q.id, response: JSON.stringify(response), ...grade, answeredAt: new Date(t) });
    knowledge.practised(q.lessonSlug, q.concepts, grade.correct ? 1 : 0.5);
  }
  const finishAt = t + between(rng, 2, 20) * SECOND;
  const finished = abandonAfter === null && !cutOff && finishAt < limit.getTime();
  const attempt: DemoQuizAttempt = {
    scope,
    target,
    seed: form.seed,
    secret: secret128(rng),
    feedback: chance(rng, 0.7) ? "immediate" : "end",
    questionIds: form.questions.map((q) => q.id),
    questions: form.questions,
    startedAt: start,
    completedAt: finished ? new Date(finishAt) : null,
    score: finished ? attemptScore(answers, form.questions.length) : null,
    answers,
  };
  return { attempt, end: new Date(finished ? finishAt : t) };
}
