import { readingTime } from "../../content/reading-time";
import type { Lesson } from "../../content/types";
import { type Flashcard, lessonCards } from "../../flashcards/core/cards";
import { COURSE_TARGET, type QuizScope } from "../../quiz/core/attempt";
import type { Rng } from "../../quiz/core/seeded";
import { DrillWalks, workOnDrill } from "./demo-drills";
import { DemoDeck } from "./demo-flashcards";
import { conceptDifficulty, Knowledge } from "./demo-knowledge";
import { type LearnerProfile, learnerProfile } from "./demo-learners";
import { type QuizForm, QuizForms, takeQuiz } from "./demo-quizzes";
import { between, chance, rngFor } from "./demo-random";
import type {
  DemoAssignment,
  DemoCourse,
  DemoDrillProgress,
  DemoLearner,
  DemoLessonProgress,
  DemoQuizAttempt,
} from "./demo-types";

// A class's activity, generated: for each learner, days of sessions in which they read lessons in
// course order, take quizzes (drawn as real attempts are), work through drills and review
// flashcards (through the real scheduler), as the kind of learner they are (demo-learners.ts).
// Pure and deterministic: the same course, seed and options give the same rows, and nothing
// happens at or after `end`.

export interface DemoActivityOptions {
  seed: number;
  learners: number;
  /** How many days the activity spans: the last is the day of `end`. */
  days: number;
  end: Date;
  assignments?: DemoAssignment[];
  /** Distinct draws per quiz the class's attempts share (see demo-quizzes.ts); 3 by default. */
  formsPerQuiz?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What every learner of one generated class shares: the drawn quiz forms, drill walks and concept difficulty. */
interface ClassContext {
  course: DemoCourse;
  seed: number;
  end: Date;
  days: number;
  assignments: DemoAssignment[];
  forms: QuizForms;
  walks: DrillWalks;
  difficulty: (lessonSlug: string, conceptId: string) => number;
  cards: Map<string, Flashcard[]>;
}

class LearnerTimeline {
  private readonly rng: Rng;
  private readonly knowledge: Knowledge;
  private readonly deck: DemoDeck;
  private readonly lessons = new Map<string, DemoLessonProgress>();
  private readonly attempts: DemoQuizAttempt[] = [];
  private readonly drills = new Map<string, DemoDrillProgress>();
  private readonly skipped: Set<string>;
  private readonly lastForm = new Map<string, number>();

  constructor(
    private readonly ctx: ClassContext,
    private readonly profile: LearnerProfile,
  ) {
    this.rng = rngFor(ctx.seed, "activity", profile.index);
    this.knowledge = new Knowledge(ctx.seed, profile, ctx.difficulty);
    this.deck = new DemoDeck(this.rng, this.knowledge);
    this.skipped = new Set(
      ctx.assignments.filter(() => chance(this.rng, profile.skipAssignment)).map((a) => `${a.scope}:${a.target}`),
    );
  }

  private get limit() {
    return this.ctx.end.getTime();
  }
  private completed = (slug: string) => this.lessons.get(slug)?.completedAt != null;

  run(): DemoLearner {
    const lastDayStart = Math.floor((this.limit - 1) / DAY) * DAY;
    for (let day = this.profile.firstDay; day <= this.profile.lastDay; day++) {
      const dayStart = lastDayStart - (this.ctx.days - 1 - day) * DAY;
      const weekend = [0, 6].includes(new Date(dayStart).getUTCDay());
      const rate = this.profile.sessionRate * (weekend ? 0.6 : 1);
      // The first and last days of a learner's active stretch always have a session, so a steady
      // learner (the demo learner among them) is active to the end, whatever the dice say.
      const sure = day === this.profile.firstDay || day === this.profile.lastDay;
      if (!sure && !chance(this.rng, rate)) continue;
      const start = dayStart + this.profile.hour * HOUR + between(this.rng, -90, 120) * MINUTE;
      if (start < this.limit) this.session(start, sure);
    }
    const { index, name, email, archetype } = this.profile;
    return {
      index,
      name,
      email,
      archetype,
      lessons: [...this.lessons.values()],
      attempts: this.attempts,
      drills: [...this.drills.values()],
      cardStates: this.deck.cardStates(),
      reviews: this.deck.reviews,
    };
  }

