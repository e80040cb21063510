import { describe, expect, it } from "vitest";
import { nextTryAfter, scorePayload, scoresUrl } from "./score";

describe("the AGS score (Assignment and Grade Services 2.0, lti-ags/v2p0#score-publish-service)", () => {
  it("scales the attempt's score to scoreMaximum and marks it Completed and FullyGraded", () => {
    expect(
      scorePayload({ sub: "user-7", fraction: 0.755, scoreMaximum: 100, at: new Date("2026-06-01T09:00:00Z") }),
    ).toEqual({
      userId: "user-7",
      scoreGiven: 75.5,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: "2026-06-01T09:00:00.000Z",
    });
  });

  it("keeps scoreGiven between 0 and scoreMaximum", () => {
    const at = new Date(0);
    expect(scorePayload({ sub: "u", fraction: 1.2, scoreMaximum: 10, at }).scoreGiven).toBe(10);
    expect(scorePayload({ sub: "u", fraction: -1, scoreMaximum: 10, at }).scoreGiven).toBe(0);
  });

  it("posts to the line item's path plus /scores, keeping its query", () => {
    expect(scoresUrl("https://lms.example/lineitems/9?type=x")).toBe("https://lms.example/lineitems/9/scores?type=x");
    expect(scoresUrl("https://lms.example/lineitems/9/")).toBe("https://lms.example/lineitems/9/scores");
  });

  it("backs off 1, 4, 16, 64 minutes after each failed try, and never more than 6 hours", () => {
    const at = new Date("2026-06-01T09:00:00Z");
    const minutes = [1, 2, 3, 4, 5, 9].map((tries) => (nextTryAfter(tries, at).getTime() - at.getTime()) / 60_000);
    expect(minutes).toEqual([1, 4, 16, 64, 256, 360]);
  });
});
