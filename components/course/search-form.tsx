import { Button } from "@/components/ui/button";
import { fieldControlClass } from "@/components/ui/field";
import { MAX_QUERY_LENGTH } from "@/lib/search/core/search";

/** A plain GET form to /search, so search works without JavaScript. */
export function SearchForm({
  query = "",
  id = "search-query",
  compact = false,
  autoFocus = false,
  className,
}: {
  query?: string;
  id?: string;
  /** The header's version: a visually hidden label and a small field. */
  compact?: boolean;
  autoFocus?: boolean;
  className?: string;
}) {
  return (
    <search className={className}>
      <form method="get" action="/search" className="flex items-end gap-2">
        <div className={compact ? "" : "grow"}>
          <label htmlFor={id} className={compact ? "sr-only" : "block font-medium text-slate-900"}>
            Search lessons, glossary and cards
          </label>
          <input
            id={id}
            type="search"
            name="q"
            defaultValue={query}
            maxLength={MAX_QUERY_LENGTH}
            placeholder={compact ? "Search" : "For example: ndots, NodePort, headless"}
            // Focus on arrival only where search is the page's purpose and nothing was typed yet.
            // biome-ignore lint/a11y/noAutofocus: the search page's one field, focused only while empty
            autoFocus={autoFocus}
            className={fieldControlClass(compact ? "w-32 px-2 py-1 text-sm sm:w-44" : "w-full px-3 py-2")}
          />
        </div>
        <Button type="submit" size="sm" variant={compact ? "secondary" : "primary"} className={compact ? "" : "py-2"}>
          Search
        </Button>
      </form>
    </search>
  );
}
