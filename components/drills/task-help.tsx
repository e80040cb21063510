"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { InlineCode } from "../quiz/inline-code";

/** How many failed checks of a task before its solution is offered. */
export const SOLUTION_AFTER_FAILED_CHECKS = 2;

interface Props {
  /** The drill's hint for this task, if it has one (the first stage of help). */
  hint?: string;
  failedChecks: number;
  /** Asks the server for the task's solution: its commands, or a message why not. */
  reveal(): Promise<string[] | string>;
}

/**
 * Help in stages: the hint on request, then, after repeated failed checks, the commands that solve
 * the task. Seeing them is not passing: the learner still types them and the server replays the result.
 */
export function TaskHelp({ hint, failedChecks, reveal }: Props) {
  const [showHint, setShowHint] = useState(false);
  const [solution, setSolution] = useState<string[] | string | null>(null);
  const [pending, startTransition] = useTransition();
  const offerSolution = failedChecks >= SOLUTION_AFTER_FAILED_CHECKS;
  if (!hint && !offerSolution) return null;
  return (
    <div className="mt-3 space-y-2 text-sm">
      {hint &&
        (showHint ? (
          <p className="rounded-md bg-amber-50 p-2 text-slate-800">
            <span className="font-semibold">Hint: </span>
            <InlineCode text={hint} />
          </p>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setShowHint(true)}>
            Show a hint
          </Button>
        ))}
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
