import type { LessonStatus } from "@/lib/progress/core/lesson-status";

const styles: Record<LessonStatus, { label: string; className: string }> = {
  "not-started": { label: "Not started", className: "bg-slate-100 text-slate-700" },
  "in-progress": { label: "In progress", className: "bg-amber-100 text-amber-900" },
  completed: { label: "Completed", className: "bg-emerald-100 text-emerald-900" },
};

export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const s = styles[status];
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${s.className}`}>{s.label}</span>
  );
}
