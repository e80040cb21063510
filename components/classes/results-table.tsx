import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { ResultCell } from "@/lib/classes/core/results";
import type { ClassDetail } from "@/lib/classes/service/class-service";
import { formatDateTime, formatPercent } from "@/lib/format";
import { isQuizScope } from "@/lib/quiz/core/attempt";

const CELL: Record<ResultCell["status"], string> = {
  "on-time": "text-emerald-800",
  late: "text-amber-800",
  missing: "text-red-700",
  open: "text-slate-500",
};

function cellText(c: ResultCell): string {
  switch (c.status) {
    case "on-time":
      return formatPercent(c.score);
    case "late":
      return `${formatPercent(c.score)} (late)`;
    case "missing":
      return "missing";
    case "open":
      return "not yet";
    default:
      return c.status satisfies never;
  }
}

/**
 * Best score per learner and assignment, with the class's average and counts per assignment. A
 * score opens the review of the attempt it comes from. Due dates read in the viewer's `timeZone`.
 */
export function ResultsTable({ cls, timeZone }: { cls: ClassDetail; timeZone: string }) {
  return (
    <Table label="Scores per learner and assignment" className="mt-3">
      <caption className="sr-only">
        Best score per learner and assignment; late means finished after the due date. Each score links to the review of
        that attempt.
      </caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2">
            Learner
          </th>
          {cls.assignments.map((a) => (
            <th key={a.id} scope="col" className="px-3 py-2">
              {a.title}
              {/* One line: a due date broken over two reads as two. On a phone the table scrolls instead. */}
              <span className="block whitespace-nowrap text-xs font-normal text-slate-600">
                due {formatDateTime(a.dueAt, timeZone)}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cls.members.map((m) => (
          <tr key={m.userId} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 font-medium">
              {m.name}
              <span className="block text-xs font-normal text-slate-600">{m.email}</span>
            </th>
            {cls.assignments.map((a) => {
              const c = cls.results.cells[m.userId][a.id];
              const text = cellText(c);
              return (
                <td key={a.id} className={`px-3 py-2 ${CELL[c.status]}`}>
                  {/* A quiz attempt has a review to open; drill runs and reviews have no page of their own. */}
                  {c.attemptId && isQuizScope(a.scope) ? (
                    <Link
                      href={`/quiz/${c.attemptId}/review`}
                      aria-label={`${text}: review ${m.name}'s attempt at ${a.title}`}
                      className="underline hover:no-underline"
                    >
                      {text}
                    </Link>
                  ) : (
                    text
                  )}
                  {c.attempts > 1 && <span className="block text-xs text-slate-500">{c.attempts} attempts</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-300 bg-slate-50">
        <tr>
          <th scope="row" className="px-3 py-2">
            Class
          </th>
          {cls.assignments.map((a) => {
            const s = cls.results.summary[a.id];
            return (
              <td key={a.id} className="px-3 py-2">
                average {formatPercent(s.average)} · {s.onTime} on time · {s.late} late · {s.missing} missing
              </td>
            );
          })}
        </tr>
      </tfoot>
    </Table>
  );
}
