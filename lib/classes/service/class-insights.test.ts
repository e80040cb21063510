import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { templateKey } from "../../quiz/core/templates";
import type { Question } from "../../quiz/core/types";
import { createClassInsights } from "./class-insights";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];
const [first, second] = lesson.concepts.map((c) => c.id);
const at = new Date("2026-09-01T10:00:00Z");

const single = (id: string, concept: string): Question => ({
  kind: "single",
  id,
  lessonSlug: lesson.slug,
  sectionId: "comparison",
  prompt: `Question ${id}?`,
  explanation: "Because.",
  concepts: [concept],
  difficulty: 1,
  source: "lesson",
  options: [
    { id: "right", text: "Right" },
    { id: "wrong", text: "Wrong", misconception: `Misread ${id}` },
  ],
  answer: "right",
});
const questions = [single("t1:a", first), single("t2:b", second)];

describe.each(testDatabases)("class insights on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const insights = () =>
    createClassInsights({ repos: ctx.repos, library: () => library, drillLessons: () => new Map(), now: () => at });
  const user = (role: "LEARNER" | "INSTRUCTOR") =>
    ctx.repos.users.upsert({ email: uniqueEmail(role), name: `${role} user`, passwordHash: "h", role });
  /** A finished attempt of both questions, answered right (true) or wrong (false) or not at all (null). */
  async function takes(userId: string, answers: (boolean | null)[]) {
    const attempt = await ctx.repos.quizzes.start(
      userId,
      {
        scope: "lesson",
        target: lesson.slug,
        seed: 1,
        feedback: "end",
        questionIds: questions.map((q) => q.id),
        questions,
      },
      at,
    );
    for (const [i, right] of answers.entries()) {
      if (right === null) continue;
      const response = JSON.stringify({ kind: "single", optionId: right ? "right" : "wrong" });
      await ctx.repos.quizzes.recordAnswer(
        userId,
        attempt.id,
        { questionId: questions[i].id, response, score: right ? 1 : 0, correct: right },
        at,
      );
    }
    await ctx.repos.quizzes.complete(userId, attempt.id, 0, at);
  }

  it("gives the instructor item statistics, each learner's mastery and the class's misconceptions", async () => {
    const teacher = await user("INSTRUCTOR");
    const created = await ctx.repos.classes.create(
      teacher.id,
      { name: "Insights", joinCode: `I${Date.now().toString(36).slice(-7)}`, timeZone: "UTC" },
      at,
    );
    const learners = [await user("LEARNER"), await user("LEARNER"), await user("LEARNER")];
    for (const l of learners) await ctx.repos.classes.join(l.id, created.joinCode, at);
    await takes(learners[0].id, [true, true]);
    await takes(learners[1].id, [true, false]);
    await takes(learners[2].id, [false, null]);
    const outsider = await user("LEARNER");
    await takes(outsider.id, [false, false]);

    const result = (await insights().insights(teacher.id, created.id))!;
    const item = (q: Question) => result.items.find((i) => i.key === templateKey(q))!;
    expect(item(questions[0])).toMatchObject({
      attempts: 3,
      misconceptions: [{ misconception: "Misread t1:a", count: 1 }],
    });
    expect(item(questions[0]).facility).toBeCloseTo(2 / 3, 10);
    // The unanswered question counts 0, as in Moodle; the outsider's answers are not the class's.
    expect(item(questions[1]).facility).toBeCloseTo(1 / 3, 10);
    expect(result.misconceptions.map((m) => [m.misconception, m.learners, m.openLearners])).toEqual([
      ["Misread t1:a", 1, 1],
      ["Misread t2:b", 1, 1],
    ]);
    expect(result.members.map((m) => m.userId)).toEqual(learners.map((l) => l.id));
    const levelOf = (i: number, concept: string) =>
      result.members[i].mastery.concepts.find((c) => c.lessonSlug === lesson.slug && c.conceptId === concept)!.level;
    expect([levelOf(0, first), levelOf(1, second), levelOf(2, second)]).toEqual([
      "familiar",
      "attempted",
      "not-started",
    ]);

    expect(await insights().insights((await user("INSTRUCTOR")).id, created.id)).toBeNull();
  });
});
