import { describe, expect, it } from "vitest";
import { parseForm } from "../../forms";
import {
  addAssignmentSchema,
  changeClassTimeZoneSchema,
  createClassSchema,
  dueDateProblem,
  removeAssignmentSchema,
} from "./schemas";

const now = new Date("2026-09-10T12:00:00Z");

function submit(dueAt: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ classId: "c1", quiz: "lesson:cluster-ip-vs-pod-ip", dueAt })) form.set(k, v);
  return parseForm(addAssignmentSchema, form);
}

describe("the assignment due date", () => {
  it("accepts a real date within five years, in the class's zone", () => {
    expect(dueDateProblem("2026-10-01T17:00", "Europe/Berlin", now)).toBeNull();
    expect(dueDateProblem("2031-09-10T12:00", "UTC", now)).toBeNull();
    expect(dueDateProblem("2025-09-10T12:00", "UTC", now)).toBeNull();
  });

  it("names impossible dates instead of rolling them over", () => {
    const impossible = "That date and time do not exist; pick them from the calendar.";
    expect(dueDateProblem("2030-13-45T25:61", "UTC", now)).toBe(impossible);
    expect(dueDateProblem("2027-02-30T10:00", "UTC", now)).toBe(impossible);
    expect(dueDateProblem("next friday", "UTC", now)).toBe(impossible);
  });

  it("refuses a time the clocks skip in the class's zone, and takes one they repeat", () => {
    expect(dueDateProblem("2027-03-14T02:30", "America/Los_Angeles", now)).toBe(
      "That time does not happen in America/Los_Angeles: the clocks go forward over it. Pick a time an hour later.",
    );
    expect(dueDateProblem("2027-03-14T02:30", "UTC", now)).toBeNull();
    expect(dueDateProblem("2026-11-01T01:30", "America/Los_Angeles", now)).toBeNull();
  });

  it("refuses dates too far away, saying which range is allowed", () => {
    const outside = "Pick a due date between 2025-09-10 and 2031-09-10.";
    expect(dueDateProblem("9999-12-31T23:59", "UTC", now)).toBe(outside);
    expect(dueDateProblem("2031-09-10T12:01", "UTC", now)).toBe(outside);
    expect(dueDateProblem("2020-01-01T00:00", "UTC", now)).toBe(outside);
    // The edge is an instant: 12:00 UTC is 01:00 the next day in Tonga, so the range reads in its days.
    expect(dueDateProblem("2031-09-11T01:00", "Pacific/Tongatapu", now)).toBeNull();
    expect(dueDateProblem("2031-09-11T01:01", "Pacific/Tongatapu", now)).toBe(
      "Pick a due date between 2025-09-11 and 2031-09-11.",
    );
  });

  it("comes back from the form as a field error on dueAt, with what was typed", () => {
    const parsed = submit("2030-13-45T25:61");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors).toEqual({
      dueAt: "That date and time do not exist; pick them from the calendar.",
    });
    expect(parsed.state.values?.dueAt).toBe("2030-13-45T25:61");
    const empty = submit("");
    expect(empty.ok || empty.state.fieldErrors.dueAt).toBe("Pick a due date and time.");
    expect(submit("2027-01-01T12:00").ok).toBe(true);
  });
});

describe("the other class forms", () => {
  it("take a class's zone only from Intl's list", () => {
    expect(createClassSchema.safeParse({ name: "Term", timeZone: "Pacific/Tongatapu" }).success).toBe(true);
    expect(createClassSchema.safeParse({ name: "Term", timeZone: "Mars/Olympus" }).error?.issues[0].message).toBe(
      "Choose a time zone from the list.",
    );
  });

  it("remove an assignment only from its confirm step", () => {
    expect(removeAssignmentSchema.safeParse({ classId: "c", assignmentId: "a", confirm: "yes" }).success).toBe(true);
    expect(removeAssignmentSchema.safeParse({ classId: "c", assignmentId: "a", confirm: "" }).success).toBe(false);
  });

  it("change a class's zone only to an IANA zone Intl knows, with a message to pick from the list", () => {
    const form = (timeZone: string) => {
      const f = new FormData();
      f.set("classId", "c1");
      f.set("timeZone", timeZone);
      return parseForm(changeClassTimeZoneSchema, f);
    };
    expect(form("Pacific/Auckland")).toMatchObject({ ok: true, data: { classId: "c1", timeZone: "Pacific/Auckland" } });
    for (const bad of ["Mars/Olympus_Mons", "pacific/auckland", "+05:30", ""]) {
      const parsed = form(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.state.fieldErrors.timeZone).toBe("Choose a time zone from the list.");
    }
  });
});
