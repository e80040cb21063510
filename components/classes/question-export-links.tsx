import { Table } from "@/components/ui/table";
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportHref } from "@/lib/interop/core/formats";
import type { QuizScope } from "@/lib/quiz/core/attempt";

export interface ExportChoice {
  scope: QuizScope;
  target: string;
  /** What the pool is, e.g. "Quiz: ClusterIP vs Pod IP". */
  label: string;
}

/** One row per quiz an instructor can assign, with a download link per format for its whole question pool. */
export function QuestionExportLinks({ choices }: { choices: ExportChoice[] }) {
  return (
    <Table label="Question pools to export" className="mt-3">
      <caption className="sr-only">Each quiz's whole question pool as a file for Moodle's question bank</caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2">
            Question pool
          </th>
          <th scope="col" className="px-3 py-2">
            Download
          </th>
        </tr>
      </thead>
      <tbody>
        {choices.map((c) => (
          <tr key={`${c.scope}:${c.target}`} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 font-normal text-slate-900">
              {c.label}
            </th>
            <td className="px-3 py-2">
              <span className="flex flex-wrap gap-3">
                {EXPORT_FORMAT_IDS.map((format) => (
                  // A plain link, not next/link: the answer is a file to save, never a page to prefetch.
                  <a
                    key={format}
                    href={exportHref(format, c.scope, c.target)}
                    download
                    aria-label={`${EXPORT_FORMATS[format].label} for ${c.label}`}
                    className="font-medium text-brand-700 underline hover:text-brand-900"
                  >
                    {EXPORT_FORMATS[format].label}
                  </a>
                ))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
