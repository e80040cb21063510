import { describe, expect, it } from "vitest";
import { completionTime, heartbeatSeconds, MAX_SECONDS_PER_HEARTBEAT, statusOf } from "./lesson-status";

const record = (completedAt: Date | null) => ({
  lessonSlug: "a",
  startedAt: new Date(0),
  lastViewedAt: new Date(0),
  completedAt,
  timeSpentSec: 0,
  lastSectionId: null,
});

describe("lesson status", () => {
  it("is not started without a record, in progress with one, completed once completed", () => {
    expect(statusOf(undefined)).toBe("not-started");
    expect(statusOf(null)).toBe("not-started");
    expect(statusOf(record(null))).toBe("in-progress");
    expect(statusOf(record(new Date(5)))).toBe("completed");
  });

  it("counts a heartbeat as whole seconds between 0 and the cap", () => {
    expect(heartbeatSeconds(12.4)).toBe(12);
    expect(heartbeatSeconds(-50)).toBe(0);
    expect(heartbeatSeconds(99_999)).toBe(MAX_SECONDS_PER_HEARTBEAT);
  });

  it("keeps the first completion time and clears it when un-completed", () => {
    const first = new Date("2026-01-01T00:00:00Z");
    const now = new Date("2026-02-01T00:00:00Z");
    expect(completionTime(null, true, now)).toEqual(now);
    expect(completionTime(first, true, now)).toEqual(first);
    expect(completionTime(first, false, now)).toBeNull();
  });
});
