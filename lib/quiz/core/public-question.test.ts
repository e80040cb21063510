import { describe, expect, it } from "vitest";
import type { SingleQuestion } from "./kinds/single";
import { questionPool } from "./pool";
import { toPublicQuestion } from "./public-question";
import { lessons } from "./test-support/quiz-fixtures";

describe("what the browser receives before answering", () => {
  const pool = questionPool(lessons[0], 2);
  it("has no answer key, explanation, misconception or evidence", () => {
    for (const q of pool) {
      const sent = toPublicQuestion(q, 99);
      const text = JSON.stringify(sent);
      for (const field of ["answer", "explanation", "misconception", "evidence", "accepted", "sectionId"])
        expect(sent).not.toHaveProperty(field);
      expect(text).not.toContain(q.explanation);
      if (q.kind === "cloze") expect(text).not.toContain(`"${q.answer}"`);
    }
  });
  it("keeps option order stable for an attempt and shuffles it between attempts", () => {
    const q = pool.find((q): q is SingleQuestion => q.kind === "single" && q.options.length >= 3)!;
    const order = (seed: number) =>
      (toPublicQuestion(q, seed) as { options: { id: string }[] }).options.map((o) => o.id).join();
    expect(order(1)).toBe(order(1));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order)).size).toBeGreaterThan(1);
  });
  it("sends every option, item and choice id through publicId", () => {
    const rename = { question: (id: string) => id, choice: (_q: string, id: string) => `pub-${id}` };
    for (const q of pool) {
      const plain = JSON.stringify(toPublicQuestion(q, 5));
      const renamed = toPublicQuestion(q, 5, rename);
      const ids = [renamed]
        .flatMap((p) =>
          "options" in p ? p.options : "items" in p ? [...p.items, ...("choices" in p ? p.choices : [])] : [],
        )
        .map((i) => i.id);
      expect(
        ids.every((id) => id.startsWith("pub-")),
        q.id,
      ).toBe(true);
      // Same order and texts: only the ids change.
      expect(JSON.stringify(renamed).replaceAll('"pub-', '"'), q.id).toBe(plain);
    }
  });
});
