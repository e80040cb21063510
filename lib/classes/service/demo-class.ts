import { ActivityImport, type ImportCounts } from "../../db/activity-import";
import { ClassRepository } from "../../db/class-repository";
import type { Db } from "../../db/create-db";
import { UserRepository } from "../../db/user-repository";
import { COURSE_TARGET } from "../../quiz/core/attempt";
import { generateClassActivity } from "../core/demo-activity";
import type { DemoAssignment, DemoCourse, DemoLearner } from "../core/demo-types";

// A class with generated learners and two months of their activity (lib/classes/core/demo-activity.ts),
// written in one transaction: `npm start` seeds the demo class with it, and bench/dashboards.ts
// seeds classes of 100 to 1,000 learners. Runs in scripts (tsx), so it takes a client, not the
// server's repositories.

/** The demo class `npm start` seeds for the demo instructor (README, "Demo class"). */
export const DEMO_CLASS = {
  name: "Kubernetes networking (demo class)",
  /** Fixed, so the seed finds it again and adds nothing the second time. */
  joinCode: "K8SN-DMCL",
  seed: 2026,
  /** Generated learners, besides the demo learner. */
  learners: 36,
  days: 60,
  /** Two draws per quiz keep the seed within a few seconds (see demo-quizzes.ts). */
  formsPerQuiz: 2,
} as const;

const DAY = 86_400_000;

/**
 * Three assignments: the first lesson's quiz, due six weeks ago; the first module's quiz, due
 * two and a half weeks ago; the second module's quiz, due in a week.
 */
export function demoAssignments(course: Pick<DemoCourse, "modules">, end: Date): DemoAssignment[] {
  const at = (days: number) => new Date(end.getTime() + days * DAY);
  const [first, second] = course.modules.filter((m) => m.lessons.length > 0);
  const assignments: DemoAssignment[] = [];
  if (first) assignments.push({ scope: "lesson", target: first.lessons[0].slug, dueAt: at(-42) });
  if (first) assignments.push({ scope: "module", target: first.id, dueAt: at(-17) });
  if (second) assignments.push({ scope: "module", target: second.id, dueAt: at(7) });
  else if (first) assignments.push({ scope: "course", target: COURSE_TARGET, dueAt: at(7) });
  return assignments;
}

export interface DemoClassInput {
  instructorId: string;
  name: string;
  joinCode: string;
  seed: number;
  /** Accounts that exist already (the demo learner): members first, with the first generated learners' activity unless they have their own. */
  members: string[];
  /** Learner accounts to create. */
  learners: number;
  days: number;
  end: Date;
  assignments: DemoAssignment[];
  /** Of every created learner: nobody knows the password (hash a random one), so nobody signs in as them. Asked for only when the class is made. */
  passwordHash: () => Promise<string>;
  /** A generated learner's e-mail as stored: the benchmark tags them so classes do not collide. */
  emailFor?: (email: string) => string;
  formsPerQuiz?: number;
  /**
   * Activity generated before (generateClassActivity with this seed, days, end and assignments, at
   * least members + learners of it): the benchmark generates its largest class once and seeds the
   * smaller ones from its first learners, who are the same (learner i does not depend on the class size).
   */
  activity?: DemoLearner[];
}

export interface DemoClassResult {
  created: boolean;
  classId: string;
  /** Member user ids in generated order (existing members first). */
  memberIds: string[];
  counts: ImportCounts | null;
}

/** When a learner joined: a little before their first activity, else when the class began. */
function joinedAt(activity: DemoLearner, classStart: Date): Date {
  const times = [
    ...activity.lessons.map((l) => l.startedAt.getTime()),
    ...activity.attempts.map((a) => a.startedAt.getTime()),
    ...activity.reviews.map((r) => r.review.getTime()),
    ...activity.drills.map((d) => d.startedAt.getTime()),
  ];
  return new Date(times.length ? Math.min(...times) - 10 * 60_000 : classStart.getTime());
}

/**
 * Creates the class with its assignments, learners and their activity, all or nothing; a class
 * with this join code already there is left as it is (`created: false`), so seeding twice adds nothing.
 */
export async function seedDemoClass(
  db: Db,
  loadCourse: () => DemoCourse,
  input: DemoClassInput,
): Promise<DemoClassResult> {
  const existing = (await new ClassRepository(db).listForInstructor(input.instructorId)).find(
    (c) => c.joinCode === input.joinCode,
  );
  if (existing) return { created: false, classId: existing.id, memberIds: [], counts: null };
  const count = input.members.length + input.learners;
  const activity =
    input.activity?.slice(0, count) ??
    generateClassActivity(loadCourse(), {
      seed: input.seed,
      learners: count,
      days: input.days,
      end: input.end,
      assignments: input.assignments,
      formsPerQuiz: input.formsPerQuiz,
    });
  const classStart = new Date(input.end.getTime() - (input.days + 1) * DAY);
  const passwordHash = await input.passwordHash();
  return db.$transaction(
    async (tx) => {
      const client = tx as unknown as Db;
      const classes = new ClassRepository(client);
      const users = new UserRepository(client);
      const imports = new ActivityImport(client);
      const cls = await classes.create(
        input.instructorId,
        { name: input.name, joinCode: input.joinCode, timeZone: "UTC" },
        classStart,
      );
      // Assigned when the class began, so the learners' attempts since count for them.
      for (const a of input.assignments) await classes.addAssignment(input.instructorId, cls.id, a, classStart);
      const memberIds: string[] = [];
      const entries: { userId: string; activity: DemoLearner }[] = [];
      for (const learner of activity) {
        const existingMember = input.members[learner.index];
        const userId =
          existingMember ??
          (
            await users.create({
              email: (input.emailFor ?? ((e) => e))(learner.email),
              name: learner.name,
              passwordHash,
            })
          ).id;
        await classes.join(userId, input.joinCode, joinedAt(learner, classStart));
        memberIds.push(userId);
        if (existingMember === undefined || !(await imports.hasActivity(userId)))
          entries.push({ userId, activity: learner });
      }
      const counts = await imports.write(entries);
      return { created: true, classId: cls.id, memberIds, counts };
    },
    { maxWait: 10_000, timeout: 600_000 },
  );
}
