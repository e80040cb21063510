import type { ContentLibrary } from "../../content/load-content";
import { toCsv } from "../../csv";
import { instantOfDateTimeLocal } from "../../dates";
import {
  type AssignmentRecord,
  type ClassSummary,
  JoinCodeTakenError,
  type MemberWork,
} from "../../db/class-repository";
import type { Repositories } from "../../db/repositories";
import { lessonCards } from "../../flashcards/core/cards";
import { fail, ok, type Result } from "../../result";
import { isSupportedTimeZone, sameWallClockIn } from "../../time-zones";
import { drillAttempts, reviewAttempts, type WorkWindow } from "../core/assigned-work";
import { assignmentChoices, type DrillInfo, describeAssignment, isAssignmentScope } from "../core/assignment-kinds";
import { learnersAtRisk } from "../core/at-risk";
import { RESULTS_CSV_HEADER, resultsCsvRows } from "../core/class-csv";
import {
  type AssignmentInfo,
  classResults,
  type FinishedAttempt,
  formatJoinCode,
  type MemberInfo,
  normaliseJoinCode,
  type ResultCell,
} from "../core/results";
import { type AddAssignmentInput, dueDateProblem } from "./schemas";

export interface ClassServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
  randomBytes: (n: number) => Uint8Array;
  /** The published drills: to assign them, and for "drills completed" out of a total. */
  drills: () => readonly DrillInfo[];
}

/** An assignment as the service takes it: the quiz chosen in the form and the due date typed in the class's zone. */
export type NewAssignment = Pick<AddAssignmentInput, "quiz" | "dueAt">;

export interface AssignmentView extends AssignmentRecord {
  title: string;
  href: string;
}

const assignmentView = (deps: ClassServiceDeps, a: AssignmentRecord): AssignmentView => ({
  ...a,
  ...(describeAssignment(deps.library(), deps.drills(), a.scope, a.target) ?? {
    title: `${a.scope} ${a.target} (no longer published)`,
    href: "/lessons",
  }),
});

/** A class gets a fresh random join code; a clash with an existing one is retried a few times. */
async function createClass(
  deps: ClassServiceDeps,
  instructorId: string,
  input: { name: string; timeZone: string },
): Promise<Result<{ id: string }>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const created = await deps.repos.classes.create(
        instructorId,
        { ...input, joinCode: formatJoinCode(deps.randomBytes(8)) },
        deps.now(),
      );
      return ok({ id: created.id });
    } catch (err) {
      if (!(err instanceof JoinCodeTakenError)) throw err;
    }
  }
  return fail("Could not find a free join code; try again.");
}

/**
 * What the work assignments name (the lessons whose cards review assignments name, the drills
 * drill assignments name) and the earliest time work can count for one, so that only that work is read.
 */
function workWindow(
  assignments: readonly { scope: string; target: string; createdAt: Date }[],
  members: readonly { joinedAt: Date }[],
): WorkWindow {
  const work = assignments.filter((a) => a.scope === "review" || a.scope === "drill");
  const times = [...work.map((a) => a.createdAt), ...members.map((m) => m.joinedAt)].map((d) => d.getTime());
  const targets = (scope: string) => [...new Set(work.filter((a) => a.scope === scope).map((a) => a.target))];
  return {
    lessons: targets("review"),
    drills: targets("drill"),
    since: new Date(times.length ? Math.min(...times) : 0),
  };
}

/** Drill runs and flashcard ratings as the finished work the results table counts (core/assigned-work.ts). */
function workAttempts(
  library: ContentLibrary,
  members: readonly MemberInfo[],
  assignments: readonly AssignmentInfo[],
  work: MemberWork | null,
): FinishedAttempt[] {
  if (!work) return [];
  const cardsOf = (slug: string) => {
    const lesson = library.lessons.find((l) => l.slug === slug);
    return lesson ? lessonCards(lesson).map((c) => c.id) : [];
  };
  return [
    ...drillAttempts(work.drills),
    ...reviewAttempts({ members, assignments, ratings: work.ratings, suspended: work.suspended, cardsOf }),
  ];
}

