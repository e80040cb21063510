import { describe, expect, it } from "vitest";
import { RESULTS_CSV_HEADER, resultsCsvRows } from "./class-csv";
import { classResults } from "./results";

const due = new Date("2026-09-11T06:59:00Z"); // 23:59 on 10 September in Los Angeles (UTC−7)
const assignments = [
  { id: "a1", scope: "lesson" as const, target: "l1", title: "Quiz: L1", dueAt: due, createdAt: new Date(0) },
];
const members = [
  { userId: "ann", name: "Ann", email: "ann@example.test", joinedAt: new Date(0) },
  { userId: "bob", name: "=Bob", email: "bob@example.test", joinedAt: new Date(0) },
  { userId: "cat", name: "Cat", email: "cat@example.test", joinedAt: new Date(0) },
];
const finished = (userId: string, score: number, completedAt: string) => ({
  id: `${userId}-${completedAt}`,
  userId,
  scope: "lesson",
  target: "l1",
  score,
  startedAt: new Date(new Date(completedAt).getTime() - 600_000),
  completedAt: new Date(completedAt),
});

describe("results.csv rows", () => {
  const attempts = [finished("ann", 0.8, "2026-09-11T05:00:00Z"), finished("bob", 0.456, "2026-09-11T07:30:00Z")];
  const rows = (timeZone: string, now: Date) =>
    resultsCsvRows({ timeZone, members, assignments, results: classResults(members, assignments, attempts, now) });

  it("writes one row per learner and assignment with the status the results table shows", () => {
    const after = new Date("2026-09-12T00:00:00Z");
    expect(RESULTS_CSV_HEADER).toHaveLength(rows("UTC", after)[0].length);
    expect(rows("America/Los_Angeles", after)).toEqual([
      [
        "Ann",
        "ann@example.test",
        "Quiz: L1",
        "2026-09-10T23:59:00-07:00[America/Los_Angeles]",
        "done on time",
        80,
        1,
        "2026-09-10T22:00:00-07:00[America/Los_Angeles]",
      ],
      [
        "=Bob", // lib/csv neutralises formula-looking cells when it writes the file
        "bob@example.test",
        "Quiz: L1",
        "2026-09-10T23:59:00-07:00[America/Los_Angeles]",
        "done late",
        45.6,
        1,
        "2026-09-11T00:30:00-07:00[America/Los_Angeles]",
      ],
      [
        "Cat",
        "cat@example.test",
        "Quiz: L1",
        "2026-09-10T23:59:00-07:00[America/Los_Angeles]",
        "missing",
        null,
        0,
        null,
      ],
    ]);
  });

  it("writes times in the class's zone: a class in UTC+13 reads the same hand-in on the next day", () => {
    const row = rows("Pacific/Tongatapu", new Date("2026-09-12T00:00:00Z"))[0];
    expect(row[3]).toBe("2026-09-11T19:59:00+13:00[Pacific/Tongatapu]");
    expect(row[7]).toBe("2026-09-11T18:00:00+13:00[Pacific/Tongatapu]");
  });

  it("says not yet done before the due date", () => {
    expect(rows("UTC", new Date("2026-09-10T00:00:00Z"))[2][4]).toBe("not yet done");
  });
});
