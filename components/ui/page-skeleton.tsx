/**
 * The placeholder a page shows while its data loads: grey blocks where the heading and panels will
 * be, named for screen readers ("Loading your classes…") and marked busy.
 */
export function PageSkeleton({ label, panels = 3 }: { label: string; panels?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="mx-auto max-w-3xl">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="animate-pulse space-y-4 motion-reduce:animate-none">
        <div className="h-9 w-2/3 rounded-md bg-slate-200" />
        <div className="h-4 w-1/2 rounded bg-slate-200" />
        {Array.from({ length: panels }, (_, i) => (
          <div key={i} className="h-24 rounded-lg border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
