import Link from "next/link";
import { Table } from "@/components/ui/table";
import { formatPercent } from "@/lib/format";
import type { NamedConceptMastery } from "@/lib/progress/core/learner-mastery";
import { LEVEL_LABELS, MASTERY_LEVELS, summarise } from "@/lib/progress/core/mastery";
import { LevelBadge } from "./level-badge";

export interface ModuleConcepts {
  id: string;
  title: string;
  concepts: NamedConceptMastery[];
}

/** Per module: its mean mastery, how many concepts sit at each level, and a table of its concepts. */
export function MasteryByModule({ modules }: { modules: ModuleConcepts[] }) {
  return (
    <div className="space-y-8">
      {modules.map((m) => {
        const { score, levels } = summarise(m.concepts);
        return (
          <section key={m.id} aria-labelledby={`mastery-${m.id}`}>
            <h3 id={`mastery-${m.id}`} className="text-lg font-semibold text-slate-900">
              {m.title}: {formatPercent(score)}
            </h3>
            <p className="mt-1 text-sm text-slate-700">
              {MASTERY_LEVELS.filter((l) => levels[l] > 0)
                .map((l) => `${levels[l]} ${LEVEL_LABELS[l].toLowerCase()}`)
                .join(" · ")}
            </p>
            <Table label={`Concepts of ${m.title}`} className="mt-3">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Concept
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Level
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Score
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Answers and steps
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.concepts.map((c) => (
                  <tr key={`${c.lessonSlug}/${c.conceptId}`} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <Link href={`/lessons/${c.lessonSlug}`} className="text-brand-700 underline">
                        {c.conceptName}
                      </Link>
                      <span className="block text-xs text-slate-600">{c.lessonTitle}</span>
                    </th>
                    <td className="px-3 py-2">
                      <LevelBadge level={c.level} />
                    </td>
                    <td className="px-3 py-2">{formatPercent(c.score)}</td>
                    <td className="px-3 py-2">{c.evidence}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
