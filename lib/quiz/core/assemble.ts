import { hash32, type QuizSeed, Rng, shuffle } from "./seeded";
import { templateKey, templateOf } from "./templates";
import type { Question, QuestionSource } from "./types";

export const DEFAULT_QUIZ_LENGTH = 10;

/**
 * What a question is about; a quiz asks about each subject once, so one question never gives away
 * another's answer (e.g. "scope of a Pod IP" as both a true/false and a single choice).
 */
export function subjectOf(q: Pick<Question, "id" | "lessonSlug">): string {
  const [generator, ...rest] = q.id.split(":");
  switch (generator) {
    case "table-concept":
    case "table-value":
    case "table-tf":
      return `${q.lessonSlug}/row:${rest[0]}`;
    case "odd-one-out":
      return `${q.lessonSlug}/odd-one-out:${rest[0]}`;
    case "attribute":
      return `${q.lessonSlug}/attribute:${rest[0]}:${rest[1]}`;
    case "scenario":
      return `scenario:${rest[0]}`;
    default:
      return `${q.lessonSlug}/${q.id}`;
  }
}

/**
 * The share of an attempt each source gets while it has subjects left; the lesson's structure, the
 * largest source, fills the rest. A hand-written question is asked less often than a scenario so
 * that a lesson's few of them do not come back in every attempt.
 */
export const SOURCE_SHARES: Record<QuestionSource, number | "rest"> = {
  lesson: "rest",
  simulator: 1 / 4,
  authored: 1 / 8,
};

/** What a draw looks at; the pool's scenario questions are not built until drawn (see pool.ts). */
export type Drawable = Pick<Question, "id" | "kind" | "source" | "difficulty" | "concepts" | "lessonSlug">;

export interface DrawOptions {
  length?: number;
  /** The module of each lesson, for a course-wide quiz: every module is asked about before any twice. */
  moduleOf?: (lessonSlug: string) => string;
}

/** How often each value has been drawn so far. */
class Tally {
  private counts = new Map<string, number>();
  of = (key: string) => this.counts.get(key) ?? 0;
  add = (key: string) => this.counts.set(key, this.of(key) + 1);
}

/**
 * A quiz drawn from a pool, seeded. Hard rules: each subject once, and never two questions of one
 * template over one target (templates.ts). Within them, each next question is the one that best
 * spreads the quiz: first over modules and lessons (a module quiz asks about every lesson, a course
 * quiz about every module), then over sources (simulator, authored) while a source is short of its
 * share (SOURCE_SHARES), then over concepts, kinds, rarely asked concepts first, and templates; ties
 * go by the seeded shuffle.
 * Easier questions come first.
 */
export function drawQuiz<Q extends Drawable>(pool: readonly Q[], seed: QuizSeed, options: DrawOptions = {}): Q[] {
  const length = options.length ?? DEFAULT_QUIZ_LENGTH;
  const moduleOf = options.moduleOf ?? (() => "");
  const rng = new Rng(hash32(`draw:${seed}`));
  const shuffled = shuffle(pool, rng);
  const maxPerKind = Math.max(2, Math.ceil(length / 3));
  // Counted once per source: cost() asks for every candidate at every pick, and counting walks the
  // whole pool (over a second per final exam of 1,000 questions when it was counted each time).
  const shares = new Map<QuestionSource, number>();
  const shareOf = (source: QuestionSource) => {
    let share = shares.get(source);
    if (share === undefined) {
      const fraction = SOURCE_SHARES[source];
      share = fraction === "rest" ? length : Math.min(Math.ceil(length * fraction), subjectsOf(pool, source));
      shares.set(source, share);
    }
    return share;
  };
  const subjects = new Set<string>();
  const keys = new Set<string>();
  const tally = {
    module: new Tally(),
    lesson: new Tally(),
    source: new Tally(),
    concept: new Tally(),
    kind: new Tally(),
    template: new Tally(),
  };
  // Question ids are unique within a lesson only (two lessons' "steps:order" share one), and an
  // attempt knows its questions by id: a course or module quiz never holds one id twice.
  const ids = new Set<string>();
  // What each candidate is (subject, template, concepts, module) does not change during the draw:
  // worked out once, not at every pick for every candidate (that was most of a start's CPU).
  const candidates = shuffled.map((q) => ({
    q,
    subject: subjectOf(q),
    key: templateKey(q),
    template: templateOf(q),
    module: moduleOf(q.lessonSlug),
    concepts: q.concepts.map((c) => `${q.lessonSlug}/${c}`),
  }));
  type C = (typeof candidates)[number];
  const picked: C[] = [];
  const allowed = ({ q, subject, key }: C, capKinds: boolean) =>
    !ids.has(q.id) && !subjects.has(subject) && !keys.has(key) && (!capKinds || tally.kind.of(q.kind) < maxPerKind);
  const questionsAbout = new Tally();
  for (const c of candidates) for (const concept of c.concepts) questionsAbout.add(concept);
  const leastAsked = (c: C) => Math.min(...c.concepts.map(tally.concept.of));
  /**
   * Of the concepts a question would ask about first, how few questions the pool has on the rarest:
   * a concept that few questions are about is asked while one of them still fits the mix, before
   * the kind cap leaves none (a source's share can take the kind it needs).
   */
  const scarcity = (c: C, least: number) =>
    Math.min(...c.concepts.filter((concept) => tally.concept.of(concept) === least).map(questionsAbout.of));
  /** Lower is better, compared in order. */
  const cost = (c: C): number[] => {
    const { q } = c;
    const least = leastAsked(c);
    return [
      tally.module.of(c.module),
      tally.lesson.of(q.lessonSlug),
      SOURCE_SHARES[q.source] === "rest" ? 1 : tally.source.of(q.source) < shareOf(q.source) ? 0 : 2,
      least,
      tally.kind.of(q.kind),
      scarcity(c, least),
      tally.template.of(c.template),
    ];
  };
  while (picked.length < length) {
    const open = candidates.filter((c) => allowed(c, true));
    const pool = open.length > 0 ? open : candidates.filter((c) => allowed(c, false)); // a small pool: relax the mix
    if (pool.length === 0) break;
    // The first of the cheapest, in the shuffled order (each candidate's cost computed once per pick).
    let next = pool[0];
    let nextCost = cost(next);
    for (const c of pool.slice(1)) {
      const costOfC = cost(c);
      if (lessThan(costOfC, nextCost)) [next, nextCost] = [c, costOfC];
    }
    picked.push(next);
    ids.add(next.q.id);
    subjects.add(next.subject);
    keys.add(next.key);
    tally.module.add(next.module);
    tally.lesson.add(next.q.lessonSlug);
    tally.source.add(next.q.source);
    for (const concept of next.concepts) tally.concept.add(concept);
    tally.kind.add(next.q.kind);
    tally.template.add(next.template);
  }
  return picked.map((c) => c.q).sort((a, b) => a.difficulty - b.difficulty);
}

function subjectsOf(pool: readonly Drawable[], source: QuestionSource): number {
  return new Set(pool.filter((q) => q.source === source).map(subjectOf)).size;
}

function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
