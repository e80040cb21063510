import { LevelBadge } from "@/components/progress/level-badge";
import { Table } from "@/components/ui/table";
import type { NamedConceptMastery } from "@/lib/progress/core/learner-mastery";

export interface GridRow {
  userId: string;
  name: string;
  concepts: NamedConceptMastery[];
}

/** Learners down, one module's concepts across, each cell the learner's level (written out, not only coloured). */
export function MasteryGrid({ rows, columns }: { rows: GridRow[]; columns: { key: string; name: string }[] }) {
  return (
    <Table label="Mastery by learner and concept">
      <thead className="bg-slate-50 text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2 font-semibold">
            Learner
          </th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="px-3 py-2 font-semibold">
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId} className="border-t border-slate-100">
            <th scope="row" className="px-3 py-2 font-normal whitespace-nowrap">
              {row.name}
            </th>
            {row.concepts.map((c) => (
              <td key={`${c.lessonSlug}/${c.conceptId}`} className="px-3 py-2">
                <LevelBadge level={c.level} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
