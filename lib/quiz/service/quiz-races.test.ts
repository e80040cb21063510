import { describe, expect, it } from "vitest";
import { testDatabases } from "../../db/test-support/databases";
import { ATTEMPT_FINISHED } from "./quiz-service";
import { quizServiceOn } from "./test-support/quiz-service-on";

// Issue 10, item 4: on PostgreSQL a finish racing submits stored answers after completion, and the
// stored score missed acknowledged answers. Real parallel calls on a real database, no mocks.

describe.each(testDatabases)("quiz state under parallel calls on $name", ({ url }) => {
  const { ctx, started, rightAnswer } = quizServiceOn(url);

  it("stores each acknowledged answer exactly once and counts it, when 20 submits race a finish (10 trials)", async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { user, view, serverQuestions, secret } = await started("immediate");
      const submit = (i: number) =>
        ctx.service.submit(user.id, view.id, view.questions[i].id, rightAnswer(serverQuestions[i], secret));
      // Every question twice (a double click), the finish issued in the middle, all in flight at once.
      const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      const [before, finished, after] = await Promise.all([
        Promise.all(order.slice(0, 10).map(submit)),
        ctx.service.finish(user.id, view.id),
        Promise.all(order.slice(10).map(submit)),
      ]);
      const results = [...before, ...after];
      const label = `trial ${trial}`;
      for (const r of results) if (!r.ok) expect(r, label).toEqual({ ok: false, status: 409, error: ATTEMPT_FINISHED });
      const stored = (await ctx.repos.quizzes.find(user.id, view.id))!;
      const storedIds = stored.answers.map((a) => a.questionId);
      const acknowledged = new Set(order.filter((_, n) => results[n].ok).map((i) => serverQuestions[i].id));
      // Every acknowledged answer is stored, once; nothing refused is stored.
      expect(new Set(storedIds).size, label).toBe(storedIds.length);
      expect([...storedIds].sort(), label).toEqual([...acknowledged].sort());
      // One of the acknowledgements of each stored answer is the first, the others say duplicate.
      for (const [i, q] of serverQuestions.entries()) {
        const firsts = results.filter((r, n) => order[n] === i && r.ok && !r.value.duplicate);
        expect(firsts.length, `${label} ${q.id}`).toBe(acknowledged.has(q.id) ? 1 : 0);
      }
      // Every answer was right, so the score is the share of questions whose answer landed.
      expect(finished, label).toEqual({ ok: true, value: { score: acknowledged.size / 10 } });
      expect(stored.score, label).toBe(acknowledged.size / 10);
    }
    // Ten trials of 21 parallel calls: on a busy 2-core machine this has taken over 20 s.
  }, 90_000);
});
