"use client";

import { useCurrentSection } from "@/components/use-current-section";
import type { TocEntry } from "@/lib/content/types";

/** The lesson's sections; the one being read is marked aria-current="location" as the reader scrolls. */
export function LessonToc({ toc }: { toc: TocEntry[] }) {
  const current = useCurrentSection(toc.map((t) => t.id));
  return (
    <ol className="mt-3 space-y-1 text-sm">
      {toc.map((entry) => (
        <li key={entry.id} className={entry.level === 3 ? "pl-4" : ""}>
          <a
            href={`#${entry.id}`}
            aria-current={entry.id === current ? "location" : undefined}
            className={`block border-l-2 pl-2 ${
              entry.id === current
                ? "border-brand-600 font-semibold text-brand-900"
                : "border-transparent text-slate-700 hover:text-brand-700 hover:underline"
            }`}
          >
            {entry.title}
          </a>
        </li>
      ))}
    </ol>
  );
}
