"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SOLUTION_AFTER_FAILED_CHECKS } from "@/lib/drills/core/task-help";
import { InlineCode } from "../quiz/inline-code";

interface Props {
  /** The task's hints, each more specific than the last. */
  hints: readonly string[];
  /** Failed checks of this task as the server counted them. */
  failedChecks: number;
  /** Asks the server for the task's solution: its commands, or a message why not. */
  reveal(): Promise<string[] | string>;
}

/**
 * Help in stages: the hints one at a time on request, then, after repeated failed checks, the commands
 * that solve the task (the server refuses them before). Seeing them is not passing: the learner still
 * types them and the server replays the result.
 */
export function TaskHelp({ hints, failedChecks, reveal }: Props) {
  const [shown, setShown] = useState(0);
  const [solution, setSolution] = useState<string[] | string | null>(null);
  const [pending, startTransition] = useTransition();
  const offerSolution = failedChecks >= SOLUTION_AFTER_FAILED_CHECKS;
  const visible = hints.slice(0, shown);
  if (hints.length === 0 && !offerSolution) return null;
  return (
    <div className="mt-3 space-y-2 text-sm">
      {visible.length > 0 && (
        <ol aria-label="Hints" className="space-y-1">
          {visible.map((hint, i) => (
            <li key={hint} className="rounded-md bg-amber-50 p-2 text-slate-800">
              <span className="font-semibold">
                Hint {i + 1}
                {hints.length > 1 ? ` of ${hints.length}` : ""}:{" "}
              </span>
              <InlineCode text={hint} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <Button variant="secondary" size="sm" onClick={() => setShown((n) => n + 1)}>
          {shown === 0 ? "Show a hint" : `Show hint ${shown + 1} of ${hints.length}`}
        </Button>
      )}
      {!offerSolution && failedChecks > 0 && (
        <p className="text-slate-600">
          The solution is offered after {SOLUTION_AFTER_FAILED_CHECKS} failed checks ({failedChecks} so far).
        </p>
      )}
      {offerSolution &&
        (Array.isArray(solution) ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 p-2">
            <p className="font-semibold text-slate-900">One way to do it (type it in the terminal):</p>
            <pre className="mt-1 overflow-x-auto whitespace-pre font-mono text-xs text-slate-800">
              {solution.join("\n")}
            </pre>
          </div>
        ) : (
          <div>
            <Button
              variant="secondary"
              size="sm"
              disabled={pending}
              onClick={() => startTransition(async () => setSolution(await reveal()))}
            >
              {pending ? "Fetching…" : "Show the solution"}
            </Button>
            {typeof solution === "string" && <p className="mt-1 text-red-700">{solution}</p>}
          </div>
        ))}
    </div>
  );
}
