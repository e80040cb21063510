import type { PathHop, RequestPath } from "@/lib/drills/core/request-path";

const HOP_STYLE: Record<PathHop["kind"], string> = {
  client: "border-slate-800 bg-slate-800 text-white",
  service: "border-brand-600 bg-brand-50 text-slate-900",
  pod: "border-brand-600 bg-brand-600 text-white",
  failure: "border-red-700 bg-red-50 text-red-900",
};

/**
 * The last request drawn as boxes joined by arrows (client → Service address → pod), with the rule
 * that chose the pod under it. The live region beside it reads the same path as one sentence, so the
 * arrows are hidden from screen readers.
 */
export function RequestDiagram({ path }: { path: RequestPath }) {
  const answered = path.result === "answered";
  return (
    <figure
      aria-label={`Path of the last request, to ${path.to}`}
      className={`mt-2 rounded-md p-2 text-sm ${answered ? "bg-emerald-50" : "bg-red-50"}`}
    >
      <p className="text-slate-900">
        Last request to <span className="font-mono">{path.to}</span>:{" "}
        <span className={answered ? "font-semibold text-emerald-900" : "font-semibold text-red-900"}>
          {answered ? "answered" : path.hops.at(-1)?.label}
        </span>
      </p>
      <ol className="mt-2 flex flex-wrap items-center gap-1" aria-label="Hops">
        {path.hops.map((hop, i) => (
          <li key={`${hop.kind}-${i}`} className="flex min-w-0 items-center gap-1">
            {i > 0 && (
              <span aria-hidden="true" className="text-slate-600">
                →
              </span>
            )}
            <span className={`min-w-0 rounded border px-2 py-1 ${HOP_STYLE[hop.kind]}`}>
              <span className="block text-xs font-semibold">{hop.label}</span>
              <span className="sr-only">: </span>
              <span className="block break-all font-mono text-xs">{hop.detail}</span>
            </span>
          </li>
        ))}
      </ol>
      {(path.rule || path.rewrittenSource) && (
        <figcaption className="mt-2 text-xs text-slate-800">
          {path.rule && (
            <>
              <span className="font-semibold">Why this pod: </span>
              {path.rule}
            </>
          )}
          {path.rewrittenSource && (
            <span className="block">
              The pod saw the request come from <span className="font-mono">{path.rewrittenSource}</span> (kube-proxy
              rewrote the source address).
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
