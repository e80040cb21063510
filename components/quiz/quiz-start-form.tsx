"use client";

import { useActionState } from "react";
import { type StartQuizState, startQuizAction } from "@/app/quiz/actions";

export function QuizStartForm({ scope, target, label }: { scope: "lesson" | "module"; target: string; label: string }) {
  const [state, action, pending] = useActionState(startQuizAction, { error: null } as StartQuizState);
  return (
    <form action={action} className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="target" value={target} />
      <fieldset>
        <legend className="font-semibold text-slate-900">Feedback</legend>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="feedback" value="immediate" defaultChecked className="mt-1" />
          <span>
            <span className="font-medium">After each question</span>{" "}
            <span className="block text-sm text-slate-600">
              See whether you were right, the explanation and the lesson section straight away.
            </span>
          </span>
        </label>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="feedback" value="end" className="mt-1" />
          <span>
            <span className="font-medium">At the end</span>{" "}
            <span className="block text-sm text-slate-600">Answer everything first, like a test, then review.</span>
          </span>
        </label>
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? "Preparing questions…" : label}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {state.error}
      </p>
    </form>
  );
}