  private session(start: number, sure = false): void {
    let t = start;
    const step = (work: (at: number) => number) => {
      if (t < this.limit) t = work(t) + between(this.rng, 0.5, 4) * MINUTE;
    };
    const readCards = this.ctx.course.lessons.filter((l) => this.completed(l.slug)).flatMap((l) => this.cardsOf(l));
    if (readCards.length > 0 && chance(this.rng, 0.7))
      step((at) => this.deck.session(readCards, new Date(at), this.ctx.end, this.profile.cardsPerSession).getTime());
    const urgent = this.urgentAssignment(t);
    if (urgent) step((at) => this.workTowards(urgent, at));
    else if (chance(this.rng, 0.7)) step((at) => this.studyNext(at));
    const retake = this.retakeCandidate();
    if (retake && chance(this.rng, 0.35)) step((at) => this.quiz("lesson", retake.slug, this.revisit(retake, at)));
    const module = this.ctx.course.modules.find(
      (m) =>
        m.lessons.every((l) => this.completed(l.slug)) &&
        !this.attempts.some((a) => a.scope === "module" && a.target === m.id && a.completedAt),
    );
    if (module && chance(this.rng, 0.5)) step((at) => this.quiz("module", module.id, at));
    if (chance(this.rng, this.profile.drillRate)) step((at) => this.drill(at));
    // A sure session that did nothing else still opens a lesson: the one read last, else the first.
    if (sure && t === start) {
      const lastRead = [...this.lessons.values()].sort(
        (x, y) => y.lastViewedAt.getTime() - x.lastViewedAt.getTime(),
      )[0];
      const lesson = this.ctx.course.lessons.find((l) => l.slug === lastRead?.lessonSlug) ?? this.ctx.course.lessons[0];
      if (lesson) step((at) => this.visit(lesson, at, between(this.rng, 60, 300), 0.2));
    }
  }

  /** An assignment due within four days that the learner has not done on time and means to do. */
  private urgentAssignment(t: number): DemoAssignment | undefined {
    return this.ctx.assignments.find(
      (a) =>
        !this.skipped.has(`${a.scope}:${a.target}`) &&
        a.dueAt.getTime() > t &&
        a.dueAt.getTime() - t < 4 * DAY &&
        !this.attempts.some(
          (x) => x.scope === a.scope && x.target === a.target && x.completedAt && x.completedAt < a.dueAt,
        ),
    );
  }

  /** Reads the assignment's next unread lesson; takes its quiz once all are read, or when it is due tomorrow. */
  private workTowards(a: DemoAssignment, at: number): number {
    const unread = this.ctx.forms.lessonsOf(a.scope, a.target).find((l) => !this.completed(l.slug));
    const dueSoon = a.dueAt.getTime() - at < DAY;
    let t = unread ? this.read(unread, at) : at;
    if (
      t < this.limit &&
      (!this.ctx.forms.lessonsOf(a.scope, a.target).some((l) => !this.completed(l.slug)) || dueSoon)
    )
      t = this.quiz(a.scope, a.target, t + MINUTE);
    return t;
  }

  /** The next lesson in course order, and its quiz once it is read; after the last lesson, the final exam. */
  private studyNext(at: number): number {
    const next = this.ctx.course.lessons.find((l) => !this.completed(l.slug));
    if (!next) {
      const examTaken = this.attempts.some((a) => a.scope === "course" && a.completedAt);
      return !examTaken && chance(this.rng, 0.5) ? this.quiz("course", COURSE_TARGET, at) : at;
    }
    const t = this.read(next, at);
    if (this.completed(next.slug) && chance(this.rng, this.profile.quizAfterLesson))
      return this.quiz("lesson", next.slug, t + MINUTE);
    return t;
  }

  /** The lesson whose newest finished quiz scored under 60%, if any. */
  private retakeCandidate(): Lesson | undefined {
    const newest = new Map<string, number>();
    for (const a of this.attempts) if (a.scope === "lesson" && a.completedAt) newest.set(a.target, a.score ?? 0);
    const slug = [...newest].find(([, score]) => score < 0.6)?.[0];
    return this.ctx.course.lessons.find((l) => l.slug === slug);
  }

  private cardsOf(lesson: Lesson): Flashcard[] {
    return this.ctx.cards.get(lesson.slug) ?? [];
  }

  private visit(lesson: Lesson, at: number, seconds: number, share: number): number {
    const end = Math.min(at + seconds * 1000, this.limit - 1);
    const level2 = lesson.toc.filter((t) => t.level === 2);
    const section = level2[Math.min(level2.length - 1, Math.floor(share * level2.length))]?.id ?? null;
    const row = this.lessons.get(lesson.slug) ?? {
      lessonSlug: lesson.slug,
      startedAt: new Date(at),
      lastViewedAt: new Date(at),
      completedAt: null,
      timeSpentSec: 0,
      lastSectionId: null,
    };
    row.lastViewedAt = new Date(end);
    row.timeSpentSec += Math.round((end - at) / 1000);
    row.lastSectionId = section;
    this.lessons.set(lesson.slug, row);
    return end;
  }

