import type { ClusterSnapshot } from "@/lib/drills/core/snapshot";
import { RequestDiagram } from "./request-diagram";

/** Nodes with their pods and the Services with their endpoints, as lists a screen reader can read; the last request's path highlighted. */
export function ClusterView({ snapshot, className }: { snapshot: ClusterSnapshot; className?: string }) {
  const last = snapshot.lastRequest;
  const onPath = (pod: string) => last?.pod === pod;
  const isClient = (pod: string) => last?.clientPod === pod;
  return (
    // Focusable: beside the terminal it scrolls, and a keyboard must be able to scroll it.
    <section
      aria-labelledby="cluster-view"
      tabIndex={0}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 ${className ?? ""}`}
    >
      <h2 id="cluster-view" className="text-lg font-semibold text-slate-900">
        Cluster
      </h2>
      <p aria-live="polite" className="sr-only">
        {last ? `Last request to ${last.to}: ${last.summary}` : "No request yet."}
      </p>
      {last ? (
        <RequestDiagram path={last} />
      ) : (
        <p className="mt-2 rounded-md bg-slate-50 p-2 text-sm text-slate-600">
          No request yet. Try curl or kubectl exec … -- curl.
        </p>
      )}
      <p aria-hidden="true" className="mt-2 text-xs text-slate-600">
        <span className="rounded bg-slate-800 px-1 text-white">dark</span> sent the last request ·{" "}
        <span className="rounded bg-brand-600 px-1 text-white">blue</span> answered it · ✓ ready · ✗ not ready · …
        terminating
      </p>
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Nodes and pods (namespace default)
      </h3>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {snapshot.nodes.map((n) => (
          <li
            key={n.name}
            className={`rounded-md border p-2 ${n.schedulable ? "border-slate-200" : "border-amber-400 bg-amber-50"}`}
          >
            <p className="text-sm font-medium text-slate-900">
              {n.name} <span className="font-normal text-slate-600">{n.ip}</span>
              {n.controlPlane && <span className="ml-1 text-xs text-slate-600">(control plane)</span>}
              {!n.schedulable && <span className="ml-1 text-xs font-semibold text-amber-900">SchedulingDisabled</span>}
            </p>
            {n.pods.length === 0 ? (
              <p className="text-xs text-slate-500">no pods</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {n.pods.map((p) => (
                  <li
                    key={p.name}
                    className={`rounded px-1.5 py-0.5 font-mono text-xs ${onPath(p.name) ? "bg-brand-600 text-white" : isClient(p.name) ? "bg-slate-800 text-white" : p.terminating ? "bg-slate-100 text-slate-500 line-through" : p.ready ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
                  >
                    {p.name} {p.ip || "(no IP)"}{" "}
                    <span className="sr-only">
                      {p.terminating ? "terminating" : p.ready ? "ready" : "not ready"}
                      {onPath(p.name) ? ", answered the last request" : ""}
                      {isClient(p.name) ? ", sent the last request" : ""}
                    </span>
                    <span aria-hidden="true">{p.terminating ? " …" : p.ready ? " ✓" : " ✗"}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {snapshot.pending.length > 0 && (
        <p className="mt-2 text-sm text-amber-900">Pending (no node): {snapshot.pending.join(", ")}</p>
      )}
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">Services</h3>
      <ul className="mt-2 space-y-2">
        {snapshot.services.map((s) => (
          <li
            key={s.name}
            className={`rounded-md border p-2 text-sm ${last?.service === s.name ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
          >
            <p className="font-medium text-slate-900">
              {s.name}{" "}
              <span className="font-normal text-slate-700">
                {s.type} · {s.clusterIP || "no ClusterIP"} · {s.ports || "no ports"}
              </span>
              {last?.service === s.name && <span className="sr-only"> (carried the last request)</span>}
            </p>
            <p className="font-mono text-xs text-slate-700">
              endpoints:{" "}
              {s.endpoints.length === 0
                ? "none"
                : s.endpoints.map((e) => `${e.ip}${e.ready ? "" : " (not ready)"}`).join(", ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
