import type { ContentLibrary } from "../../content/load-content";
import { toCsv } from "../../csv";
import type { AnsweredAttempt } from "../../db/quiz-attempt-repository";
import type { Repositories } from "../../db/repositories";
import { type LearnerMastery, learnerMastery } from "../../progress/core/learner-mastery";
import { misconceptionKey } from "../../progress/core/misconceptions";
import { isQuizScope } from "../../quiz/core/attempt";
import { misconceptionOf } from "../../quiz/core/grade";
import { templateKey } from "../../quiz/core/templates";
import type { Response } from "../../quiz/core/types";
import { ITEMS_CSV_HEADER, itemsCsvRows } from "../core/class-csv";
import { type FinishedAttemptItems, type ItemStatistics, itemAnalysis } from "../core/item-analysis";

export interface ClassInsightsDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  drillLessons: () => Map<string, string>;
  now: () => Date;
}

export interface ClassMisconception {
  misconception: string;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  sectionTitle: string;
  /** Learners who showed it and have not put it right since. */
  openLearners: number;
  /** Learners who showed it at all. */
  learners: number;
}

export interface ClassInsights {
  className: string;
  members: { userId: string; name: string; mastery: LearnerMastery }[];
  items: ItemStatistics[];
  misconceptions: ClassMisconception[];
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** A finished attempt as item analysis takes it: every drawn question, unanswered ones scoring 0. */
function drawnItems(attempt: AnsweredAttempt): FinishedAttemptItems {
  const questions = new Map(attempt.questions.map((q) => [q.id, q]));
  const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
  return {
    userId: attempt.userId,
    items: attempt.questionIds.flatMap((id) => {
      const q = questions.get(id);
      if (!q) return [];
      const answer = answers.get(id);
      const misconception =
        answer && !answer.correct ? misconceptionOf(q, JSON.parse(answer.response) as Response) : null;
      return [
        { key: templateKey(q), lessonSlug: q.lessonSlug, prompt: q.prompt, score: answer?.score ?? 0, misconception },
      ];
    }),
  };
}

function classMisconceptions(members: ClassInsights["members"]): ClassMisconception[] {
  const byKey = new Map<string, ClassMisconception>();
  for (const member of members)
    for (const m of member.mastery.misconceptions) {
      const key = misconceptionKey(m.lessonSlug, m.misconception);
      const entry = byKey.get(key) ?? { ...m, openLearners: 0, learners: 0 };
      entry.learners += 1;
      if (!m.resolved) entry.openLearners += 1;
      byKey.set(key, entry);
    }
  return [...byKey.values()]
    .map(({ misconception, lessonSlug, lessonTitle, sectionId, sectionTitle, openLearners, learners }) => ({
      misconception,
      lessonSlug,
      lessonTitle,
      sectionId,
      sectionTitle,
      openLearners,
      learners,
    }))
    .sort(
      (a, b) =>
        b.openLearners - a.openLearners || b.learners - a.learners || a.misconception.localeCompare(b.misconception),
    );
}

/**
 * What an instructor learns about one of their classes beyond scores: each learner's mastery per
 * concept, item analysis of the quiz questions they answered, and the class's misconceptions.
 * Four queries for the whole class, whatever its size.
 */
export function createClassInsights(deps: ClassInsightsDeps) {
  const service = {
    async insights(instructorId: string, classId: string): Promise<ClassInsights | null> {
      const cls = await deps.repos.classes.findForInstructor(instructorId, classId);
      if (!cls) return null;
      const ids = cls.members.map((m) => m.userId);
      if (ids.length === 0) return { className: cls.name, members: [], items: [], misconceptions: [] };
      const [attempts, drills, cards, parameters] = await Promise.all([
        deps.repos.quizzes.answeredQuestionsOf(ids),
        deps.repos.drills.listForUsers(ids),
        deps.repos.flashcards.statesOf(ids),
        deps.repos.flashcards.parametersOf(ids),
      ]);
      const course = { lessons: deps.library().lessons, drillLessons: deps.drillLessons() };
      const now = deps.now();
      // Grouped once: filtering the whole class's rows per member grew with the square of the class.
      const attemptsBy = groupBy(attempts, (a) => a.userId);
      const drillsBy = groupBy(drills, (d) => d.userId);
      const members = cls.members.map((m) => ({
        userId: m.userId,
        name: m.name,
        mastery: learnerMastery(
          course,
          {
            quizzes: attemptsBy.get(m.userId) ?? [],
            drills: drillsBy.get(m.userId) ?? [],
            cards: cards.get(m.userId) ?? new Map(),
            parameters: parameters.get(m.userId) ?? null,
          },
          now,
        ),
      }));
      return {
        className: cls.name,
        members,
        // Quiz attempts only: a retake asks just what a learner missed before, which would skew both indices.
        items: itemAnalysis(attempts.filter((a) => a.completedAt !== null && isQuizScope(a.scope)).map(drawnItems)),
        misconceptions: classMisconceptions(members),
      };
    },

    /** The item analysis as a spreadsheet file (one row per question template); null when the class is not this instructor's. */
    async itemsCsv(instructorId: string, classId: string): Promise<{ filename: string; csv: string } | null> {
      const found = await service.insights(instructorId, classId);
      if (!found) return null;
      const lessons = deps.library().lessons;
      const title = (slug: string) => lessons.find((l) => l.slug === slug)?.title ?? slug;
      return {
        filename: `${found.className} items.csv`,
        csv: toCsv(ITEMS_CSV_HEADER, itemsCsvRows(found.items, title)),
      };
    },
  };
  return service;
}

export type ClassInsightsService = ReturnType<typeof createClassInsights>;
