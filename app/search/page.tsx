import type { Metadata } from "next";
import { z } from "zod";
import { SearchForm } from "@/components/course/search-form";
import { SearchResults } from "@/components/course/search-results";
import { MAX_QUERY_LENGTH } from "@/lib/search/core/search";
import { searchContent } from "@/lib/search/service/server";

export const metadata: Metadata = { title: "Search" };

// A repeated ?q= arrives as an array: the first one counts. Longer queries are cut, not refused.
const paramsSchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((q) => (Array.isArray(q) ? (q[0] ?? "") : (q ?? "")).slice(0, MAX_QUERY_LENGTH).trim()),
});

// No loading.tsx here on purpose: search must work without JavaScript, and a streamed loading
// fallback is replaced by its results only by a script, so a browser without one would see
// "Searching…" for ever. The search runs in memory; the page is sent whole.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const parsed = paramsSchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data.q : "";
  const results = query ? searchContent(query) : [];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">Search</h1>
      <p className="mt-2 text-slate-700">Lessons, glossary terms and flashcards.</p>
      <SearchForm query={query} autoFocus={!query} className="mt-6" />
      <SearchResults query={query} results={results} />
    </div>
  );
}
