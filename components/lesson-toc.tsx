import type { TocEntry } from "@/lib/content/types";

export function LessonToc({ toc }: { toc: TocEntry[] }) {
  return (
    <ol className="mt-3 space-y-1 text-sm">
      {toc.map((entry) => (
        <li key={entry.id} className={entry.level === 3 ? "pl-4" : ""}>
          <a href={`#${entry.id}`} className="text-slate-700 hover:text-brand-700 hover:underline">
            {entry.title}
          </a>
        </li>
      ))}
    </ol>
  );
}
