import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { createClassService } from "./class-service";
import { parseLocalDateTime } from "./schemas";

// Module 1 only: the course keeps growing, and these tests count its lessons and quizzes.
const fullLibrary = loadContent(path.resolve("content"));
const library = {
  ...fullLibrary,
  modules: fullLibrary.modules.filter((m) => m.id === "services"),
  lessons: fullLibrary.lessons.filter((l) => l.module === "services"),
};
const now = new Date("2026-09-01T10:00:00Z");

/** Inside a describe block: a class service on `url` and a way to make users on it. */
function classServiceOn(url: string) {
  const ctx = repositoriesOn(url);
  const service = (randomBytesFor: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n))) =>
    createClassService({
      repos: ctx.repos,
      library: () => library,
      now: () => now,
      randomBytes: randomBytesFor,
      drillCount: () => 6,
    });
  const user = (role: "LEARNER" | "INSTRUCTOR") =>
    ctx.repos.users.upsert({
      email: uniqueEmail(role),
      name: role === "LEARNER" ? "Lea Rner" : "Tea Cher",
      passwordHash: "h",
      role,
    });
  return { ctx, service, user };
}

describe.each(testDatabases)("class results on $name", ({ url }) => {
  const { ctx, service, user } = classServiceOn(url);

  it("assigns a lesson quiz with a due date and reports each learner's best score, on time or late", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const created = await service().createClass(teacher.id, "Term 1");
    expect(created.ok).toBe(true);
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    expect(await service().join(learner.id, cls.joinCode.toLowerCase().replace("-", " "))).toEqual({
      ok: true,
      value: { name: "Term 1" },
    });
    const due = new Date("2026-09-10T12:00:00Z");
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: due,
    });
    expect(assigned).toMatchObject({
      ok: true,
      value: { title: "Quiz: ClusterIP vs Pod IP", href: "/lessons/cluster-ip-vs-pod-ip/quiz" },
    });
    const attempt = await ctx.repos.quizzes.start(
      learner.id,
      { scope: "lesson", target: "cluster-ip-vs-pod-ip", seed: 5, feedback: "end", questionIds: ["q"] },
      now,
    );
    await ctx.repos.quizzes.complete(learner.id, attempt.id, 0.8, new Date("2026-09-05T10:00:00Z"));
    const detail = (await service().classDetail(teacher.id, cls.id))!;
    const assignmentId = assigned.ok ? assigned.value.id : "";
    expect(detail.results.cells[learner.id][assignmentId]).toEqual({ status: "on-time", score: 0.8, attempts: 1 });
    await ctx.repos.progress.setCompleted(learner.id, "cluster-ip-vs-pod-ip", true, now);
    const withProgress = (await service().classDetail(teacher.id, cls.id))!;
    expect(withProgress.progress).toEqual([
      { userId: learner.id, lessonsCompleted: 1, drillsCompleted: 0, reviews: 0, lastActive: now },
    ]);
    expect(withProgress.totals).toEqual({ lessons: library.lessons.length, drills: 6 });
    const mine = await service().learnerClasses(learner.id);
    expect(mine[0].assignments[0]).toMatchObject({
      title: "Quiz: ClusterIP vs Pod IP",
      result: { status: "on-time", score: 0.8 },
    });
  });

  it("assigns the final exam, which a learner's course-wide attempt fills", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const created = await service().createClass(teacher.id, "Exam term");
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    await service().join(learner.id, cls.joinCode);
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "course:course",
      dueAt: new Date("2026-09-10T12:00:00Z"),
    });
    expect(assigned).toMatchObject({ ok: true, value: { title: "Final exam", href: "/course/exam" } });
    expect(
      await service().addAssignment(teacher.id, cls.id, { quiz: "course:other", dueAt: new Date("2027-01-01") }),
    ).toEqual({ ok: false, error: "Choose a quiz from the list." });
    const attempt = await ctx.repos.quizzes.start(
      learner.id,
      { scope: "course", target: "course", seed: 7, feedback: "end", questionIds: ["q"] },
      now,
    );
    await ctx.repos.quizzes.complete(learner.id, attempt.id, 0.5, new Date("2026-09-05T10:00:00Z"));
    const detail = (await service().classDetail(teacher.id, cls.id))!;
    const assignmentId = assigned.ok ? assigned.value.id : "";
    expect(detail.results.cells[learner.id][assignmentId]).toEqual({ status: "on-time", score: 0.5, attempts: 1 });
  });

  it("refuses unknown quizzes, past due dates, wrong codes and other instructors' classes", async () => {
    const teacher = await user("INSTRUCTOR");
    const other = await user("INSTRUCTOR");
    const created = await service().createClass(teacher.id, "Term 2");
    const id = created.ok ? created.value.id : "";
    expect(
      await service().addAssignment(teacher.id, id, { quiz: "lesson:nope", dueAt: new Date("2027-01-01") }),
    ).toEqual({ ok: false, error: "Choose a quiz from the list." });
    expect(
      await service().addAssignment(teacher.id, id, {
        quiz: "lesson:cluster-ip-vs-pod-ip",
        dueAt: new Date("2026-08-01"),
      }),
    ).toEqual({ ok: false, error: "The due date must be in the future." });
    expect(
      await service().addAssignment(other.id, id, {
        quiz: "lesson:cluster-ip-vs-pod-ip",
        dueAt: new Date("2027-01-01"),
      }),
    ).toEqual({ ok: false, error: "There is no such class." });
    expect(await service().classDetail(other.id, id)).toBeNull();
    expect((await service().join((await user("LEARNER")).id, "ZZZZ-ZZZZ")).ok).toBe(false);
  });
});