/** The instructor's view of one class: members, assignments, the results table and recent activity. */
async function classDetail(deps: ClassServiceDeps, instructorId: string, classId: string) {
  const cls = await deps.repos.classes.findForInstructor(instructorId, classId);
  if (!cls) return null;
  const library = deps.library();
  const now = deps.now();
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const counted = workWindow(cls.assignments, cls.members);
  const [attempts, activity, work] = await Promise.all([
    deps.repos.classes.memberAttempts(instructorId, classId),
    deps.repos.classes.memberProgress(instructorId, classId, since),
    deps.repos.classes.memberWork(instructorId, classId, counted),
  ]);
  const assignments = cls.assignments.map((a) => assignmentView(deps, a));
  const progress = cls.members.map(({ userId }) => ({
    userId,
    ...(activity?.get(userId) ?? { lessonsCompleted: 0, drillsCompleted: 0, reviews: 0, lastActive: null }),
  }));
  const done = [...(attempts ?? []), ...workAttempts(library, cls.members, assignments, work)];
  const results = classResults(cls.members, assignments, done, now);
  const lastActivity = new Map(progress.flatMap((p) => (p.lastActive ? [[p.userId, p.lastActive] as const] : [])));
  return {
    ...cls,
    assignments,
    results,
    atRisk: learnersAtRisk({ members: cls.members, assignments, results, lastActivity, now, timeZone: cls.timeZone }),
    progress,
    totals: { lessons: library.lessons.length, drills: deps.drills().length },
  };
}

/**
 * The results table as a spreadsheet file: one row per learner and assignment, every time in the
 * class's zone. Null when the class is not this instructor's (the route answers 404).
 */
async function resultsCsv(deps: ClassServiceDeps, instructorId: string, classId: string) {
  const cls = await classDetail(deps, instructorId, classId);
  if (!cls) return null;
  return { filename: `${cls.name} results.csv`, csv: toCsv(RESULTS_CSV_HEADER, resultsCsvRows(cls)) };
}

/** The instant a due date typed in a class's zone means, or why it cannot be one (for the due date field). */
function dueInstant(local: string, timeZone: string, now: Date): Result<Date> {
  const problem = dueDateProblem(local, timeZone, now);
  if (problem) return fail(problem, "dueAt");
  const parsed = instantOfDateTimeLocal(local, timeZone);
  if (!parsed.ok) return fail("Pick a due date and time.", "dueAt");
  if (parsed.instant.getTime() <= now.getTime()) return fail("The due date must be in the future.", "dueAt");
  return ok(parsed.instant);
}

async function addAssignment(
  deps: ClassServiceDeps,
  instructorId: string,
  classId: string,
  input: NewAssignment,
): Promise<Result<AssignmentView>> {
  const [scope, target] = input.quiz.split(":");
  const quiz = isAssignmentScope(scope) ? describeAssignment(deps.library(), deps.drills(), scope, target) : null;
  if (!isAssignmentScope(scope) || !quiz)
    return fail("Choose a quiz, drill or lesson's flashcards from the list.", "quiz");
  const timeZone = await deps.repos.classes.timeZoneForInstructor(instructorId, classId);
  if (!timeZone) return fail("There is no such class.");
  const now = deps.now();
  const dueAt = dueInstant(input.dueAt, timeZone, now);
  if (!dueAt.ok) return dueAt;
  const outcome = await deps.repos.classes.addAssignment(
    instructorId,
    classId,
    { scope, target, dueAt: dueAt.value },
    now,
  );
  switch (outcome.kind) {
    case "created":
      return ok(assignmentView(deps, outcome.assignment));
    case "duplicate":
      return fail(
        `This class already has “${quiz.title}”. Change its due date under Assignments instead of assigning it twice.`,
        "quiz",
      );
    case "no-class":
      return fail("There is no such class.");
    default:
      return outcome satisfies never;
  }
}

/** Moves an assignment's due date; the new one is typed in the class's zone, like a new assignment's. */
async function changeDueDate(
  deps: ClassServiceDeps,
  instructorId: string,
  assignmentId: string,
  local: string,
): Promise<Result<AssignmentView>> {
  const gone = "That assignment was removed; reload the page.";
  const found = await deps.repos.classes.findAssignmentForInstructor(instructorId, assignmentId);
  if (!found) return fail(gone);
  const dueAt = dueInstant(local, found.timeZone, deps.now());
  if (!dueAt.ok) return dueAt;
  const updated = await deps.repos.classes.setDueDate(instructorId, assignmentId, dueAt.value);
  return updated ? ok(assignmentView(deps, updated)) : fail(gone);
}

/**
 * Moves one of the instructor's classes to another zone. Due dates keep their date and time of day
 * on the class's clock (17:00 in the old zone becomes 17:00 in the new), so an instructor who set
 * the wrong zone fixes every deadline at once; learners and instructors see the moved instants.
 */
