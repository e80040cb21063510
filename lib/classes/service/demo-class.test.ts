import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { loadDrills } from "../../drills/core/load-drills";
import { createProgressService } from "../../progress/service/progress-service";
import { createQuizService } from "../../quiz/service/quiz-service";
import { formatJoinCode } from "../core/results";
import { createClassInsights } from "./class-insights";
import { createClassService } from "./class-service";
import { demoAssignments, seedDemoClass } from "./demo-class";

const root = path.resolve("content");
const library = loadContent(root);
const drills = loadDrills(root).drills;
const course = () => ({ lessons: library.lessons, modules: library.modules, drills });
const drillLessons = () => new Map(drills.map((d) => [d.slug, d.lesson]));
const end = new Date("2026-10-01T12:00:00Z");

describe.each(testDatabases)("the demo class on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const user = (role: "LEARNER" | "INSTRUCTOR") =>
    ctx.repos.users.create({
      email: uniqueEmail(`demo-${role.toLowerCase()}`),
      name: `Demo ${role}`,
      passwordHash: "h",
      role,
    });
  const tag = randomBytes(4).toString("hex");
  const input = (instructorId: string, members: string[]) => ({
    instructorId,
    name: "Demo class",
    joinCode: formatJoinCode(new Uint8Array(randomBytes(8))),
    seed: 11,
    members,
    learners: 7,
    days: 21,
    end,
    assignments: demoAssignments(library, end),
    passwordHash: async () => "not-a-hash",
    emailFor: (email: string) => email.replace("@", `+${tag}@`),
    formsPerQuiz: 1,
  });
  const now = () => end;

  it("seeds a class the services read like any other, and a second seed adds nothing", async () => {
    const instructor = await user("INSTRUCTOR");
    const demoLearner = await user("LEARNER");
    const seeded = input(instructor.id, [demoLearner.id]);
    const first = await seedDemoClass(ctx.db, course, seeded);
    expect(first.created).toBe(true);
    expect(first.memberIds).toHaveLength(8);
    expect(first.memberIds[0]).toBe(demoLearner.id);
    expect(first.counts!.QuizAnswer).toBeGreaterThan(50);
    const answers = await ctx.db.quizAnswer.count();
    const users = await ctx.db.user.count();
    const second = await seedDemoClass(ctx.db, course, seeded);
    expect(second).toMatchObject({ created: false, classId: first.classId, counts: null });
    expect(await ctx.db.quizAnswer.count()).toBe(answers);
    expect(await ctx.db.user.count()).toBe(users);

    const detail = await createClassService({
      repos: ctx.repos,
      library: () => library,
      now,
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      drills: () => drills,
    }).classDetail(instructor.id, first.classId);
    expect(detail!.members).toHaveLength(8);
    expect(detail!.assignments).toHaveLength(3);
    const statuses = Object.values(detail!.results.cells).flatMap((row) => Object.values(row).map((c) => c.status));
    expect(statuses).toContain("on-time");
    expect(statuses).toContain("missing");
    expect(statuses).toContain("open");
    expect(detail!.progress.some((p) => p.lessonsCompleted > 0 && p.reviews > 0)).toBe(true);

    const insights = await createClassInsights({
      repos: ctx.repos,
      library: () => library,
      drillLessons,
      now,
    }).insights(instructor.id, first.classId);
    expect(insights!.items.length).toBeGreaterThan(10);
    expect(insights!.misconceptions.length).toBeGreaterThan(0);
    const levels = new Set(insights!.members.flatMap((m) => m.mastery.concepts.map((c) => c.level)));
    expect(levels.size).toBeGreaterThanOrEqual(3);

    const mastery = await createProgressService({
      repos: ctx.repos,
      library: () => library,
      drillLessons,
      now,
    }).mastery(demoLearner.id);
    expect(mastery.concepts.some((c) => c.level !== "not-started")).toBe(true);

    // A generated attempt opens in the quiz service as the learner's own.
    const [attempt] = await ctx.repos.quizzes.history(demoLearner.id);
    const quizzes = createQuizService({
      repos: ctx.repos,
      library: () => library,
      now,
      newSeed: () => "1",
      newSecret: () => "unused-secret-unused-secret",
    });
    const view = await quizzes.view(demoLearner.id, attempt.id);
    expect(view.ok && view.value.completed).toBe(true);
    expect(view.ok && Object.keys(view.value.answered).length).toBe(attempt.answers.length);
  });

  it("leaves an existing member's own activity alone", async () => {
    const instructor = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    await ctx.repos.progress.recordVisit(learner.id, library.lessons[0].slug, end);
    const result = await seedDemoClass(ctx.db, course, {
      ...input(instructor.id, [learner.id]),
      emailFor: (email) => email.replace("@", `+${tag}-own@`),
    });
    expect(result.memberIds[0]).toBe(learner.id);
    expect(await ctx.repos.progress.listForUser(learner.id)).toHaveLength(1);
    expect(await ctx.db.quizAttempt.count({ where: { userId: learner.id } })).toBe(0);
    expect(await ctx.db.lessonProgress.count({ where: { userId: result.memberIds[1] } })).toBeGreaterThan(0);
  });
});
