"use client";

import { useActionState } from "react";
import { optimiseParametersAction, resetParametersAction } from "@/app/review/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form-message";
import { Table } from "@/components/ui/table";
import type { OptimisationReport } from "@/lib/flashcards/service/fsrs-parameters-service";
import { formatMeasure, formatPercent } from "@/lib/format";
import { type ActionState, idleState } from "@/lib/result";

/**
 * "Optimise my parameters": fits FSRS's weights to the learner's own reviews on the server and shows
 * how the weights before and the new ones predict those reviews. Reset goes back to the defaults.
 */
export function FsrsOptimiser({
  own,
  optimisedAt,
  trainingReviews,
  moreNeeded,
  minimum,
}: {
  own: boolean;
  /** Already formatted in the learner's zone; null with the defaults. */
  optimisedAt: string | null;
  trainingReviews: number;
  moreNeeded: number;
  minimum: number;
}) {
  const [state, action, pending] = useActionState<ActionState<OptimisationReport>, FormData>(
    optimiseParametersAction,
    idleState(),
  );
  return (
    <div className={cardClass("mt-3 p-5")}>
      <p className="text-slate-800">
        {own
          ? `Your cards are scheduled with your own parameters, optimised ${optimisedAt}.`
          : "Your cards are scheduled with FSRS's default parameters."}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        The optimiser learns from your ratings of cards on a later day than you first rated them: you have{" "}
        {trainingReviews}.{" "}
        {moreNeeded > 0
          ? `It needs at least ${minimum}, so ${moreNeeded} more are needed.`
          : "That is enough to fit every parameter."}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <form action={action}>
          <Button type="submit" disabled={pending} aria-describedby="optimiser-message">
            {pending ? "Optimising…" : "Optimise my parameters"}
          </Button>
        </form>
        {own && (
          <ConfirmAction
            action={resetParametersAction}
            fields={{}}
            trigger="Reset to defaults"
            triggerLabel="Reset to the default parameters"
            title="Go back to the default parameters?"
            confirmLabel="Reset to defaults"
            pendingLabel="Resetting…"
          >
            Your cards will be scheduled with FSRS's default parameters from your next rating. You can optimise again at
            any time.
          </ConfirmAction>
        )}
      </div>
      <div id="optimiser-message">
        {pending ? (
          <p role="status" aria-live="polite" className="mt-3 text-sm text-slate-700">
            Fitting parameters to your reviews…
          </p>
        ) : (
          <FormMessage state={state} className="mt-3" />
        )}
      </div>
      {state.ok && state.data && !pending && <OptimisationResult report={state.data} />}
    </div>
  );
}

function OptimisationResult({ report }: { report: OptimisationReport }) {
  const before = report.previous.own ? "Your earlier parameters" : "Default parameters";
  const rows: { label: string; before: string; after: string }[] = [
    {
      label: "Log loss",
      before: formatMeasure(report.previous.logLoss),
      after: formatMeasure(report.optimised.logLoss),
    },
    { label: "RMSE", before: formatMeasure(report.previous.rmse), after: formatMeasure(report.optimised.rmse) },
    {
      label: "Predicted recall",
      before: formatPercent(report.previous.predictedRecall),
      after: formatPercent(report.optimised.predictedRecall),
    },
  ];
  return (
    <div className="mt-4">
      <Table label="Parameters before and after optimising">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Measure
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {before}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Optimised
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 font-medium text-slate-800">
                {r.label}
              </th>
              <td className="px-3 py-2 tabular-nums text-slate-800">{r.before}</td>
              <td className="px-3 py-2 tabular-nums text-slate-800">{r.after}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-sm text-slate-600">
        Measured on your {report.measuredReviews} ratings that came on a later day than the card&apos;s previous rating
        (from {report.trainingReviews} the optimiser learned from). Lower log loss and RMSE mean the parameters predict
        your reviews better. Predicted recall is the average chance of remembering that the parameters gave each of
        those ratings just before it; you remembered {formatPercent(report.actualRecall)} of them (rated anything but
        Again).
      </p>
    </div>
  );
}
