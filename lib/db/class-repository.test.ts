import { describe, expect, it } from "vitest";
import { JoinCodeTakenError } from "./class-repository";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

const code = () =>
  `T${Math.random().toString(36).slice(2, 5).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
const t0 = new Date("2026-09-01T10:00:00Z");

describe.each(testDatabases)("classes on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const user = (role: "LEARNER" | "INSTRUCTOR" = "LEARNER") =>
    ctx.repos.users.upsert({
      email: uniqueEmail(role.toLowerCase()),
      name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
      passwordHash: "h",
      role,
    });

  it("lets an instructor create a class that learners join by code, once each", async () => {
    const teacher = await user("INSTRUCTOR");
    const learner = await user();
    const joinCode = code();
    const cls = await ctx.repos.classes.create(teacher.id, " Networking 101 ", joinCode);
    expect(cls).toMatchObject({ name: "Networking 101", joinCode, memberCount: 0 });
    expect(await ctx.repos.classes.join(learner.id, joinCode)).toEqual({ id: cls.id, name: "Networking 101" });
    await ctx.repos.classes.join(learner.id, joinCode);
    expect((await ctx.repos.classes.listForInstructor(teacher.id))[0].memberCount).toBe(1);
    expect(await ctx.repos.classes.join(learner.id, "NOPE-NOPE")).toBeNull();
    expect(await ctx.repos.classes.join(teacher.id, joinCode)).toBeNull();
    await expect(ctx.repos.classes.create(teacher.id, "Copy", joinCode)).rejects.toBeInstanceOf(JoinCodeTakenError);
  });

  it("keeps each instructor to their own classes", async () => {
    const a = await user("INSTRUCTOR");
    const b = await user("INSTRUCTOR");
    const cls = await ctx.repos.classes.create(a.id, "A's class", code());
    expect(await ctx.repos.classes.findForInstructor(b.id, cls.id)).toBeNull();
    expect(await ctx.repos.classes.addAssignment(b.id, cls.id, { scope: "lesson", target: "x", dueAt: t0 })).toBeNull();
    expect(await ctx.repos.classes.memberAttempts(b.id, cls.id)).toBeNull();
    expect(await ctx.repos.classes.memberProgress(b.id, cls.id, t0)).toBeNull();
    const assignment = await ctx.repos.classes.addAssignment(a.id, cls.id, { scope: "lesson", target: "x", dueAt: t0 });
    expect(await ctx.repos.classes.removeAssignment(b.id, assignment!.id)).toBe(false);
    expect((await ctx.repos.classes.findForInstructor(a.id, cls.id))!.assignments).toHaveLength(1);
    expect(await ctx.repos.classes.removeAssignment(a.id, assignment!.id)).toBe(true);
  });

  it("shows the instructor finished attempts of members only, and learners their assignments", async () => {
    const teacher = await user("INSTRUCTOR");
    const member = await user();
    const outsider = await user();
    const cls = await ctx.repos.classes.create(teacher.id, "Results", code());
    await ctx.repos.classes.join(member.id, cls.joinCode);
    await ctx.repos.classes.addAssignment(teacher.id, cls.id, {
      scope: "lesson",
      target: "cluster-ip-vs-pod-ip",
      dueAt: t0,
    });
    for (const u of [member, outsider]) {
      const attempt = await ctx.repos.quizzes.start(
        u.id,
        { scope: "lesson", target: "cluster-ip-vs-pod-ip", seed: 1, feedback: "end", questionIds: ["q"] },
        t0,
      );
      await ctx.repos.quizzes.complete(u.id, attempt.id, 0.5, t0);
    }
    await ctx.repos.quizzes.start(
      member.id,
      { scope: "lesson", target: "cluster-ip-vs-pod-ip", seed: 2, feedback: "end", questionIds: ["q"] },
      t0,
    );
    const attempts = await ctx.repos.classes.memberAttempts(teacher.id, cls.id);
    expect(attempts).toEqual([
      { userId: member.id, scope: "lesson", target: "cluster-ip-vs-pod-ip", score: 0.5, completedAt: t0 },
    ]);
    const mine = await ctx.repos.classes.listForMember(member.id);
    expect(mine).toMatchObject([
      { id: cls.id, name: "Results", instructorName: teacher.name, assignments: [{ target: "cluster-ip-vs-pod-ip" }] },
    ]);
    expect(await ctx.repos.classes.listForMember(outsider.id)).toEqual([]);
    await ctx.repos.classes.leave(member.id, cls.id);
    expect(await ctx.repos.classes.listForMember(member.id)).toEqual([]);
  });
});
