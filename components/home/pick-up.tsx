import Link from "next/link";
import type { LearnerAssignment } from "@/lib/classes/core/due-soon";
import { formatDateTime } from "@/lib/format";

export interface UnfinishedQuiz {
  id: string;
  title: string;
  href: string;
  answered: number;
  questions: number;
}

/** Assigned work due soon or overdue, and quizzes left half done: what a learner should pick up first. */
export function PickUp({
  due,
  unfinished,
  timeZone,
}: {
  due: LearnerAssignment[];
  unfinished: UnfinishedQuiz[];
  timeZone: string;
}) {
  if (due.length === 0 && unfinished.length === 0) return null;
  return (
    <section aria-labelledby="pick-up-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-6">
      <h2 id="pick-up-heading" className="text-lg font-semibold text-slate-900">
        To pick up
      </h2>
      <ul className="mt-3 space-y-2">
        {due.map((a) => (
          <li key={a.id}>
            <Link href={a.href} className="font-medium text-brand-700 underline">
              {a.title}
            </Link>{" "}
            <span className="text-slate-800">
              for {a.className}: {a.status === "missing" ? "overdue since" : "due"} {formatDateTime(a.dueAt, timeZone)}
            </span>
          </li>
        ))}
        {unfinished.map((q) => (
          <li key={q.id}>
            <Link href={q.href} className="font-medium text-brand-700 underline">
              {q.title}
            </Link>{" "}
            <span className="text-slate-800">
              unfinished: {q.answered} of {q.questions} answered
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
