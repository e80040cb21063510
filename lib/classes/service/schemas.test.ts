import { describe, expect, it } from "vitest";
import { addUtcYears } from "../../dates";
import { parseForm } from "../../forms";
import { addAssignmentSchema, dueDateProblem } from "./schemas";

const now = new Date("2026-09-10T12:00:00Z");

/** A datetime-local value for an instant, as a browser in UTC would send it. */
const local = (instant: Date) => instant.toISOString().slice(0, 16);

function submit(dueAt: string, tzOffsetMinutes = "0") {
  const form = new FormData();
  for (const [k, v] of Object.entries({ classId: "c1", quiz: "lesson:cluster-ip-vs-pod-ip", dueAt, tzOffsetMinutes }))
    form.set(k, v);
  return parseForm(addAssignmentSchema, form);
}

describe("the assignment due date", () => {
  it("accepts a real date within five years", () => {
    expect(dueDateProblem("2026-10-01T17:00", -120, now)).toBeNull();
    expect(dueDateProblem("2031-09-10T12:00", 0, now)).toBeNull();
    expect(dueDateProblem("2025-09-10T12:00", 0, now)).toBeNull();
  });

  it("names impossible dates instead of rolling them over", () => {
    const impossible = "That date and time do not exist; pick them from the calendar.";
    expect(dueDateProblem("2030-13-45T25:61", 0, now)).toBe(impossible);
    expect(dueDateProblem("2027-02-30T10:00", 0, now)).toBe(impossible);
    expect(dueDateProblem("next friday", 0, now)).toBe(impossible);
  });

  it("refuses dates too far away, saying which range is allowed", () => {
    const outside = "Pick a due date between 2025-09-10 and 2031-09-10.";
    expect(dueDateProblem("9999-12-31T23:59", 0, now)).toBe(outside);
    expect(dueDateProblem("2031-09-10T12:01", 0, now)).toBe(outside);
    expect(dueDateProblem("2020-01-01T00:00", 0, now)).toBe(outside);
  });

  it("comes back from the form as a field error on dueAt, with what was typed", () => {
    const parsed = submit("2030-13-45T25:61");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors).toEqual({
      dueAt: "That date and time do not exist; pick them from the calendar.",
    });
    expect(parsed.state.values?.dueAt).toBe("2030-13-45T25:61");
    const farAway = submit("9999-12-31T23:59");
    expect(farAway.ok || farAway.state.fieldErrors.dueAt).toMatch(/^Pick a due date between /);
  });

  it("lets a good date through the form (the range is around the real clock)", () => {
    const nextMonth = new Date(Date.now() + 30 * 24 * 3600_000);
    expect(submit(local(nextMonth)).ok).toBe(true);
    expect(submit(local(addUtcYears(new Date(), 6))).ok).toBe(false);
  });
});
