import { describe, expect, it } from "vitest";
import { type DrawnItem, itemAnalysis, pearson } from "./item-analysis";

const item = (key: string, score: number, misconception: string | null = null): DrawnItem => ({
  key,
  lessonSlug: "l1",
  prompt: `Prompt ${key}`,
  score,
  misconception,
});

describe("item analysis", () => {
  it("computes Moodle's facility and discrimination (item score against the rest of the attempt)", () => {
    // Worked by hand: A scores 1,1,0,0 against rest-of-attempt means 1, .5, .5, 0, so
    // r = 0.5 / sqrt(1 × 0.5) = 0.7071; C scores 1,0,1,0 against 1,1,0,0: r = 0.
    const stats = itemAnalysis([
      { userId: "ann", items: [item("A", 1), item("B", 1), item("C", 1)] },
      { userId: "bob", items: [item("A", 1), item("B", 1), item("C", 0)] },
      { userId: "cat", items: [item("A", 0, "m1"), item("B", 0), item("C", 1)] },
      { userId: "dan", items: [item("A", 0, "m1"), item("B", 0, "m2"), item("C", 0, "m2")] },
    ]);
    const byKey = Object.fromEntries(stats.map((s) => [s.key, s]));
    expect(byKey.A.facility).toBe(0.5);
    expect(byKey.A.discrimination).toBeCloseTo(Math.SQRT1_2, 10);
    expect(byKey.B.discrimination).toBeCloseTo(Math.SQRT1_2, 10);
    expect(byKey.C.discrimination).toBe(0);
    expect(byKey.A.misconceptions).toEqual([{ misconception: "m1", count: 2 }]);
    expect(byKey.C).toMatchObject({ attempts: 4, prompt: "Prompt C", lessonSlug: "l1" });
  });

  it("lists the hardest first and gives no discrimination without enough attempts or spread", () => {
    const stats = itemAnalysis([
      { userId: "ann", items: [item("easy", 1), item("hard", 0), item("rare", 1)] },
      { userId: "bob", items: [item("easy", 1), item("hard", 0.5)] },
      { userId: "cat", items: [item("easy", 1), item("hard", 0)] },
    ]);
    expect(stats.map((s) => s.key)).toEqual(["hard", "easy", "rare"]);
    expect(stats[0].facility).toBeCloseTo(0.5 / 3, 10);
    expect(stats[1].discrimination).toBeNull(); // everyone right: no spread
    expect(stats[2].discrimination).toBeNull(); // one attempt
    expect(itemAnalysis([{ userId: "x", items: [item("solo", 1)] }])[0]).toMatchObject({
      facility: 1,
      discrimination: null,
    });
  });

  it("pearson matches a textbook value", () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7746, 4);
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });
});
