import { describe, expect, it } from "vitest";
import { dueSoon, type LearnerAssignment } from "./due-soon";

const now = new Date("2026-10-01T12:00:00Z");
const day = 24 * 60 * 60 * 1000;
const a = (id: string, inDays: number, status: LearnerAssignment["status"]): LearnerAssignment => ({
  id,
  title: id,
  href: `/${id}`,
  className: "C",
  dueAt: new Date(now.getTime() + inDays * day),
  status,
});

describe("due soon", () => {
  it("lists open work due within a week and overdue work, soonest first; not what is done or far off", () => {
    const list = dueSoon(
      [
        a("far", 8, "open"),
        a("week", 7, "open"),
        a("tomorrow", 1, "open"),
        a("overdue", -2, "missing"),
        a("done", 1, "on-time"),
        a("late", -1, "late"),
      ],
      now,
    );
    expect(list.map((x) => x.id)).toEqual(["overdue", "tomorrow", "week"]);
  });
});
