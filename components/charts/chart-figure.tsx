import type { ReactNode } from "react";

/**
 * A chart with its words: a caption everyone reads, the SVG as one image named by that caption and
 * a summary, and the same numbers as a table behind a disclosure, for screen readers and for anyone
 * who wants the figures.
 */
export function ChartFigure({
  id,
  caption,
  summary,
  chart,
  table,
}: {
  id: string;
  caption: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={`${id}-caption`} className="font-semibold text-slate-900">
        {caption}
      </figcaption>
      <p id={`${id}-summary`} className="mt-1 text-sm text-slate-700">
        {summary}
      </p>
      <div className="mt-3 overflow-x-auto">{chart}</div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers as a table</summary>
        <div className="mt-2">{table}</div>
      </details>
    </figure>
  );
}
