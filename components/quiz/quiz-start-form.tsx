"use client";

import { useActionState } from "react";
import { startQuizAction } from "@/app/quiz/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import type { QuizScope } from "@/lib/quiz/core/attempt";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();

export function QuizStartForm({ scope, target, label }: { scope: QuizScope; target: string; label: string }) {
  const [state, action, pending] = useActionState(startQuizAction, initial);
  // A refused start echoes the feedback chosen; keyed by it so React's form reset keeps that choice.
  const feedback = state.values?.feedback === "end" ? "end" : "immediate";
  return (
    <form action={action} className={cardClass("mt-6 space-y-4 p-5")}>
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="target" value={target} />
      <fieldset key={feedback}>
        <legend className="font-semibold text-slate-900">Feedback</legend>
        <label className="mt-2 flex items-start gap-2">
          <input
            type="radio"
            name="feedback"
            value="immediate"
            defaultChecked={feedback === "immediate"}
            className="mt-1"
          />
          <span>
            <span className="font-medium">After each question</span>{" "}
            <span className="block text-sm text-slate-600">
              See whether you were right, the explanation and the lesson section straight away.
            </span>
          </span>
        </label>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="feedback" value="end" defaultChecked={feedback === "end"} className="mt-1" />
          <span>
            <span className="font-medium">At the end</span>{" "}
            <span className="block text-sm text-slate-600">Answer everything first, like a test, then review.</span>
          </span>
        </label>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Preparing questions…" : label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
