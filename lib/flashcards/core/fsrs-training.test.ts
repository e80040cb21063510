import { forgetting_curve, fsrs, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  cardHistories,
  evaluationItems,
  isParameterSet,
  type LoggedRating,
  predictedRecall,
  type TrainingReview,
  trainingItems,
} from "./fsrs-training";
import { DEFAULT_PARAMETERS, newCardState, previewIntervals, rate } from "./scheduler";
import { simulateReviewLog } from "./simulated-review-log";

const at = (iso: string) => new Date(iso);
const rating = (cardId: string, r: LoggedRating["rating"], iso: string): LoggedRating => ({
  cardId,
  rating: r,
  review: at(iso),
});

describe("a review log as FSRS training data", () => {
  it("gives each card its ratings in order, 1 Again to 4 Easy, the first with 0 days", () => {
    const log = [
      rating("b", "good", "2026-03-02T09:00:00Z"),
      rating("a", "again", "2026-03-01T09:00:00Z"),
      rating("a", "hard", "2026-03-01T09:10:00Z"),
      rating("a", "easy", "2026-03-04T08:00:00Z"),
      rating("b", "good", "2026-03-12T09:00:00Z"),
    ];
    expect(cardHistories(log, "UTC")).toEqual([
      [
        { rating: 1, deltaT: 0 },
        { rating: 2, deltaT: 0 },
        { rating: 4, deltaT: 3 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 10 },
      ],
    ]);
  });

  it("counts days from midnight to midnight in the learner's zone, not in UTC", () => {
    // 23:30 and 00:30 UTC are a day apart in UTC but both the afternoon of 1 March in Los Angeles,
    // and both the morning of 2 March in Tokyo.
    const log = [rating("a", "good", "2026-03-01T23:30:00Z"), rating("a", "good", "2026-03-02T00:30:00Z")];
    expect(cardHistories(log, "UTC")[0][1].deltaT).toBe(1);
    expect(cardHistories(log, "America/Los_Angeles")[0][1].deltaT).toBe(0);
    expect(cardHistories(log, "Asia/Tokyo")[0][1].deltaT).toBe(0);
    // Across the night clocks go forward in Los Angeles (8 March 2026): 20:00 PST to 20:00 PDT two
    // days later is 47 hours, and two of the learner's days.
    const spring = [rating("a", "good", "2026-03-08T04:00:00Z"), rating("a", "good", "2026-03-10T03:00:00Z")];
    expect(cardHistories(spring, "America/Los_Angeles")[0][1].deltaT).toBe(2);
  });

  it("keeps two ratings of a card at the same instant in the log's order", () => {
    const log = [rating("a", "again", "2026-03-01T09:00:00Z"), rating("a", "good", "2026-03-01T09:00:00Z")];
    expect(cardHistories(log, "UTC")[0].map((r) => r.rating)).toEqual([1, 3]);
  });

  it("makes one item per rating on a later day than the card's first, holding the ratings up to it", () => {
    const history: TrainingReview[] = [
      { rating: 1, deltaT: 0 },
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 1 },
      { rating: 1, deltaT: 0 },
      { rating: 3, deltaT: 4 },
    ];
    const items = trainingItems([history, [{ rating: 3, deltaT: 0 }]]);
    expect(items.map((i) => i.length)).toEqual([3, 4, 5]);
    expect(items[1]).toEqual(history.slice(0, 4));
    // Log loss and RMSE are measured on the ratings that came on a later day than the one before.
    expect(evaluationItems(items).map((i) => i.length)).toEqual([3, 5]);
  });

  it("has no item for a card rated only on its first day", () => {
    expect(
      trainingItems([
        [
          { rating: 1, deltaT: 0 },
          { rating: 3, deltaT: 0 },
        ],
      ]),
    ).toEqual([]);
  });
});

describe("what a set of weights predicts over the log", () => {
  it("is the forgetting curve at each later-day rating, from the memory state the ratings before it left", () => {
    const model = fsrs(generatorParameters({ w: DEFAULT_PARAMETERS, enable_short_term: true }));
    const afterGood = model.next_state(null, 0, 3);
    const afterAgain = model.next_state(afterGood, 5, 1);
    const expected =
      (forgetting_curve(DEFAULT_PARAMETERS, 5, afterGood.stability) +
        forgetting_curve(DEFAULT_PARAMETERS, 2, afterAgain.stability)) /
      2;
    const history: TrainingReview[] = [
      { rating: 3, deltaT: 0 },
      { rating: 1, deltaT: 5 },
      { rating: 3, deltaT: 2 },
    ];
    const result = predictedRecall([history], DEFAULT_PARAMETERS);
    expect(result.reviews).toBe(2);
    expect(result.predicted).toBeCloseTo(expected, 10);
    // One of the two was recalled (the Again was not).
    expect(result.actual).toBe(0.5);
  });

  it("is nothing to measure without a later-day rating", () => {
    expect(predictedRecall([[{ rating: 3, deltaT: 0 }]], DEFAULT_PARAMETERS)).toEqual({
      reviews: 0,
      predicted: 0,
      actual: 0,
    });
  });

  it("accepts only 21 finite numbers as a set of weights", () => {
    expect(isParameterSet([...DEFAULT_PARAMETERS])).toBe(true);
    expect(isParameterSet(DEFAULT_PARAMETERS.slice(0, 19))).toBe(false);
    expect(isParameterSet([...DEFAULT_PARAMETERS.slice(0, 20), Number.NaN])).toBe(false);
    expect(isParameterSet("[1,2]")).toBe(false);
  });
});

describe("the scheduler with a learner's own weights", () => {
  it("schedules a first Easy by the learner's initial stability instead of the default", () => {
    const now = at("2026-03-01T09:00:00Z");
    const longer = DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? w * 3 : w));
    const settings = { desiredRetention: 0.9, parameters: longer };
    expect(rate(newCardState(now), "easy", now, settings).due.getTime()).toBeGreaterThan(
      rate(newCardState(now), "easy", now).due.getTime(),
    );
    expect(previewIntervals(newCardState(now), now, settings).easy).not.toBe(
      previewIntervals(newCardState(now), now).easy,
    );
  });
});

describe("a simulated learner's log", () => {
  const options = {
    seed: 3,
    cards: 10,
    start: at("2026-01-01T08:00:00Z"),
    end: at("2026-03-01T08:00:00Z"),
    memory: DEFAULT_PARAMETERS,
  };
  it("is the same for the same seed, different for another, oldest first and inside the span", () => {
    const log = simulateReviewLog(options);
    expect(simulateReviewLog(options)).toEqual(log);
    expect(simulateReviewLog({ ...options, seed: 4 })).not.toEqual(log);
    expect(new Set(log.map((r) => r.cardId)).size).toBe(10);
    const times = log.map((r) => r.review.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(options.start.getTime());
    expect(Math.max(...times)).toBeLessThan(options.end.getTime());
  });
});
