import { describe, expect, it } from "vitest";
import { answerKey, gradeResponse } from "./grade";
import { questionPool } from "./pool";
import { type PublicIdScheme, shownIds, toInternalResponse, toPublicResponse } from "./public-ids";
import { toPublicQuestion } from "./public-question";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";

// A scheme that visibly renames everything, to check the mapping both ways for every kind.
const renamed: PublicIdScheme = { question: (q) => `Q(${q})`, choice: (q, id) => `C(${q}|${id})` };

describe("public ids, mapped both ways", () => {
  const pools = lessons.flatMap((lesson) => SEEDS.slice(0, 3).map((seed) => questionPool(lesson, seed)));
  it("turn every key into the browser's ids and back, still earning full marks", () => {
    for (const q of pools.flat()) {
      const sent = JSON.stringify(toPublicQuestion(q, 1, renamed));
      const key = toPublicResponse(q, answerKey(q), renamed);
      // Every id in the public key is one the browser was shown.
      for (const id of JSON.stringify(key).match(/C\([^)]*\)/g) ?? []) expect(sent, q.id).toContain(id);
      const back = toInternalResponse(q, key, renamed);
      expect(back, q.id).toEqual({ ok: true, value: answerKey(q) });
      expect(gradeResponse(q, back.ok ? back.value : key).score, q.id).toBe(1);
    }
  });
  it("list exactly the ids a question shows, and refuse any other", () => {
    for (const q of pools.flat()) {
      const ids = shownIds(q);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      if (q.kind === "cloze") {
        expect(ids).toEqual([]);
        continue;
      }
      // The internal key, as a copy of the generator would compute it offline, is refused.
      expect(toInternalResponse(q, answerKey(q), renamed), q.id).toEqual({
        ok: false,
        error: "That option is not part of this question.",
      });
    }
  });
  it("leave a response of another kind for responseProblem to name", () => {
    const q = pools.flat().find((x) => x.kind === "ordering" || x.kind === "matching")!;
    expect(toInternalResponse(q, { kind: "cloze", text: "x" }, renamed)).toEqual({
      ok: false,
      error: `This question expects ${q.kind === "ordering" ? "an ordering" : "a matching"} answer.`,
    });
  });
});
