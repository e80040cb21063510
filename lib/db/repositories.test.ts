import { describe, expect, it } from "vitest";
import { statusOf } from "../progress/core/lesson-status";
import { createDb } from "./create-db";
import { providerOf } from "./database-url";
import { repositoriesFor } from "./repositories";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";
import { EmailTakenError } from "./user-repository";

const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(testDatabases)("repositories on $name", ({ url }) => {
  const ctx = repositoriesOn(url);

  const newUser = (label = "user") =>
    ctx.repos.users.create({ email: uniqueEmail(label), name: "Test User", passwordHash: "hash" });

  it("creates a learner by default and finds it by e-mail regardless of case", async () => {
    const email = uniqueEmail("Case");
    const user = await ctx.repos.users.create({ email: `  ${email.toUpperCase()} `, name: " Ada ", passwordHash: "h" });
    expect(user.role).toBe("LEARNER");
    expect(user.email).toBe(email.toLowerCase());
    expect(user.name).toBe("Ada");
    expect((await ctx.repos.users.findByEmail(email.toUpperCase()))?.id).toBe(user.id);
  });

  it("refuses a second account with the same e-mail", async () => {
    const email = uniqueEmail("dup");
    await ctx.repos.users.create({ email, name: "One", passwordHash: "h" });
    await expect(
      ctx.repos.users.create({ email: email.toUpperCase(), name: "Two", passwordHash: "h" }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("upsert updates an existing account instead of failing (the seed can run twice)", async () => {
    const email = uniqueEmail("seed");
    const first = await ctx.repos.users.upsert({ email, name: "Before", passwordHash: "a", role: "LEARNER" });
    const second = await ctx.repos.users.upsert({ email, name: "After", passwordHash: "b", role: "INSTRUCTOR" });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ name: "After", passwordHash: "b", role: "INSTRUCTOR" });
  });

  it("starts a lesson on the first visit and only moves lastViewedAt on later visits", async () => {
    const user = await newUser();
    const first = await ctx.repos.progress.recordVisit(user.id, "lesson-a", t0);
    const second = await ctx.repos.progress.recordVisit(user.id, "lesson-a", later(5));
    expect(first.startedAt).toEqual(t0);
    expect(second.startedAt).toEqual(t0);
    expect(second.lastViewedAt).toEqual(later(5));
    expect(statusOf(second)).toBe("in-progress");
  });

  it("marks complete, keeps the first completion time, and can be undone", async () => {
    const user = await newUser();
    await ctx.repos.progress.recordVisit(user.id, "lesson-b", t0);
    const done = await ctx.repos.progress.setCompleted(user.id, "lesson-b", true, later(10));
    const again = await ctx.repos.progress.setCompleted(user.id, "lesson-b", true, later(20));
    expect(done.completedAt).toEqual(later(10));
    expect(again.completedAt).toEqual(later(10));
    expect(statusOf(again)).toBe("completed");
    const undone = await ctx.repos.progress.setCompleted(user.id, "lesson-b", false, later(30));
    expect(undone.completedAt).toBeNull();
  });

  it("adds the reading time it is given and remembers the section", async () => {
    const user = await newUser();
    await ctx.repos.progress.recordActivity(user.id, "lesson-c", { seconds: 40, sectionId: "comparison" }, t0);
    const after = await ctx.repos.progress.recordActivity(user.id, "lesson-c", { seconds: 25 }, later(1));
    expect(after.timeSpentSec).toBe(65);
    expect(after.lastSectionId).toBe("comparison");
    const cleared = await ctx.repos.progress.recordActivity(
      user.id,
      "lesson-c",
      { seconds: 0, sectionId: null },
      later(2),
    );
    expect(cleared.timeSpentSec).toBe(65);
    expect(cleared.lastSectionId).toBeNull();
  });

  it("never shows one learner another learner's progress", async () => {
    const alice = await newUser("alice");
    const bob = await newUser("bob");
    await ctx.repos.progress.setCompleted(alice.id, "lesson-d", true, t0);
    expect(await ctx.repos.progress.listForUser(bob.id)).toEqual([]);
    expect(await ctx.repos.progress.find(bob.id, "lesson-d")).toBeNull();
    expect((await ctx.repos.progress.listForUser(alice.id)).map((p) => p.lessonSlug)).toEqual(["lesson-d"]);
  });

  it("lists a learner's progress most recently viewed first", async () => {
    const user = await newUser();
    await ctx.repos.progress.recordVisit(user.id, "older", t0);
    await ctx.repos.progress.recordVisit(user.id, "newer", later(3));
    expect((await ctx.repos.progress.listForUser(user.id)).map((p) => p.lessonSlug)).toEqual(["newer", "older"]);
  });

  it("keeps progress when the client is closed and a new one connects (a server restart)", async () => {
    const user = await newUser();
    await ctx.repos.progress.setCompleted(user.id, "lesson-e", true, t0);
    const fresh = createDb(url);
    try {
      const record = await repositoriesFor(fresh, providerOf(url)).progress.find(user.id, "lesson-e");
      expect(record?.completedAt).toEqual(t0);
    } finally {
      await fresh.$disconnect();
    }
  });

  it("deleting a user deletes their progress", async () => {
    const user = await newUser();
    await ctx.repos.progress.recordVisit(user.id, "lesson-f", t0);
    await ctx.db.user.delete({ where: { id: user.id } });
    expect(await ctx.db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});