  /** Reads on in the lesson; it is marked complete once about its reading time has been spent on it. */
  private read(lesson: Lesson, at: number): number {
    const needed = readingTime(lesson).minutes * 60;
    const seconds = needed * between(this.rng, 0.3, 0.9);
    const before = this.lessons.get(lesson.slug)?.timeSpentSec ?? 0;
    const share = Math.min(1, (before + seconds) / needed);
    const t = this.visit(lesson, at, seconds, share);
    const row = this.lessons.get(lesson.slug)!;
    if (t < this.limit - 1 && row.timeSpentSec >= 0.8 * needed) row.completedAt = new Date(t);
    return t;
  }

  /** A short look back at a lesson before retaking its quiz. */
  private revisit(lesson: Lesson, at: number): number {
    return chance(this.rng, 0.5) ? this.visit(lesson, at, between(this.rng, 2, 6) * 60, 1) + MINUTE : at;
  }

  private quiz(scope: QuizScope, target: string, at: number): number {
    if (at >= this.limit || this.skipped.has(`${scope}:${target}`)) return at;
    const form = this.pickForm(scope, target);
    const abandon = chance(this.rng, 0.06) ? 1 + this.rng.int(5) : null;
    const taker = {
      rng: this.rng,
      knowledge: this.knowledge,
      hasRead: this.completed,
      conceptNames: (slug: string) =>
        this.ctx.course.lessons.find((l) => l.slug === slug)?.concepts.map((c) => c.name) ?? [],
    };
    const { attempt, end } = takeQuiz(taker, form, scope, target, new Date(at), this.ctx.end, abandon);
    this.attempts.push(attempt);
    return end.getTime();
  }

  /** A form of the quiz, not the one this learner took last time when there are several. */
  private pickForm(scope: QuizScope, target: string): QuizForm {
    const forms = scope === "course" ? 1 : this.ctx.forms.perQuiz;
    const key = `${scope}:${target}`;
    const last = this.lastForm.get(key);
    let index = this.rng.int(forms);
    if (forms > 1 && index === last) index = (index + 1) % forms;
    this.lastForm.set(key, index);
    return this.ctx.forms.form(scope, target, index);
  }

  /** Continues a drill left unfinished, else starts one of a lesson already read. */
  private drill(at: number): number {
    const drills = this.ctx.course.drills;
    const open = drills.find((d) => {
      const p = this.drills.get(d.slug);
      return p !== undefined && p.completedAt === null;
    });
    const drill = open ?? drills.find((d) => !this.drills.has(d.slug) && this.completed(d.lesson));
    if (!drill) return at;
    const lesson = this.ctx.course.lessons.find((l) => l.slug === drill.lesson);
    const concepts = lesson?.concepts.map((c) => c.id) ?? [];
    const walked = this.ctx.walks.of(drill);
    const left = walked.length - Object.keys(this.drills.get(drill.slug)?.results ?? {}).length;
    const steps = chance(this.rng, 0.6) ? left : 1 + this.rng.int(Math.max(1, left - 1));
    const learner = { rng: this.rng, knowledge: this.knowledge, concepts };
    const worked = workOnDrill(drill, walked, this.drills.get(drill.slug), learner, new Date(at), this.ctx.end, steps);
    if (worked.progress) this.drills.set(drill.slug, worked.progress);
    return worked.end.getTime();
  }
}

/**
 * Activity for `learners` learners over `days` days up to `end`. Learner i is the same whatever
 * the class size (their randomness is seeded by the seed and i); learner 0 is always a steady one.
 */
export function generateClassActivity(course: DemoCourse, options: DemoActivityOptions): DemoLearner[] {
  const ctx: ClassContext = {
    course,
    seed: options.seed,
    end: options.end,
    days: options.days,
    assignments: [...(options.assignments ?? [])].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    forms: new QuizForms(course, options.seed, Math.max(1, options.formsPerQuiz ?? 3)),
    walks: new DrillWalks(),
    difficulty: conceptDifficulty(options.seed),
    cards: new Map(course.lessons.map((l) => [l.slug, lessonCards(l)])),
  };
  return Array.from({ length: options.learners }, (_, i) =>
    new LearnerTimeline(ctx, learnerProfile(options.seed, i, options.days)).run(),
  );
}
