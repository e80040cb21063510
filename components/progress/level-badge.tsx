import { LEVEL_LABELS, type MasteryLevel } from "@/lib/progress/core/mastery";

// The level is always written out: colour only repeats it.
const TONE: Record<MasteryLevel, string> = {
  "not-started": "border-slate-300 bg-white text-slate-700",
  attempted: "border-amber-300 bg-amber-50 text-amber-900",
  familiar: "border-sky-300 bg-sky-50 text-sky-900",
  proficient: "border-emerald-300 bg-emerald-50 text-emerald-900",
  mastered: "border-emerald-700 bg-emerald-700 text-white",
};

export function LevelBadge({ level }: { level: MasteryLevel }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${TONE[level]}`}>
      {LEVEL_LABELS[level]}
    </span>
  );
}
