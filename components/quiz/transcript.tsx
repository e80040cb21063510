import type { Observation } from "@/lib/quiz/core/types";

/** Simulator commands and their output, as a terminal would show them. */
export function Transcript({ title, lines }: { title: string; lines: Observation[] }) {
  return (
    <figure className="mt-4">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <pre
        className="scheme-light mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm leading-6 text-slate-100"
        tabIndex={0}
      >
        {lines.map((l, i) => (
          <span key={i}>
            <span className="text-emerald-300">$ </span>
            {l.command}
            {"\n"}
            {l.output && <span className="text-slate-300">{l.output.endsWith("\n") ? l.output : `${l.output}\n`}</span>}
          </span>
        ))}
      </pre>
    </figure>
  );
}
