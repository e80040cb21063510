import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import type { SearchKind, SearchResult } from "@/lib/search/core/search";

const kindLabels: Record<SearchKind, { label: string; className: string }> = {
  lesson: { label: "Lesson", className: "bg-brand-50 text-brand-900" },
  glossary: { label: "Glossary", className: "bg-emerald-100 text-emerald-900" },
  card: { label: "Flashcard", className: "bg-amber-100 text-amber-900" },
};

export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  if (!query)
    return (
      <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        Type a word or two above, such as <em>ndots</em> or <em>NodePort</em>, and press Enter.
      </p>
    );
  return (
    <section aria-labelledby="search-results-heading" className="mt-8">
      <h2 id="search-results-heading" role="status" className="text-lg font-semibold text-slate-900">
        {results.length === 0
          ? `Nothing matches “${query}”`
          : `${results.length}${results.length === 30 ? "+" : ""} result${results.length === 1 ? "" : "s"} for “${query}”`}
      </h2>
      {results.length === 0 ? (
        <p className="mt-2 text-slate-700">
          Try fewer or shorter words, or browse the{" "}
          <Link href="/glossary" className="text-brand-700 underline">
            glossary
          </Link>{" "}
          and the{" "}
          <Link href="/lessons" className="text-brand-700 underline">
            course map
          </Link>
          .
        </p>
      ) : (
        <ol className={cardClass("mt-3 divide-y divide-slate-200 [overflow-wrap:anywhere]")}>
          {results.map((result) => (
            <li key={`${result.kind}:${result.href}:${result.title}`} className="p-4">
              <div className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${kindLabels[result.kind].className}`}>
                  {kindLabels[result.kind].label}
                </span>
                <Link href={result.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {result.title}
                </Link>
                <span className="text-sm text-slate-600">{result.context}</span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {result.snippet.map((part, i) =>
                  part.match ? (
                    <mark key={i} className="rounded bg-yellow-100 px-0.5 text-slate-900">
                      {part.text}
                    </mark>
                  ) : (
                    part.text
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
