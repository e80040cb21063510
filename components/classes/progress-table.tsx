import { Table } from "@/components/ui/table";
import type { ClassDetail } from "@/lib/classes/service/class-service";
import { formatDateTime } from "@/lib/format";

const COLUMNS = ["Lessons completed", "Drills completed", "Flashcard reviews (7 days)", "Last studied"];

/** What each learner has done outside the assignments: lessons, drills, reviews, last activity (in the viewer's zone). */
export function ProgressTable({ cls, timeZone }: { cls: ClassDetail; timeZone: string }) {
  return (
    <Table label="Lessons, drills and reviews per learner" className="mt-3">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2">
            Learner
          </th>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" className="px-3 py-2">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cls.progress.map((p) => (
          <tr key={p.userId} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 font-medium">
              {cls.members.find((m) => m.userId === p.userId)?.name}
            </th>
            <td className="px-3 py-2">
              {p.lessonsCompleted} / {cls.totals.lessons}
            </td>
            <td className="px-3 py-2">
              {p.drillsCompleted} / {cls.totals.drills}
            </td>
            <td className="px-3 py-2">{p.reviews}</td>
            <td className="px-3 py-2">{p.lastActive ? formatDateTime(p.lastActive, timeZone) : "never"}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
