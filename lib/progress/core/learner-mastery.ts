// A learner's rows (quiz answers with their drawn questions, drill step results, flashcard
// states) turned into the evidence the mastery model and the misconception profile take.

import type { Lesson } from "../../content/types";
import type { StepResult } from "../../drills/core/types";
import { lessonCards } from "../../flashcards/core/cards";
import { type CardState, retrievability } from "../../flashcards/core/scheduler";
import type { QuizAnswerRecord } from "../../quiz/core/attempt";
import { misconceptionOf } from "../../quiz/core/grade";
import type { Question, Response } from "../../quiz/core/types";
import { type CardRecall, type ConceptMastery, conceptMastery, type PracticeEvidence } from "./mastery";
import { type ConceptAnswer, type MisconceptionSighting, misconceptionProfile } from "./misconceptions";

export interface LearnerRows {
  quizzes: { questions: Question[]; answers: QuizAnswerRecord[] }[];
  drills: { drillSlug: string; results: Record<string, StepResult> }[];
  cards: Map<string, CardState>;
  /** The learner's own FSRS weights when they optimised them: their forgetting curve, not the defaults'. */
  parameters?: readonly number[] | null;
}

export interface MasteryCourse {
  /** Every lesson, in course order. */
  lessons: Lesson[];
  /** Which lesson each drill practises: a drill step counts for every concept of its lesson. */
  drillLessons: Map<string, string>;
}

export interface NamedConceptMastery extends ConceptMastery {
  conceptName: string;
  lessonTitle: string;
  moduleId: string;
}

export interface NamedMisconception {
  misconception: string;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  sectionTitle: string;
  count: number;
  lastSeen: Date;
  resolved: boolean;
}

export interface LearnerMastery {
  concepts: NamedConceptMastery[];
  misconceptions: NamedMisconception[];
}

function quizEvidence(rows: LearnerRows["quizzes"]) {
  const practice: PracticeEvidence[] = [];
  const sightings: MisconceptionSighting[] = [];
  const answers: ConceptAnswer[] = [];
  for (const attempt of rows) {
    const byId = new Map(attempt.questions.map((q) => [q.id, q]));
    for (const answer of attempt.answers) {
      const q = byId.get(answer.questionId);
      if (!q) continue;
      const at = answer.answeredAt;
      practice.push({ source: "quiz", lessonSlug: q.lessonSlug, concepts: q.concepts, score: answer.score, at });
      answers.push({ lessonSlug: q.lessonSlug, concepts: q.concepts, correct: answer.correct, at });
      if (answer.correct) continue;
      const misconception = misconceptionOf(q, JSON.parse(answer.response) as Response);
      if (misconception)
        sightings.push({ misconception, lessonSlug: q.lessonSlug, sectionId: q.sectionId, concepts: q.concepts, at });
    }
  }
  return { practice, sightings, answers };
}

function drillEvidence(rows: LearnerRows["drills"], course: MasteryCourse, lessons: Map<string, Lesson>) {
  const practice: PracticeEvidence[] = [];
  for (const run of rows) {
    const lesson = lessons.get(course.drillLessons.get(run.drillSlug) ?? "");
    if (!lesson) continue;
    const concepts = lesson.concepts.map((c) => c.id);
    for (const step of Object.values(run.results))
      practice.push({
        source: "drill",
        lessonSlug: lesson.slug,
        concepts,
        score: step.correct ? 1 : 0,
        at: new Date(step.at),
      });
  }
  return practice;
}

// A lesson's cards depend only on the lesson: built once per lesson object, not once per learner
// (class insights ask for every member).
const cardsByLesson = new WeakMap<Lesson, ReturnType<typeof lessonCards>>();
function cardsOf(lesson: Lesson) {
  let cards = cardsByLesson.get(lesson);
  if (!cards) {
    cards = lessonCards(lesson);
    cardsByLesson.set(lesson, cards);
  }
  return cards;
}

function cardRecall(
  states: LearnerRows["cards"],
  lessons: Lesson[],
  now: Date,
  parameters: LearnerRows["parameters"],
): CardRecall[] {
  const recall: CardRecall[] = [];
  for (const lesson of lessons)
    for (const card of cardsOf(lesson)) {
      const state = states.get(card.id);
      if (state?.lastReview)
        recall.push({
          lessonSlug: lesson.slug,
          concepts: card.concepts,
          retrievability: retrievability(state, now, parameters),
        });
    }
  return recall;
}

/** Mastery of every concept in course order, and the misconceptions the learner's wrong answers showed. */
export function learnerMastery(course: MasteryCourse, rows: LearnerRows, now: Date): LearnerMastery {
  const lessons = new Map(course.lessons.map((l) => [l.slug, l]));
  const quiz = quizEvidence(rows.quizzes);
  const practice = [...quiz.practice, ...drillEvidence(rows.drills, course, lessons)];
  const concepts = course.lessons.flatMap((l) => l.concepts.map((c) => ({ lessonSlug: l.slug, conceptId: c.id })));
  const mastery = conceptMastery(concepts, practice, cardRecall(rows.cards, course.lessons, now, rows.parameters));
  return {
    concepts: mastery.map((m) => {
      const lesson = lessons.get(m.lessonSlug)!;
      const name = lesson.concepts.find((c) => c.id === m.conceptId)?.name ?? m.conceptId;
      return { ...m, conceptName: name, lessonTitle: lesson.title, moduleId: lesson.module };
    }),
    misconceptions: misconceptionProfile(quiz.sightings, quiz.answers).flatMap((m) => {
      const lesson = lessons.get(m.lessonSlug);
      if (!lesson) return [];
      const section = lesson.toc.find((t) => t.id === m.sectionId);
      return [
        {
          misconception: m.misconception,
          lessonSlug: lesson.slug,
          lessonTitle: lesson.title,
          sectionId: section ? section.id : "",
          sectionTitle: section ? section.title : lesson.title,
          count: m.count,
          lastSeen: m.lastSeen,
          resolved: m.resolved,
        },
      ];
    }),
  };
}
