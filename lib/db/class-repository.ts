import type { QuizScope } from "../quiz/core/attempt";
import type { Db } from "./create-db";

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  memberCount: number;
  assignmentCount: number;
  createdAt: Date;
}

export interface AssignmentRecord {
  id: string;
  classId: string;
  scope: QuizScope;
  target: string;
  dueAt: Date;
}

export interface MemberRecord {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

export class JoinCodeTakenError extends Error {}

const toAssignment = (a: {
  id: string;
  classId: string;
  scope: string;
  target: string;
  dueAt: Date;
}): AssignmentRecord => ({ ...a, scope: a.scope as AssignmentRecord["scope"] });

/**
 * Classes, members and assignments. Instructor methods take the instructor's id and touch only their
 * own classes; learner methods take the learner's id and touch only their memberships.
 */
export class ClassRepository {
  constructor(private readonly db: Db) {}

  /** `createdAt` only for demo data, whose class began before it was written. */
  async create(instructorId: string, name: string, joinCode: string, createdAt?: Date): Promise<ClassSummary> {
    try {
      const row = await this.db.class.create({ data: { instructorId, name: name.trim(), joinCode, createdAt } });
      return {
        id: row.id,
        name: row.name,
        joinCode: row.joinCode,
        memberCount: 0,
        assignmentCount: 0,
        createdAt: row.createdAt,
      };
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") throw new JoinCodeTakenError();
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
      members: row.members.map(
        (m): MemberRecord => ({ userId: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }),
      ),
      assignments: row.assignments.map(toAssignment),
    };
  }

  async addAssignment(
    instructorId: string,
    classId: string,
    input: { scope: QuizScope; target: string; dueAt: Date },
  ): Promise<AssignmentRecord | null> {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    return toAssignment(await this.db.assignment.create({ data: { classId, ...input } }));
  }

  async removeAssignment(instructorId: string, assignmentId: string): Promise<boolean> {
    const result = await this.db.assignment.deleteMany({ where: { id: assignmentId, class: { instructorId } } });
    return result.count === 1;
  }

  /** Finished quiz attempts of the class's members, for the results table (only for the class's instructor). */
  async memberAttempts(instructorId: string, classId: string) {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    const rows = await this.db.quizAttempt.findMany({
      where: { completedAt: { not: null }, user: { memberships: { some: { classId } } } },
      select: { userId: true, scope: true, target: true, score: true, completedAt: true },
    });
    return rows.map((r) => ({
      userId: r.userId,
      scope: r.scope,
      target: r.target,
      score: r.score ?? 0,
      completedAt: r.completedAt!,
    }));
  }

  /** Per member: lessons completed, drills completed, flashcard reviews since `since`, last activity (only for the class's instructor). */
  async memberProgress(instructorId: string, classId: string, since: Date) {
    const owned = await this.db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
    if (!owned) return null;
    const members = { memberships: { some: { classId } } };
    const [lessons, drills, reviews] = await Promise.all([
      this.db.lessonProgress.findMany({
        where: { user: members },
        select: { userId: true, completedAt: true, lastViewedAt: true },
      }),
      this.db.drillProgress.findMany({
        where: { user: members },
        select: { userId: true, completedAt: true, updatedAt: true },
      }),
      this.db.flashcardReview.findMany({
        where: { user: members, undoneAt: null, review: { gte: since } },
        select: { userId: true, review: true },
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
    const touch = (e: { lastActive: Date | null }, d: Date) => {
      if (!e.lastActive || d > e.lastActive) e.lastActive = d;
    };
    for (const l of lessons) {
      const e = entry(l.userId);
      if (l.completedAt) e.lessonsCompleted++;
      touch(e, l.lastViewedAt);
    }
    for (const d of drills) {
      const e = entry(d.userId);
      if (d.completedAt) e.drillsCompleted++;
      touch(e, d.updatedAt);
    }
    for (const r of reviews) {
      const e = entry(r.userId);
      e.reviews++;
      touch(e, r.review);
    }
    return out;
  }

  /**
   * Joins the class with this code; joining twice is fine (the first join's time stays). Instructors
   * cannot join their own class. `joinedAt` only for demo data, whose learners joined in the past.
   */
  async join(userId: string, joinCode: string, joinedAt?: Date): Promise<{ id: string; name: string } | null> {
    const row = await this.db.class.findUnique({
      where: { joinCode },
      select: { id: true, name: true, instructorId: true },
    });
    if (!row || row.instructorId === userId) return null;
    await this.db.classMember.upsert({
      where: { classId_userId: { classId: row.id, userId } },
      create: { classId: row.id, userId, joinedAt },
      update: {},
    });
    return { id: row.id, name: row.name };
  }

  async leave(userId: string, classId: string): Promise<void> {
    await this.db.classMember.deleteMany({ where: { classId, userId } });
  }

  /** The learner's classes with their assignments. */
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
      instructorName: m.class.instructor.name,
      assignments: m.class.assignments.map(toAssignment),
    }));
  }
}
