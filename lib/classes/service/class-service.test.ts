import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { lessonCards } from "../../flashcards/core/cards";
import { newCardState, rate } from "../../flashcards/core/scheduler";
import { createClassService } from "./class-service";

// Module 1 only: the course keeps growing, and these tests count its lessons and quizzes.
const fullLibrary = loadContent(path.resolve("content"));
const library = {
  ...fullLibrary,
  modules: fullLibrary.modules.filter((m) => m.id === "services"),
  lessons: fullLibrary.lessons.filter((l) => l.module === "services"),
};
const now = new Date("2026-09-01T10:00:00Z");
const DRILLS = Array.from({ length: 6 }, (_, i) => ({ slug: `drill-${i}`, title: `Drill ${i}` }));

/** Inside a describe block: a class service on `url` and a way to make users on it. */
function classServiceOn(url: string) {
  const ctx = repositoriesOn(url);
  const service = (
    randomBytesFor: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n)),
    clock: () => Date = () => now,
  ) =>
    createClassService({
      repos: ctx.repos,
      library: () => library,
      now: clock,
      randomBytes: randomBytesFor,
      drills: () => DRILLS,
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
    const created = await service().createClass(teacher.id, { name: "Term 1", timeZone: "UTC" });
    expect(created.ok).toBe(true);
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    expect(await service().join(learner.id, cls.joinCode.toLowerCase().replace("-", " "))).toEqual({
      ok: true,
      value: { name: "Term 1" },
    });
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-10T12:00",
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
    expect(detail.results.cells[learner.id][assignmentId]).toEqual({
      status: "on-time",
      score: 0.8,
      attemptId: attempt.id,
      attempts: 1,
      submittedAt: new Date("2026-09-05T10:00:00Z"),
    });
    await ctx.repos.progress.setCompleted(learner.id, "cluster-ip-vs-pod-ip", true, now);
    const withProgress = (await service().classDetail(teacher.id, cls.id))!;
    expect(withProgress.progress).toEqual([
      // Completing a lesson is progress but not study activity (see memberProgress).
      { userId: learner.id, lessonsCompleted: 1, drillsCompleted: 0, reviews: 0, lastActive: null },
    ]);
    expect(withProgress.totals).toEqual({ lessons: library.lessons.length, drills: 6 });
    const mine = await service().learnerClasses(learner.id);
    expect(mine[0].assignments[0]).toMatchObject({
      title: "Quiz: ClusterIP vs Pod IP",
      result: { status: "on-time", score: 0.8 },
    });
  });

  it("flags learners with overdue work or a quiet week, and not one who answered a question this week", async () => {
    let clock = now;
    const at = () => service(undefined, () => clock);
    const teacher = await user("INSTRUCTOR");
    const [quiet, busy] = [await user("LEARNER"), await user("LEARNER")];
    const created = await at().createClass(teacher.id, { name: "Risky", timeZone: "UTC" });
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    for (const u of [quiet, busy]) await at().join(u.id, cls.joinCode);
    const assigned = await at().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-03T12:00",
    });
    if (!assigned.ok) throw new Error(assigned.error);
    // Before the due date and within the week, nobody is at risk.
    expect((await at().classDetail(teacher.id, cls.id))!.atRisk).toEqual([]);

    clock = new Date("2026-09-09T09:00:00Z");
    const attempt = await ctx.repos.quizzes.start(
      busy.id,
      { scope: "lesson", target: "cluster-ip-vs-pod-ip", seed: 5, feedback: "end", questionIds: ["q"] },
      clock,
    );
    await ctx.repos.quizzes.recordAnswer(
      busy.id,
      attempt.id,
      { questionId: "q", response: "{}", score: 1, correct: true },
      clock,
    );
    await ctx.repos.quizzes.complete(busy.id, attempt.id, 1, clock);

    // Joined on 1 September: the 2nd to the 9th are eight whole quiet days by the 10th.
    clock = new Date("2026-09-10T08:00:00Z");
    const { atRisk } = (await at().classDetail(teacher.id, cls.id))!;
    expect(atRisk).toEqual([
      {
        userId: quiet.id,
        name: quiet.name,
        reasons: [
          { kind: "missing-work", assignments: [expect.objectContaining({ id: assigned.value.id })] },
          { kind: "inactive", lastActive: null, quietDays: 8 },
        ],
      },
    ]);
  });

  it("assigns a drill and a lesson's flashcards, done by finishing the drill and rating every card", async () => {
    let clock = now;
    const at = () => service(undefined, () => clock);
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const created = await at().createClass(teacher.id, { name: "Work", timeZone: "UTC" });
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    await at().join(learner.id, cls.joinCode);
    const drill = await at().addAssignment(teacher.id, cls.id, {
      quiz: `drill:${DRILLS[0].slug}`,
      dueAt: "2026-09-05T12:00",
    });
    const review = await at().addAssignment(teacher.id, cls.id, {
      quiz: "review:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-05T12:00",
    });
    expect(drill).toMatchObject({ ok: true, value: { title: "Drill: Drill 0", href: "/drills/drill-0" } });
    expect(review).toMatchObject({
      ok: true,
      value: { title: "Flashcards: ClusterIP vs Pod IP", href: "/review?lesson=cluster-ip-vs-pod-ip" },
    });
    expect(
      await at().addAssignment(teacher.id, cls.id, { quiz: "drill:no-such-drill", dueAt: "2026-09-05T12:00" }),
    ).toEqual({
      ok: false,
      error: "Choose a quiz, drill or lesson's flashcards from the list.",
      field: "quiz",
    });
    if (!drill.ok || !review.ok) throw new Error("not assigned");

    // The drill, finished on the 2nd with three of four steps right (the run starts at the clock's now).
    clock = new Date("2026-09-02T09:00:00Z");
    const steps = { s1: true, s2: true, s3: false, s4: true };
    await ctx.repos.drills.recordStep(learner.id, DRILLS[0].slug, 0, {
      events: [],
      results: Object.fromEntries(
        Object.entries(steps).map(([k, correct]) => [k, { correct, at: clock.toISOString() }]),
      ),
      stepStart: 0,
      completedAt: new Date("2026-09-02T10:00:00Z"),
    });
    // Every card of the lesson rated, the last one late (after the due date).
    const lessonCardIds = lessonCards(library.lessons.find((l) => l.slug === "cluster-ip-vs-pod-ip")!).map((c) => c.id);
    const rateAt = async (cardId: string, when: Date) => {
      const next = rate(newCardState(when), "good", when);
      await ctx.repos.flashcards.applyRating(
        learner.id,
        { cardId, lessonSlug: "cluster-ip-vs-pod-ip", expectedVersion: 0, previous: null, next, rating: "good" },
        when,
      );
    };
    for (const id of lessonCardIds.slice(0, -1)) await rateAt(id, new Date("2026-09-03T10:00:00Z"));
    clock = new Date("2026-09-04T10:00:00Z");
    let detail = (await at().classDetail(teacher.id, cls.id))!;
    expect(detail.results.cells[learner.id][drill.value.id]).toMatchObject({ status: "on-time", score: 0.75 });
    expect(detail.results.cells[learner.id][review.value.id]).toMatchObject({ status: "open", score: null });
    await rateAt(lessonCardIds.at(-1)!, new Date("2026-09-06T10:00:00Z"));
    clock = new Date("2026-09-07T10:00:00Z");
    detail = (await at().classDetail(teacher.id, cls.id))!;
    expect(detail.results.cells[learner.id][review.value.id]).toMatchObject({
      status: "late",
      score: 1,
      submittedAt: new Date("2026-09-06T10:00:00Z"),
    });
    // The learner sees the same on their own page.
    const mine = (await at().learnerClasses(learner.id)).find((c) => c.id === cls.id)!;
    expect(mine.assignments.map((a) => [a.title, a.result.status])).toEqual([
      ["Drill: Drill 0", "on-time"],
      ["Flashcards: ClusterIP vs Pod IP", "late"],
    ]);
  });

  it("does not require a learner's suspended cards for a review assignment, for the instructor or the learner", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const other = await user("LEARNER");
    const created = await service().createClass(teacher.id, { name: "Suspended", timeZone: "UTC" });
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    await service().join(learner.id, cls.joinCode);
    await service().join(other.id, cls.joinCode);
    const review = await service().addAssignment(teacher.id, cls.id, {
      quiz: "review:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-05T12:00",
    });
    if (!review.ok) throw new Error("not assigned");
    const slug = "cluster-ip-vs-pod-ip";
    const ids = lessonCards(library.lessons.find((l) => l.slug === slug)!).map((c) => c.id);
    const when = new Date("2026-09-02T10:00:00Z");
    // The learner suspends the last card (never rated) and rates the rest; the other learner
    // suspends a card of another lesson only, and rates the same cards.
    await ctx.repos.flashcards.setSuspended(
      learner.id,
      { cardId: ids.at(-1)!, lessonSlug: slug },
      true,
      newCardState(when),
    );
    await ctx.repos.flashcards.setSuspended(
      other.id,
      { cardId: "headless-services:x", lessonSlug: "headless-services" },
      true,
      newCardState(when),
    );
    for (const u of [learner.id, other.id]) {
      for (const cardId of ids.slice(0, -1)) {
        const next = rate(newCardState(when), "good", when);
        await ctx.repos.flashcards.applyRating(
          u,
          { cardId, lessonSlug: slug, expectedVersion: 0, previous: null, next, rating: "good" },
          when,
        );
      }
    }
    const at = service(undefined, () => new Date("2026-09-03T10:00:00Z"));
    const detail = (await at.classDetail(teacher.id, cls.id))!;
    expect(detail.results.cells[learner.id][review.value.id]).toMatchObject({ status: "on-time", score: 1 });
    expect(detail.results.cells[other.id][review.value.id]).toMatchObject({ status: "open", score: null });
    const mine = (await at.learnerClasses(learner.id)).find((c) => c.id === cls.id)!;
    expect(mine.assignments.map((a) => a.result.status)).toEqual(["on-time"]);
  });

  it("assigns the final exam, which a learner's course-wide attempt fills", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const created = await service().createClass(teacher.id, { name: "Exam term", timeZone: "UTC" });
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    await service().join(learner.id, cls.joinCode);
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "course:course",
      dueAt: "2026-09-10T12:00",
    });
    expect(assigned).toMatchObject({ ok: true, value: { title: "Final exam", href: "/course/exam" } });
    expect(
      await service().addAssignment(teacher.id, cls.id, { quiz: "course:other", dueAt: "2027-01-01T00:00" }),
    ).toEqual({ ok: false, error: "Choose a quiz, drill or lesson's flashcards from the list.", field: "quiz" });
    const attempt = await ctx.repos.quizzes.start(
      learner.id,
      { scope: "course", target: "course", seed: 7, feedback: "end", questionIds: ["q"] },
      now,
    );
    await ctx.repos.quizzes.complete(learner.id, attempt.id, 0.5, new Date("2026-09-05T10:00:00Z"));
    const detail = (await service().classDetail(teacher.id, cls.id))!;
    const assignmentId = assigned.ok ? assigned.value.id : "";
    expect(detail.results.cells[learner.id][assignmentId]).toEqual({
      status: "on-time",
      score: 0.5,
      attemptId: attempt.id,
      attempts: 1,
      submittedAt: new Date("2026-09-05T10:00:00Z"),
    });
  });

  it("refuses unknown quizzes, past due dates, wrong codes and other instructors' classes", async () => {
    const teacher = await user("INSTRUCTOR");
    const other = await user("INSTRUCTOR");
    const created = await service().createClass(teacher.id, { name: "Term 2", timeZone: "UTC" });
    const id = created.ok ? created.value.id : "";
    expect(await service().addAssignment(teacher.id, id, { quiz: "lesson:nope", dueAt: "2027-01-01T00:00" })).toEqual({
      ok: false,
      error: "Choose a quiz, drill or lesson's flashcards from the list.",
      field: "quiz",
    });
    expect(
      await service().addAssignment(teacher.id, id, { quiz: "lesson:cluster-ip-vs-pod-ip", dueAt: "2026-08-01T00:00" }),
    ).toEqual({ ok: false, error: "The due date must be in the future.", field: "dueAt" });
    expect(
      await service().addAssignment(teacher.id, id, { quiz: "lesson:cluster-ip-vs-pod-ip", dueAt: "9999-01-01T00:00" }),
    ).toEqual({ ok: false, error: "Pick a due date between 2025-09-01 and 2031-09-01.", field: "dueAt" });
    expect(
      await service().addAssignment(other.id, id, { quiz: "lesson:cluster-ip-vs-pod-ip", dueAt: "2027-01-01T00:00" }),
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
    const created = await service().createClass(teacher.id, { name: "Term 3", timeZone: "UTC" });
    const id = created.ok ? created.value.id : "";
    const assigned = await service().addAssignment(teacher.id, id, {
      quiz: "module:services",
      dueAt: "2026-12-01T09:00",
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
    expect((await stuck.createClass(teacher.id, { name: "First", timeZone: "UTC" })).ok).toBe(true);
    expect(await stuck.createClass(teacher.id, { name: "Second", timeZone: "UTC" })).toEqual({
      ok: false,
      error: "Could not find a free join code; try again.",
    });
  });

  it("offers every lesson and module quiz, the final exam, every drill and each lesson's flashcards to assign", () => {
    // Other modules' lessons join this list as they are written; the services module's are fixed here.
    const choices = service().assignmentChoices();
    const quizzes = choices.filter((c) => c.group === "Quizzes");
    expect(quizzes.slice(0, 4)).toEqual([
      { value: "lesson:cluster-ip-vs-pod-ip", label: "Quiz: ClusterIP vs Pod IP", group: "Quizzes" },
      { value: "lesson:service-types", label: "Quiz: Service types", group: "Quizzes" },
      {
        value: "lesson:service-ports",
        label: "Quiz: Service port, targetPort, nodePort and containerPort",
        group: "Quizzes",
      },
      {
        value: "lesson:headless-and-statefulsets",
        label: "Quiz: Headless Services and StatefulSets",
        group: "Quizzes",
      },
    ]);
    expect(quizzes).toContainEqual({
      value: "module:services",
      label: `Module quiz: ${library.modules[0].title}`,
      group: "Quizzes",
    });
    expect(quizzes.at(-1)).toEqual({ value: "course:course", label: "Final exam", group: "Quizzes" });
    expect(quizzes).toHaveLength(library.lessons.length + library.modules.filter((m) => m.lessons.length).length + 1);
    expect(choices.filter((c) => c.group === "Drills").map((c) => c.value)).toEqual(
      DRILLS.map((d) => `drill:${d.slug}`),
    );
    expect(choices.filter((c) => c.group === "Flashcards")).toContainEqual({
      value: "review:cluster-ip-vs-pod-ip",
      label: "Flashcards: ClusterIP vs Pod IP",
      group: "Flashcards",
    });
  });
});

describe.each(testDatabases)("classes in their time zones on $name", ({ url }) => {
  const { ctx, service, user } = classServiceOn(url);
  const at = (iso: string) => new Date(iso);

  /** A class in `timeZone` with one learner, who joined at the service's `now`. */
  async function classIn(timeZone: string) {
    const teacher = await user("INSTRUCTOR");
    const learner = await user("LEARNER");
    const created = await service().createClass(teacher.id, { name: `Class in ${timeZone}`, timeZone });
    const cls = (await ctx.repos.classes.findForInstructor(teacher.id, created.ok ? created.value.id : ""))!;
    await service().join(learner.id, cls.joinCode);
    return { teacher, learner, cls };
  }

  async function finish(userId: string, startedAt: Date, completedAt: Date, score: number) {
    const attempt = await ctx.repos.quizzes.start(
      userId,
      { scope: "lesson", target: "cluster-ip-vs-pod-ip", seed: 3, feedback: "end", questionIds: ["q"] },
      startedAt,
    );
    await ctx.repos.quizzes.complete(userId, attempt.id, score, completedAt);
    return attempt;
  }

  it("takes due dates in the class's zone: 23:59 in Los Angeles is 06:59 UTC the next morning", async () => {
    const { teacher, learner, cls } = await classIn("America/Los_Angeles");
    expect(cls.timeZone).toBe("America/Los_Angeles");
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-10T23:59",
    });
    expect(assigned).toMatchObject({ ok: true, value: { dueAt: at("2026-09-11T06:59:00Z") } });
    // Finished at 22:00 in California on the 10th (05:00 UTC on the 11th): on time, not eight hours late.
    await finish(learner.id, at("2026-09-11T04:30:00Z"), at("2026-09-11T05:00:00Z"), 0.7);
    const mine = await service().learnerClasses(learner.id);
    expect(mine[0].assignments[0].result).toMatchObject({ status: "on-time", score: 0.7 });
  });

  it("takes due dates in a zone thirteen hours ahead, and across the day clocks go back", async () => {
    const { teacher, cls } = await classIn("Pacific/Tongatapu");
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-11T09:00",
    });
    expect(assigned).toMatchObject({ ok: true, value: { dueAt: at("2026-09-10T20:00:00Z") } });

    const auckland = await classIn("Pacific/Auckland");
    // 02:30 on 4 April 2027 happens twice in Auckland (03:00 NZDT goes back to 02:00 NZST): the first one.
    const repeated = await service().addAssignment(auckland.teacher.id, auckland.cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2027-04-04T02:30",
    });
    expect(repeated).toMatchObject({ ok: true, value: { dueAt: at("2027-04-03T13:30:00Z") } });
    // 02:30 on 26 September 2027 does not happen there (02:00 NZST goes forward to 03:00 NZDT).
    expect(
      await service().addAssignment(auckland.teacher.id, auckland.cls.id, {
        quiz: "module:services",
        dueAt: "2027-09-26T02:30",
      }),
    ).toMatchObject({
      ok: false,
      field: "dueAt",
      error: expect.stringMatching(/^That time does not happen in Pacific/),
    });
  });

  it("counts only attempts started after the learner joined and the quiz was assigned", async () => {
    const { teacher, learner, cls } = await classIn("UTC");
    // Practice the day before: before joining (the service's clock is `now`) and before the assignment.
    await finish(learner.id, at("2026-08-31T09:00:00Z"), at("2026-08-31T09:30:00Z"), 1);
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-10T12:00",
    });
    const assignmentId = assigned.ok ? assigned.value.id : "";
    const cell = async () => (await service().classDetail(teacher.id, cls.id))!.results.cells[learner.id][assignmentId];
    expect(await cell()).toEqual({ status: "open", score: null, attemptId: null, attempts: 0, submittedAt: null });
    expect((await service().learnerClasses(learner.id))[0].assignments[0].result.status).toBe("open");
    const work = await finish(learner.id, at("2026-09-02T09:00:00Z"), at("2026-09-02T09:30:00Z"), 0.4);
    expect(await cell()).toEqual({
      status: "on-time",
      score: 0.4,
      attemptId: work.id,
      attempts: 1,
      submittedAt: at("2026-09-02T09:30:00Z"),
    });
    expect(await service().reviewableAttemptOwner(teacher.id, work.id)).toEqual({
      userId: learner.id,
      name: learner.name,
    });
  });

  it("exports the results as CSV in the class's zone, to the class's instructor only", async () => {
    const { teacher, learner, cls } = await classIn("America/Los_Angeles");
    const other = await user("INSTRUCTOR");
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2026-09-10T23:59",
    });
    expect(assigned.ok).toBe(true);
    // 22:00 on the 10th in California, 05:00 UTC on the 11th: on time, and written as California's clock shows it.
    await finish(learner.id, at("2026-09-11T04:30:00Z"), at("2026-09-11T05:00:00Z"), 0.75);
    const file = (await service().resultsCsv(teacher.id, cls.id))!;
    expect(file.filename).toBe("Class in America/Los_Angeles results.csv");
    const lines = file.csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      '"learner","e-mail","assignment","due at","status","score (%)","attempts","submitted at"',
      `"Lea Rner","${learner.email}","Quiz: ClusterIP vs Pod IP","2026-09-10T23:59:00-07:00[America/Los_Angeles]","done on time","75","1","2026-09-10T22:00:00-07:00[America/Los_Angeles]"`,
    ]);
    // Another instructor, or a learner, gets nothing: the route answers 404.
    expect(await service().resultsCsv(other.id, cls.id)).toBeNull();
    expect(await service().resultsCsv(learner.id, cls.id)).toBeNull();
    expect(await service().resultsCsv(teacher.id, "no-such-class")).toBeNull();
  });

  it("refuses a quiz the class already has, with a clear message, even for parallel requests", async () => {
    const { teacher, cls } = await classIn("UTC");
    const input = { quiz: "lesson:cluster-ip-vs-pod-ip", dueAt: "2026-09-10T12:00" };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => service().addAssignment(teacher.id, cls.id, input)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 5 }, () => ({
        ok: false,
        field: "quiz",
        error:
          "This class already has “Quiz: ClusterIP vs Pod IP”. Change its due date under Assignments instead of assigning it twice.",
      })),
    );
    expect((await service().classDetail(teacher.id, cls.id))!.assignments).toHaveLength(1);
  });

  it("moves a due date in the class's zone, and removes a learner from the class", async () => {
    const { teacher, learner, cls } = await classIn("America/Los_Angeles");
    const other = await user("INSTRUCTOR");
    const assigned = await service().addAssignment(teacher.id, cls.id, {
      quiz: "module:services",
      dueAt: "2026-09-10T12:00",
    });
    const id = assigned.ok ? assigned.value.id : "";
    expect(await service().changeDueDate(teacher.id, id, "2026-11-01T01:30")).toMatchObject({
      ok: true,
      value: { dueAt: at("2026-11-01T08:30:00Z") }, // the first 01:30 (PDT) of the day clocks go back
    });
    expect(await service().changeDueDate(teacher.id, id, "2026-08-01T12:00")).toEqual({
      ok: false,
      error: "The due date must be in the future.",
      field: "dueAt",
    });
    expect(await service().changeDueDate(other.id, id, "2026-12-01T12:00")).toEqual({
      ok: false,
      error: "That assignment was removed; reload the page.",
    });
    expect(await service().removeMember(other.id, cls.id, learner.id)).toMatchObject({ ok: false });
    expect(await service().removeMember(teacher.id, cls.id, learner.id)).toEqual({ ok: true, value: null });
    expect(await service().removeMember(teacher.id, cls.id, learner.id)).toEqual({
      ok: false,
      error: "That learner is no longer in the class.",
    });
    expect(await service().learnerClasses(learner.id)).toEqual([]);
    expect((await service().classDetail(teacher.id, cls.id))!.members).toEqual([]);
  });
  it("changes a class's zone for its own instructor only, moving due dates to the same time on the new clock", async () => {
    const { teacher, learner, cls } = await classIn("UTC");
    const other = await user("INSTRUCTOR");
    const quiz = await service().addAssignment(teacher.id, cls.id, {
      quiz: "module:services",
      dueAt: "2026-09-10T17:00",
    });
    // 02:30 on 14 March 2027: a time Los Angeles skips (02:00 PST goes forward to 03:00 PDT).
    const skipped = await service().addAssignment(teacher.id, cls.id, {
      quiz: "lesson:cluster-ip-vs-pod-ip",
      dueAt: "2027-03-14T02:30",
    });
    expect(quiz).toMatchObject({ ok: true, value: { dueAt: at("2026-09-10T17:00:00Z") } });

    // Someone else's class: refused, and nothing changes.
    expect(await service().changeTimeZone(other.id, cls.id, "Asia/Kolkata")).toEqual({
      ok: false,
      error: "There is no such class.",
    });
    expect(await service().changeTimeZone(teacher.id, cls.id, "Mars/Olympus_Mons")).toEqual({
      ok: false,
      error: "Choose a time zone from the list.",
      field: "timeZone",
    });
    expect(await ctx.repos.classes.timeZoneForInstructor(teacher.id, cls.id)).toBe("UTC");

    expect(await service().changeTimeZone(teacher.id, cls.id, "America/Los_Angeles")).toEqual({
      ok: true,
      value: { from: "UTC", to: "America/Los_Angeles", moved: 2 },
    });
    const detail = (await service().classDetail(teacher.id, cls.id))!;
    expect(detail.timeZone).toBe("America/Los_Angeles");
    const due = Object.fromEntries(detail.assignments.map((a) => [a.scope, a.dueAt]));
    expect(due.module).toEqual(at("2026-09-11T00:00:00Z")); // 17:00 PDT
    expect(due.lesson).toEqual(at("2027-03-14T10:30:00Z")); // past the skipped hour: 03:30 PDT
    // The learner sees the class's zone and the moved due dates.
    const mine = await service().learnerClasses(learner.id);
    expect(mine[0].timeZone).toBe("America/Los_Angeles");
    expect(mine[0].assignments.map((a) => a.dueAt)).toEqual([at("2026-09-11T00:00:00Z"), at("2027-03-14T10:30:00Z")]);
    // New due dates are then typed in the new zone; the same zone again moves nothing.
    expect(
      await service().addAssignment(teacher.id, cls.id, {
        quiz: "review:cluster-ip-vs-pod-ip",
        dueAt: "2026-09-12T09:00",
      }),
    ).toMatchObject({ ok: true, value: { dueAt: at("2026-09-12T16:00:00Z") } });
    expect(await service().changeTimeZone(teacher.id, cls.id, "America/Los_Angeles")).toEqual({
      ok: true,
      value: { from: "America/Los_Angeles", to: "America/Los_Angeles", moved: 0 },
    });
    expect(skipped.ok).toBe(true);
  });
});
