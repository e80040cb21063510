import type { CellStatus } from "./results";

// What a learner's home page lists under "Due soon": work not done yet whose due date is near,
// and work already overdue (still worth doing late), soonest first.

export interface LearnerAssignment {
  id: string;
  title: string;
  href: string;
  className: string;
  dueAt: Date;
  status: CellStatus;
}

export const DUE_SOON_DAYS = 7;

export function dueSoon(assignments: LearnerAssignment[], now: Date, days = DUE_SOON_DAYS): LearnerAssignment[] {
  const horizon = now.getTime() + days * 24 * 60 * 60 * 1000;
  return assignments
    .filter((a) => a.status === "missing" || (a.status === "open" && a.dueAt.getTime() <= horizon))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
