import type { DrillRun, Rating, SuspendedCard, WorkWindow } from "../classes/core/assigned-work";
import type { AssignmentScope } from "../classes/core/assignment-kinds";
import type { Db } from "./create-db";
import { isUniqueViolation } from "./unique-violation";

/** The work a class's assignments count: drill runs, flashcard ratings and the cards each learner suspended. */
export interface MemberWork {
  drills: DrillRun[];
  ratings: Rating[];
  suspended: SuspendedCard[];
}

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  timeZone: string;
  memberCount: number;
  assignmentCount: number;
  createdAt: Date;
}

export interface AssignmentRecord {
  id: string;
  classId: string;
  scope: AssignmentScope;
  target: string;
  dueAt: Date;
  createdAt: Date;
}

export interface MemberRecord {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** A finished quiz attempt, as the results of a class read it. */
export interface FinishedAttemptRecord {
  id: string;
  userId: string;
  scope: string;
  target: string;
  score: number;
  startedAt: Date;
  completedAt: Date;
}

export type AddAssignmentOutcome =
  | { kind: "created"; assignment: AssignmentRecord }
  | { kind: "duplicate" }
  | { kind: "no-class" };

export class JoinCodeTakenError extends Error {}

const toAssignment = (a: {
  id: string;
  classId: string;
  scope: string;
  target: string;
  dueAt: Date;
  createdAt: Date;
}): AssignmentRecord => ({
  id: a.id,
  classId: a.classId,
  scope: a.scope as AssignmentRecord["scope"],
  target: a.target,
  dueAt: a.dueAt,
  createdAt: a.createdAt,
});

const finishedAttemptSelect = {
  id: true,
  userId: true,
  scope: true,
  target: true,
  score: true,
  startedAt: true,
  completedAt: true,
} as const;

const toFinishedAttempt = (r: {
  id: string;
  userId: string;
  scope: string;
  target: string;
  score: number | null;
  startedAt: Date;
  completedAt: Date | null;
}): FinishedAttemptRecord => ({
  id: r.id,
  userId: r.userId,
  scope: r.scope,
  target: r.target,
  score: r.score ?? 0,
  startedAt: r.startedAt,
  completedAt: r.completedAt!,
});

/**
 * Classes, members and assignments. Instructor methods take the instructor's id and touch only their
 * own classes; learner methods take the learner's id and touch only their memberships. Times that
 * decide results (when a learner joined, when an assignment was made) come from the caller's clock.
 */
export class ClassRepository {
  constructor(private readonly db: Db) {}

  async create(
    instructorId: string,
    input: { name: string; joinCode: string; timeZone: string },
    now: Date,
  ): Promise<ClassSummary> {
    try {
      const row = await this.db.class.create({
        data: {
          instructorId,
          name: input.name.trim(),
          joinCode: input.joinCode,
          timeZone: input.timeZone,
          createdAt: now,
        },
      });
      return {
        id: row.id,
        name: row.name,
        joinCode: row.joinCode,
        timeZone: row.timeZone,
        memberCount: 0,
        assignmentCount: 0,
        createdAt: row.createdAt,
      };
    } catch (err) {
      if (isUniqueViolation(err)) throw new JoinCodeTakenError();
      throw err;
    }
  }

