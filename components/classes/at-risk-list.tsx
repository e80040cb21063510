import { cardClass } from "@/components/ui/card";
import { QUIET_DAYS_AT_RISK, type RiskReason } from "@/lib/classes/core/at-risk";
import type { ClassDetail } from "@/lib/classes/service/class-service";
import { formatDateTime } from "@/lib/format";

function ReasonText({ reason, timeZone }: { reason: RiskReason; timeZone: string }) {
  if (reason.kind === "missing-work") {
    const n = reason.assignments.length;
    return (
      <>
        {n === 1 ? "1 assignment" : `${n} assignments`} past due and not done:{" "}
        {reason.assignments.map((a, i) => (
          <span key={a.id}>
            {i > 0 ? "; " : ""}
            {a.title} (due {formatDateTime(a.dueAt, timeZone)})
          </span>
        ))}
      </>
    );
  }
  return (
    <>
      {reason.quietDays} quiet days
      {reason.lastActive
        ? `, last studied ${formatDateTime(reason.lastActive, timeZone)}`
        : ", nothing done since joining"}
    </>
  );
}

/** Learners with overdue work or a quiet week (rule in lib/classes/core/at-risk.ts), worst first. */
export function AtRiskList({ cls, timeZone }: { cls: ClassDetail; timeZone: string }) {
  if (cls.atRisk.length === 0) {
    return (
      <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">
        Nobody is at risk: no overdue work is missing, and every learner has studied in the last {QUIET_DAYS_AT_RISK}{" "}
        days.
      </p>
    );
  }
  return (
    <ul className={cardClass("mt-2 divide-y divide-slate-200 text-slate-800")} data-testid="at-risk">
      {cls.atRisk.map((l) => (
        <li key={l.userId} className="p-3">
          <span className="font-medium">{l.name}</span>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {l.reasons.map((r) => (
              <li key={r.kind}>
                <ReasonText reason={r} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
