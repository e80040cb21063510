import { Table } from "@/components/ui/table";
import type { ItemStatistics } from "@/lib/classes/core/item-analysis";
import { formatPercent } from "@/lib/format";

const discrimination = (d: number | null) => (d === null ? "–" : (Math.round(d * 100) / 100).toFixed(2));

/** One row per question template: how often it was drawn, how easy it was, how well it separated learners. */
export function ItemAnalysisTable({
  items,
  lessonTitle,
}: {
  items: ItemStatistics[];
  lessonTitle: (slug: string) => string;
}) {
  return (
    <Table label="Item analysis">
      <caption className="sr-only">
        Question templates, hardest first: attempts that drew each, facility index, discrimination index and the
        misconception chosen most often.
      </caption>
      <thead className="bg-slate-50 text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2 font-semibold">
            Question (one example of its template)
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Attempts
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Facility
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Discrimination
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Most chosen misconception
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key} className="border-t border-slate-100 align-top">
            <th scope="row" className="max-w-md px-3 py-2 font-normal">
              {item.prompt}
              <span className="block text-xs text-slate-600">{lessonTitle(item.lessonSlug)}</span>
            </th>
            <td className="px-3 py-2">{item.attempts}</td>
            <td className="px-3 py-2">{formatPercent(item.facility)}</td>
            <td className="px-3 py-2">{discrimination(item.discrimination)}</td>
            <td className="px-3 py-2">
              {item.misconceptions[0]
                ? `${item.misconceptions[0].misconception} (${item.misconceptions[0].count})`
                : "–"}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
