import type { ContentLibrary } from "../../content/load-content";
import { type AssignmentRecord, JoinCodeTakenError } from "../../db/class-repository";
import type { Repositories } from "../../db/repositories";
import { classResults, formatJoinCode, normaliseJoinCode, type ResultCell } from "../core/results";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ClassServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
  randomBytes: (n: number) => Uint8Array;
  /** How many drills are published, for "drills completed" out of a total. */
  drillCount: () => number;
}

export interface AssignmentView extends AssignmentRecord {
  title: string;
  href: string;
}

export function createClassService(deps: ClassServiceDeps) {
  /** What a quiz target is called and where it is taken, or null when the content no longer has it. */
  function describe(scope: "lesson" | "module", target: string): { title: string; href: string } | null {
    const library = deps.library();
    if (scope === "lesson") {
      const lesson = library.lessons.find((l) => l.slug === target);
      return lesson ? { title: `Quiz: ${lesson.title}`, href: `/lessons/${lesson.slug}/quiz` } : null;
    }
    const module = library.modules.find((m) => m.id === target && m.lessons.length > 0);
    return module ? { title: `Module quiz: ${module.title}`, href: `/modules/${module.id}/quiz` } : null;
  }
  const view = (a: AssignmentRecord): AssignmentView => ({
    ...a,
    ...(describe(a.scope, a.target) ?? { title: `${a.scope} ${a.target} (no longer published)`, href: "/lessons" }),
  });

  return {
    /** Quizzes an instructor can assign: each lesson and each module. */
    quizChoices(): { value: string; label: string }[] {
      const library = deps.library();
      return [
        ...library.lessons.map((l) => ({ value: `lesson:${l.slug}`, label: `Quiz: ${l.title}` })),
        ...library.modules
          .filter((m) => m.lessons.length > 0)
          .map((m) => ({ value: `module:${m.id}`, label: `Module quiz: ${m.title}` })),
      ];
    },

    async createClass(instructorId: string, name: string): Promise<Result<{ id: string }>> {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const created = await deps.repos.classes.create(instructorId, name, formatJoinCode(deps.randomBytes(8)));
          return { ok: true, value: { id: created.id } };
        } catch (err) {
          if (!(err instanceof JoinCodeTakenError)) throw err;
        }
      }
      return { ok: false, error: "Could not find a free join code; try again." };
    },

    async classDetail(instructorId: string, classId: string) {
      const cls = await deps.repos.classes.findForInstructor(instructorId, classId);
      if (!cls) return null;
      const attempts = (await deps.repos.classes.memberAttempts(instructorId, classId)) ?? [];
      const assignments = cls.assignments.map(view);
      const results = classResults(
        cls.members.map((m) => m.userId),
        assignments,
        attempts,
        deps.now(),
      );
      const since = new Date(deps.now().getTime() - 7 * 86_400_000);
      const activity = (await deps.repos.classes.memberProgress(instructorId, classId, since)) ?? new Map();
      const library = deps.library();
      const progress = cls.members.map((m) => ({
        userId: m.userId,
        ...(activity.get(m.userId) ?? { lessonsCompleted: 0, drillsCompleted: 0, reviews: 0, lastActive: null }),
      }));
      return {
        ...cls,
        assignments,
        results,
        progress,
        totals: { lessons: library.lessons.length, drills: deps.drillCount() },
      };
    },

    async addAssignment(
      instructorId: string,
      classId: string,
      input: { quiz: string; dueAt: Date },
    ): Promise<Result<AssignmentView>> {
      const [scope, target] = input.quiz.split(":") as ["lesson" | "module", string];
      if ((scope !== "lesson" && scope !== "module") || !describe(scope, target))
        return { ok: false, error: "Choose a quiz from the list." };
      if (input.dueAt.getTime() <= deps.now().getTime())
        return { ok: false, error: "The due date must be in the future." };
      const created = await deps.repos.classes.addAssignment(instructorId, classId, {
        scope,
        target,
        dueAt: input.dueAt,
      });
      return created ? { ok: true, value: view(created) } : { ok: false, error: "There is no such class." };
    },

    async join(userId: string, code: string): Promise<Result<{ name: string }>> {
      const joined = await deps.repos.classes.join(userId, normaliseJoinCode(code));
      return joined
        ? { ok: true, value: { name: joined.name } }
        : { ok: false, error: "No class has that code. Check it with your instructor (it looks like ABCD-2345)." };
    },

    /** A learner's classes and assignments, each with where the learner stands. */
    async learnerClasses(userId: string) {
      const classes = await deps.repos.classes.listForMember(userId);
      const attempts = (await deps.repos.quizzes.history(userId)).map((a) => ({
        userId,
        scope: a.scope,
        target: a.target,
        score: a.score ?? 0,
        completedAt: a.completedAt!,
      }));
      return classes.map((c) => {
        const assignments = c.assignments.map(view);
        const results = classResults([userId], assignments, attempts, deps.now());
        return {
          ...c,
          assignments: assignments.map((a) => ({ ...a, result: results.cells[userId][a.id] as ResultCell })),
        };
      });
    },
  };
}

export type ClassService = ReturnType<typeof createClassService>;