async function changeTimeZone(
  deps: ClassServiceDeps,
  instructorId: string,
  classId: string,
  timeZone: string,
): Promise<Result<{ from: string; to: string; moved: number }>> {
  if (!isSupportedTimeZone(timeZone)) return fail("Choose a time zone from the list.", "timeZone");
  const changed = await deps.repos.classes.changeTimeZone(instructorId, classId, timeZone, (dueAt, from) =>
    sameWallClockIn(dueAt, from, timeZone),
  );
  if (!changed) return fail("There is no such class.");
  return ok({ from: changed.from, to: timeZone, moved: changed.moved });
}

/** A learner's classes and assignments, each with where the learner stands. */
async function learnerClasses(deps: ClassServiceDeps, userId: string) {
  const [classes, attempts] = await Promise.all([
    deps.repos.classes.listForMember(userId),
    deps.repos.classes.finishedAttemptsOf(userId),
  ]);
  const library = deps.library();
  const now = deps.now();
  const memberships = classes.map((c) => ({ userId, joinedAt: c.joinedAt }));
  const counted = workWindow(
    classes.flatMap((c) => c.assignments),
    memberships,
  );
  const work = await deps.repos.classes.workOf(userId, counted);
  return classes.map((c, i) => {
    const assignments = c.assignments.map((a) => assignmentView(deps, a));
    const done = [...attempts, ...workAttempts(library, [memberships[i]], assignments, work)];
    const results = classResults([memberships[i]], assignments, done, now);
    return {
      ...c,
      assignments: assignments.map((a) => ({ ...a, result: results.cells[userId][a.id] as ResultCell })),
    };
  });
}

export function createClassService(deps: ClassServiceDeps) {
  return {
    /** What an instructor can assign, grouped: quizzes, drills, lessons' flashcards. */
    assignmentChoices: () => assignmentChoices(deps.library(), deps.drills()),

    /** The instructor's own classes, newest first, with member and assignment counts. */
    instructorClasses: (instructorId: string): Promise<ClassSummary[]> =>
      deps.repos.classes.listForInstructor(instructorId),

    createClass: (instructorId: string, input: { name: string; timeZone: string }) =>
      createClass(deps, instructorId, input),
    classDetail: (instructorId: string, classId: string) => classDetail(deps, instructorId, classId),
    resultsCsv: (instructorId: string, classId: string) => resultsCsv(deps, instructorId, classId),
    addAssignment: (instructorId: string, classId: string, input: NewAssignment) =>
      addAssignment(deps, instructorId, classId, input),
    changeDueDate: (instructorId: string, assignmentId: string, dueAt: string) =>
      changeDueDate(deps, instructorId, assignmentId, dueAt),
    changeTimeZone: (instructorId: string, classId: string, timeZone: string) =>
      changeTimeZone(deps, instructorId, classId, timeZone),

    /** Removes an assignment from one of the instructor's classes (with the results it showed). */
    async removeAssignment(instructorId: string, assignmentId: string): Promise<Result<null>> {
      const removed = await deps.repos.classes.removeAssignment(instructorId, assignmentId);
      return removed ? ok(null) : fail("That assignment was already removed.");
    },

    /** Takes a learner out of one of the instructor's classes; their own attempts and progress stay. */
    async removeMember(instructorId: string, classId: string, userId: string): Promise<Result<null>> {
      const removed = await deps.repos.classes.removeMember(instructorId, classId, userId);
      return removed ? ok(null) : fail("That learner is no longer in the class.");
    },

    /**
     * Who made an attempt, when its review is the instructor's to read: a finished attempt of a
     * learner in one of their classes. Null otherwise.
     */
    reviewableAttemptOwner: (instructorId: string, attemptId: string) =>
      deps.repos.classes.attemptOwnerForInstructor(instructorId, attemptId),

    async join(userId: string, code: string): Promise<Result<{ name: string }>> {
      const joined = await deps.repos.classes.join(userId, normaliseJoinCode(code), deps.now());
      return joined
        ? ok({ name: joined.name })
        : fail("No class has that code. Check it with your instructor (it looks like ABCD-2345).");
    },

    learnerClasses: (userId: string) => learnerClasses(deps, userId),
  };
}

export type ClassService = ReturnType<typeof createClassService>;

/** One class as its instructor sees it (see `classDetail`). */
export type ClassDetail = NonNullable<Awaited<ReturnType<ClassService["classDetail"]>>>;