  async listForInstructor(instructorId: string): Promise<ClassSummary[]> {
    const rows = await this.db.class.findMany({
      where: { instructorId },
      orderBy: { createdAt: "desc" },
      include: { _count: { select: { members: true, assignments: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      joinCode: r.joinCode,
      timeZone: r.timeZone,
      memberCount: r._count.members,
      assignmentCount: r._count.assignments,
      createdAt: r.createdAt,
    }));
  }

  /** One of the instructor's classes with members and assignments, or null (also for someone else's class). */
  async findForInstructor(instructorId: string, classId: string) {
    const row = await this.db.class.findFirst({
      where: { id: classId, instructorId },
      include: {
        members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { joinedAt: "asc" } },
        assignments: { orderBy: { dueAt: "asc" } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      joinCode: row.joinCode,
      timeZone: row.timeZone,
      members: row.members.map(
        (m): MemberRecord => ({ userId: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }),
      ),
      assignments: row.assignments.map(toAssignment),
    };
  }

  /** The zone one of the instructor's classes takes due dates in, or null when it is not theirs. */
  async timeZoneForInstructor(instructorId: string, classId: string): Promise<string | null> {
    const row = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { timeZone: true } });
    return row?.timeZone ?? null;
  }

  /**
   * Changes the zone of one of the instructor's classes and, in the same transaction, each of its
   * assignments' due date to `moveDue(dueAt, oldZone)`; an assignment added meanwhile is moved too.
   * The old zone and how many due dates moved, or null when the class is not theirs.
   */
  async changeTimeZone(
    instructorId: string,
    classId: string,
    timeZone: string,
    moveDue: (dueAt: Date, from: string) => Date,
  ): Promise<{ from: string; moved: number } | null> {
    return this.db.$transaction(async (tx) => {
      const cls = await tx.class.findFirst({
        where: { id: classId, instructorId },
        select: { timeZone: true, assignments: { select: { id: true, dueAt: true } } },
      });
      if (!cls) return null;
      await tx.class.update({ where: { id: classId }, data: { timeZone } });
      let moved = 0;
      for (const a of cls.assignments) {
        const dueAt = moveDue(a.dueAt, cls.timeZone);
        if (dueAt.getTime() === a.dueAt.getTime()) continue;
        await tx.assignment.update({ where: { id: a.id }, data: { dueAt } });
        moved += 1;
      }
      return { from: cls.timeZone, moved };
    });
  }

  /**
   * Adds an assignment, once per quiz and class: the unique key on (class, scope, target) refuses a
   * second one even when two requests race, on SQLite and PostgreSQL alike.
   */
  async addAssignment(
    instructorId: string,
    classId: string,
    input: { scope: AssignmentScope; target: string; dueAt: Date },
    now: Date,
  ): Promise<AddAssignmentOutcome> {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return { kind: "no-class" };
    try {
      const row = await this.db.assignment.create({ data: { classId, ...input, createdAt: now } });
      return { kind: "created", assignment: toAssignment(row) };
    } catch (err) {
      if (isUniqueViolation(err)) return { kind: "duplicate" };
      throw err;
    }
  }

  /** One assignment of the instructor's, with the zone its class takes due dates in, or null. */
  async findAssignmentForInstructor(
    instructorId: string,
    assignmentId: string,
  ): Promise<(AssignmentRecord & { timeZone: string }) | null> {
    const row = await this.db.assignment.findFirst({
      where: { id: assignmentId, class: { instructorId } },
      include: { class: { select: { timeZone: true } } },
    });
    return row ? { ...toAssignment(row), timeZone: row.class.timeZone } : null;
  }

  /** Moves the due date of one of the instructor's assignments; null when it is gone (or not theirs). */
  async setDueDate(instructorId: string, assignmentId: string, dueAt: Date): Promise<AssignmentRecord | null> {
    const updated = await this.db.assignment.updateMany({
      where: { id: assignmentId, class: { instructorId } },
      data: { dueAt },
    });
    if (updated.count === 0) return null;
    const row = await this.db.assignment.findUnique({ where: { id: assignmentId } });
    return row ? toAssignment(row) : null;
  }

  async removeAssignment(instructorId: string, assignmentId: string): Promise<boolean> {
    const result = await this.db.assignment.deleteMany({ where: { id: assignmentId, class: { instructorId } } });
    return result.count === 1;
  }

  /** Takes a learner out of one of the instructor's classes; their attempts stay theirs. */
  async removeMember(instructorId: string, classId: string, userId: string): Promise<boolean> {
    const result = await this.db.classMember.deleteMany({ where: { classId, userId, class: { instructorId } } });
    return result.count === 1;
  }

  /** Finished quiz attempts of the class's members, for the results table (only for the class's instructor). */
  async memberAttempts(instructorId: string, classId: string): Promise<FinishedAttemptRecord[] | null> {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    const rows = await this.db.quizAttempt.findMany({
      where: { completedAt: { not: null }, user: { memberships: { some: { classId } } } },
      select: finishedAttemptSelect,
    });
    return rows.map(toFinishedAttempt);
  }

  /**
   * What the members did that drill and review assignments count: their drill runs, and their
   * ratings (not undone) of the named lessons' cards since `since`. Null when the class is not
   * this instructor's.
   */
  async memberWork(instructorId: string, classId: string, window: WorkWindow): Promise<MemberWork | null> {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    return this.workWhere({ memberships: { some: { classId } } }, window);
  }

  /** The same for one learner, for their own view of their classes. */
  workOf(userId: string, window: WorkWindow): Promise<MemberWork> {
    return this.workWhere({ id: userId }, window);
  }

  private async workWhere(
    user: { id: string } | { memberships: { some: { classId: string } } },
    { lessons: reviewLessons, drills: drillSlugs, since }: WorkWindow,
  ): Promise<MemberWork> {
    // A lesson card's id starts with its lesson's slug and ":" (flashcards/core/cards.ts).
    const ofReviewLessons = reviewLessons.map((slug) => ({ cardId: { startsWith: `${slug}:` } }));
    const [drills, ratings, suspended] = await Promise.all([
      drillSlugs.length === 0
        ? Promise.resolve([])
        : this.db.drillProgress.findMany({
            where: { user, drillSlug: { in: [...drillSlugs] }, startedAt: { gte: since }, completedAt: { not: null } },
            select: { userId: true, drillSlug: true, startedAt: true, completedAt: true, results: true },
          }),
      reviewLessons.length === 0
        ? Promise.resolve([])
        : this.db.flashcardReview.findMany({
            where: { user, undoneAt: null, review: { gte: since }, OR: ofReviewLessons },
            select: { userId: true, cardId: true, rating: true, review: true },
          }),
      reviewLessons.length === 0
        ? Promise.resolve([])
        : this.db.flashcardState.findMany({
            where: { user, suspended: true, OR: ofReviewLessons },
            select: { userId: true, cardId: true },
          }),
    ]);
    return {
      suspended,
      drills: drills.map((d) => ({ ...d, results: JSON.parse(d.results) as DrillRun["results"] })),
      ratings: ratings.map((r) => ({ ...r, rating: r.rating as Rating["rating"] })),
    };
  }

  /**
   * Who made a finished attempt, when that learner is in one of the instructor's classes: the
   * instructor may then read its review. Null for anyone else's attempt, and for unfinished ones.
   */
  async attemptOwnerForInstructor(
    instructorId: string,
    attemptId: string,
  ): Promise<{ userId: string; name: string } | null> {
    const row = await this.db.quizAttempt.findFirst({
      where: {
        id: attemptId,
        completedAt: { not: null },
        user: { memberships: { some: { class: { instructorId } } } },
      },
      select: { user: { select: { id: true, name: true } } },
    });
    return row ? { userId: row.user.id, name: row.user.name } : null;
  }

  /**
   * Per member (only for the class's instructor): lessons completed, drills completed, flashcard
   * reviews since `since`, and the last activity as `learnersAtRisk` defines it: a quiz answer, a
   * rating that was not undone, or drill work. Viewing a lesson is not activity (an open tab would
   * hide a learner who has stopped), so a lesson's `lastViewedAt` is left out on purpose.
   */
  async memberProgress(instructorId: string, classId: string, since: Date) {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    const members = { memberships: { some: { classId } } };
    const [lessons, drills, reviews, lastRatings, lastAnswers] = await Promise.all([
      this.db.lessonProgress.findMany({
        where: { user: members, completedAt: { not: null } },
        select: { userId: true },
      }),
      this.db.drillProgress.findMany({
        where: { user: members },
        select: { userId: true, completedAt: true, updatedAt: true },
      }),
      this.db.flashcardReview.findMany({
        where: { user: members, undoneAt: null, review: { gte: since } },
        select: { userId: true },
      }),
      this.db.flashcardReview.groupBy({
        by: ["userId"],
        where: { user: members, undoneAt: null },
        _max: { review: true },
      }),
      // Each member's attempts with their latest answer only: one row per attempt, not per answer.
      this.db.quizAttempt.findMany({
        where: { user: members, answers: { some: {} } },
        select: { userId: true, answers: { select: { answeredAt: true }, orderBy: { answeredAt: "desc" }, take: 1 } },
      }),
    ]);
    const out = new Map<
      string,
      { lessonsCompleted: number; drillsCompleted: number; reviews: number; lastActive: Date | null }
    >();
    const entry = (userId: string) => {
      let e = out.get(userId);
      if (!e) {
        e = { lessonsCompleted: 0, drillsCompleted: 0, reviews: 0, lastActive: null };
        out.set(userId, e);
      }
      return e;
    };
    const touch = (userId: string, d: Date | null | undefined) => {
      const e = entry(userId);
      if (d && (!e.lastActive || d > e.lastActive)) e.lastActive = d;
    };
    for (const l of lessons) entry(l.userId).lessonsCompleted++;
    for (const d of drills) {
      if (d.completedAt) entry(d.userId).drillsCompleted++;
      touch(d.userId, d.updatedAt);
    }
    for (const r of reviews) entry(r.userId).reviews++;
    for (const r of lastRatings) touch(r.userId, r._max.review);
    for (const a of lastAnswers) touch(a.userId, a.answers[0]?.answeredAt);
    return out;
  }

  /**
   * Joins the class with this code at `now`; joining again changes nothing (the first join time
   * stays). Instructors cannot join their own class.
   */
  async join(userId: string, joinCode: string, now: Date): Promise<{ id: string; name: string } | null> {
    const row = await this.db.class.findUnique({
      where: { joinCode },
      select: { id: true, name: true, instructorId: true },
    });
    if (!row || row.instructorId === userId) return null;
    await this.db.classMember.upsert({
      where: { classId_userId: { classId: row.id, userId } },
      create: { classId: row.id, userId, joinedAt: now },
      update: {},
    });
    return { id: row.id, name: row.name };
  }

  async leave(userId: string, classId: string): Promise<void> {
    await this.db.classMember.deleteMany({ where: { classId, userId } });
  }

  /** The learner's classes with their assignments and when the learner joined each. */
  async listForMember(userId: string) {
    const rows = await this.db.classMember.findMany({
      where: { userId },
      include: {
        class: { include: { assignments: { orderBy: { dueAt: "asc" } }, instructor: { select: { name: true } } } },
      },
      orderBy: { joinedAt: "asc" },
    });
    return rows.map((m) => ({
      id: m.class.id,
      name: m.class.name,
      timeZone: m.class.timeZone,
      instructorName: m.class.instructor.name,
      joinedAt: m.joinedAt,
      assignments: m.class.assignments.map(toAssignment),
    }));
  }

  /** The learner's own finished attempts, every one (the results of their classes read them). */
  async finishedAttemptsOf(userId: string): Promise<FinishedAttemptRecord[]> {
    const rows = await this.db.quizAttempt.findMany({
      where: { userId, completedAt: { not: null } },
      select: finishedAttemptSelect,
    });
    return rows.map(toFinishedAttempt);
  }
}
