import { describe, expect, it } from "vitest";
import { newCardState, rate } from "../flashcards/core/scheduler";
import { JoinCodeTakenError } from "./class-repository";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

const code = () =>
  `T${Math.random().toString(36).slice(2, 5).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
const t0 = new Date("2026-09-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const lessonQuiz = { scope: "lesson" as const, target: "cluster-ip-vs-pod-ip" };

describe.each(testDatabases)("classes on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const user = (role: "LEARNER" | "INSTRUCTOR" = "LEARNER") =>
    ctx.repos.users.upsert({
      email: uniqueEmail(role.toLowerCase()),
      name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
      passwordHash: "h",
      role,
    });
  const newClass = (instructorId: string, name = "Class", timeZone = "UTC") =>
    ctx.repos.classes.create(instructorId, { name, joinCode: code(), timeZone }, t0);
  const finishedAttempt = async (userId: string, startedAt: Date, score = 0.5) => {
    const attempt = await ctx.repos.quizzes.start(
      userId,
      { ...lessonQuiz, seed: 1, feedback: "end", questionIds: ["q"] },
      startedAt,
    );
    await ctx.repos.quizzes.complete(userId, attempt.id, score, later(60));
    return attempt;
  };

  it("lets an instructor create a class in a time zone that learners join by code, once each", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user();
    const joinCode = code();
    const cls = await ctx.repos.classes.create(
      teacher.id,
      { name: " Networking 101 ", joinCode, timeZone: "Pacific/Tongatapu" },
      t0,
    );
    expect(cls).toMatchObject({ name: "Networking 101", joinCode, timeZone: "Pacific/Tongatapu", memberCount: 0 });
    expect(await ctx.repos.classes.join(learner.id, joinCode, later(5))).toEqual({
      id: cls.id,
      name: "Networking 101",
    });
    await ctx.repos.classes.join(learner.id, joinCode, later(10));
    expect((await ctx.repos.classes.listForInstructor(teacher.id))[0]).toMatchObject({
      memberCount: 1,
      timeZone: "Pacific/Tongatapu",
    });
    // Joining again keeps the first join time: it decides which attempts count.
    expect((await ctx.repos.classes.findForInstructor(teacher.id, cls.id))?.members[0].joinedAt).toEqual(later(5));
    expect(await ctx.repos.classes.timeZoneForInstructor(teacher.id, cls.id)).toBe("Pacific/Tongatapu");
    expect(await ctx.repos.classes.join(learner.id, "NOPE-NOPE", t0)).toBeNull();
    expect(await ctx.repos.classes.join(teacher.id, joinCode, t0)).toBeNull();
    await expect(
      ctx.repos.classes.create(teacher.id, { name: "Copy", joinCode, timeZone: "UTC" }, t0),
    ).rejects.toBeInstanceOf(JoinCodeTakenError);
  });

  it("keeps each instructor to their own classes, assignments, members and attempts", async () => {
    const a = await user("INSTRUCTOR");
    const b = await user("INSTRUCTOR");
    const learner = await user();
    const cls = await newClass(a.id, "A's class");
    await ctx.repos.classes.join(learner.id, cls.joinCode, t0);
    const input = { ...lessonQuiz, dueAt: later(600) };
    expect(await ctx.repos.classes.findForInstructor(b.id, cls.id)).toBeNull();
    expect(await ctx.repos.classes.timeZoneForInstructor(b.id, cls.id)).toBeNull();
    expect(await ctx.repos.classes.addAssignment(b.id, cls.id, input, t0)).toEqual({ kind: "no-class" });
    expect(await ctx.repos.classes.memberAttempts(b.id, cls.id)).toBeNull();
    expect(await ctx.repos.classes.memberProgress(b.id, cls.id, t0)).toBeNull();
    const added = await ctx.repos.classes.addAssignment(a.id, cls.id, input, t0);
    if (added.kind !== "created") throw new Error(added.kind);
    const assignmentId = added.assignment.id;
    expect(added.assignment).toMatchObject({ ...input, classId: cls.id, createdAt: t0 });
    expect(await ctx.repos.classes.findAssignmentForInstructor(b.id, assignmentId)).toBeNull();
    expect(await ctx.repos.classes.setDueDate(b.id, assignmentId, later(900))).toBeNull();
    expect(await ctx.repos.classes.removeAssignment(b.id, assignmentId)).toBe(false);
    expect(await ctx.repos.classes.removeMember(b.id, cls.id, learner.id)).toBe(false);
    const attempt = await finishedAttempt(learner.id, later(1));
    expect(await ctx.repos.classes.attemptOwnerForInstructor(b.id, attempt.id)).toBeNull();

    expect(await ctx.repos.classes.attemptOwnerForInstructor(a.id, attempt.id)).toEqual({
      userId: learner.id,
      name: learner.name,
    });
    expect(await ctx.repos.classes.findAssignmentForInstructor(a.id, assignmentId)).toMatchObject({
      id: assignmentId,
      timeZone: "UTC",
    });
    expect(await ctx.repos.classes.setDueDate(a.id, assignmentId, later(900))).toMatchObject({ dueAt: later(900) });
    expect((await ctx.repos.classes.findForInstructor(a.id, cls.id))!.assignments).toMatchObject([
      { id: assignmentId, dueAt: later(900), createdAt: t0 },
    ]);
    expect(await ctx.repos.classes.removeMember(a.id, cls.id, learner.id)).toBe(true);
    expect(await ctx.repos.classes.removeMember(a.id, cls.id, learner.id)).toBe(false);
    // Out of the class, the learner's attempts are no longer the instructor's to read.
    expect(await ctx.repos.classes.attemptOwnerForInstructor(a.id, attempt.id)).toBeNull();
    expect(await ctx.repos.classes.removeAssignment(a.id, assignmentId)).toBe(true);
    expect(await ctx.repos.classes.setDueDate(a.id, assignmentId, later(900))).toBeNull();
  });

  it("shows the instructor finished attempts of members only, and learners their assignments", async () => {
    const teacher = await user("INSTRUCTOR");
    const member = await user();
    const outsider = await user();
    const cls = await newClass(teacher.id, "Results");
    await ctx.repos.classes.join(member.id, cls.joinCode, t0);
    await ctx.repos.classes.addAssignment(teacher.id, cls.id, { ...lessonQuiz, dueAt: t0 }, t0);
    const attempts = [];
    for (const u of [member, outsider]) attempts.push(await finishedAttempt(u.id, t0));
    await ctx.repos.quizzes.start(member.id, { ...lessonQuiz, seed: 2, feedback: "end", questionIds: ["q"] }, t0);
    const finished = [
      {
        id: attempts[0].id,
        userId: member.id,
        ...lessonQuiz,
        score: 0.5,
        startedAt: t0,
        completedAt: later(60),
      },
    ];
    expect(await ctx.repos.classes.memberAttempts(teacher.id, cls.id)).toEqual(finished);
    expect(await ctx.repos.classes.finishedAttemptsOf(member.id)).toEqual(finished);
    expect(await ctx.repos.classes.attemptOwnerForInstructor(teacher.id, attempts[1].id)).toBeNull();
    const mine = await ctx.repos.classes.listForMember(member.id);
    expect(mine).toMatchObject([
      {
        id: cls.id,
        name: "Results",
        instructorName: teacher.name,
        joinedAt: t0,
        assignments: [{ target: "cluster-ip-vs-pod-ip", createdAt: t0 }],
      },
    ]);
    expect(await ctx.repos.classes.listForMember(outsider.id)).toEqual([]);
    await ctx.repos.classes.leave(member.id, cls.id);
    expect(await ctx.repos.classes.listForMember(member.id)).toEqual([]);
  });

  it("assigns a quiz once per class: a second, even sent at the same moment, is refused", async () => {
    const teacher = await user("INSTRUCTOR");
    const cls = await newClass(teacher.id, "Once");
    const other = await newClass(teacher.id, "Other");
    const input = { ...lessonQuiz, dueAt: later(600) };
    // Eight requests in parallel, each on its own connection where the database allows it: the
    // unique key lets exactly one through, whatever the interleaving.
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ctx.repos.classes.addAssignment(teacher.id, cls.id, input, later(i))),
    );
    expect(outcomes.filter((o) => o.kind === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "duplicate")).toHaveLength(7);
    expect((await ctx.repos.classes.findForInstructor(teacher.id, cls.id))!.assignments).toHaveLength(1);
    // The same quiz in another class, or another quiz in this one, is a different assignment.
    expect((await ctx.repos.classes.addAssignment(teacher.id, other.id, input, t0)).kind).toBe("created");
    expect(
      (await ctx.repos.classes.addAssignment(teacher.id, cls.id, { ...input, scope: "module", target: "services" }, t0))
        .kind,
    ).toBe("created");
  });

  it("dates a member's last activity by quiz answers and kept ratings, not by lesson views", async () => {
    const teacher = await user("INSTRUCTOR");
    const [answering, rating, reading] = [await user(), await user(), await user()];
    const cls = await newClass(teacher.id, "Activity");
    for (const u of [answering, rating, reading]) await ctx.repos.classes.join(u.id, cls.joinCode, t0);
    const attempt = await ctx.repos.quizzes.start(
      answering.id,
      { ...lessonQuiz, seed: 1, feedback: "end", questionIds: ["q1", "q2"] },
      later(1),
    );
    const answer = (questionId: string) => ({ questionId, response: "{}", score: 1, correct: true });
    await ctx.repos.quizzes.recordAnswer(answering.id, attempt.id, answer("q1"), later(5));
    await ctx.repos.quizzes.recordAnswer(answering.id, attempt.id, answer("q2"), later(9));
    const card = (at: Date, expectedVersion: number, previous: ReturnType<typeof newCardState> | null) => ({
      cardId: "lesson:card",
      lessonSlug: "lesson",
      expectedVersion,
      previous,
      next: rate(previous ?? newCardState(at), "good", at),
      rating: "good" as const,
    });
    await ctx.repos.flashcards.applyRating(rating.id, card(later(20), 0, null), later(20));
    const kept = (await ctx.repos.flashcards.state(rating.id, "lesson:card"))!;
    await ctx.repos.flashcards.applyRating(rating.id, card(later(30), kept.version, kept), later(30));
    // The second rating is undone: the last activity is the first one's time again.
    await ctx.repos.flashcards.undoLast(rating.id, later(31));
    await ctx.repos.progress.recordActivity(reading.id, "cluster-ip-vs-pod-ip", { seconds: 30 }, later(40));

    const progress = (await ctx.repos.classes.memberProgress(teacher.id, cls.id, t0))!;
    expect(progress.get(answering.id)?.lastActive).toEqual(later(9));
    expect(progress.get(rating.id)).toMatchObject({ reviews: 1, lastActive: later(20) });
    expect(progress.get(reading.id)?.lastActive ?? null).toBeNull();
  });
});