describe.each(testDatabases)("classes and assignments on $name", ({ url }) => {
  const { ctx, service, user } = classServiceOn(url);

  it("lists an instructor's own classes with counts, and removes an assignment only once", async () => {
    const teacher = await user("INSTRUCTOR");
    const other = await user("INSTRUCTOR");
    const created = await service().createClass(teacher.id, "Term 3");
    const id = created.ok ? created.value.id : "";
    const assigned = await service().addAssignment(teacher.id, id, {
      quiz: "module:services",
      dueAt: new Date("2026-12-01T09:00:00Z"),
    });
    const assignmentId = assigned.ok ? assigned.value.id : "";
    expect(await service().instructorClasses(teacher.id)).toMatchObject([
      { id, name: "Term 3", memberCount: 0, assignmentCount: 1 },
    ]);
    expect(await service().instructorClasses(other.id)).toEqual([]);

    expect(await service().removeAssignment(other.id, assignmentId)).toEqual({
      ok: false,
      error: "That assignment was already removed.",
    });
    expect(await service().removeAssignment(teacher.id, assignmentId)).toEqual({ ok: true, value: null });
    expect(await service().removeAssignment(teacher.id, assignmentId)).toMatchObject({ ok: false });
    expect((await ctx.repos.classes.findForInstructor(teacher.id, id))?.assignments).toEqual([]);
  });

  it("tries another code when one is taken, and gives up with a clear error after five", async () => {
    const teacher = await user("INSTRUCTOR");
    const fixed = new Uint8Array(randomBytes(8)); // every "random" draw is the same code
    const stuck = service(() => fixed);
    expect((await stuck.createClass(teacher.id, "First")).ok).toBe(true);
    expect(await stuck.createClass(teacher.id, "Second")).toEqual({
      ok: false,
      error: "Could not find a free join code; try again.",
    });
  });

  it("offers every lesson and module quiz, and the final exam, to assign", () => {
    // Other modules' lessons join this list as they are written; the services module's are fixed here.
    const choices = service().quizChoices();
    expect(choices.slice(0, 4)).toEqual([
      { value: "lesson:cluster-ip-vs-pod-ip", label: "Quiz: ClusterIP vs Pod IP" },
      { value: "lesson:service-types", label: "Quiz: Service types" },
      { value: "lesson:service-ports", label: "Quiz: Service port, targetPort, nodePort and containerPort" },
      { value: "lesson:headless-and-statefulsets", label: "Quiz: Headless Services and StatefulSets" },
    ]);
    expect(choices).toContainEqual({ value: "module:services", label: `Module quiz: ${library.modules[0].title}` });
    expect(choices.at(-1)).toEqual({ value: "course:course", label: "Final exam" });
    expect(choices).toHaveLength(library.lessons.length + library.modules.filter((m) => m.lessons.length).length + 1);
  });
});

describe("due dates typed in the browser", () => {
  it("turn local wall-clock time into the instant it means, using the browser's offset", () => {
    expect(parseLocalDateTime("2026-09-10T17:00", -120)).toEqual(new Date("2026-09-10T15:00:00Z")); // UTC+2
    expect(parseLocalDateTime("2026-09-10T17:00", 300)).toEqual(new Date("2026-09-10T22:00:00Z")); // UTC-5
    expect(parseLocalDateTime("10/09/2026", 0)).toBeNull();
  });
});
