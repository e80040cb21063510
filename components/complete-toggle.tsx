"use client";

import { useActionState } from "react";
import { type CompletionState, setLessonCompletedAction } from "@/app/lessons/actions";

export function CompleteToggle({ slug, completed }: { slug: string; completed: boolean }) {
  const [state, action, pending] = useActionState(setLessonCompletedAction, { ok: true, completed } as CompletionState);
  const isDone = state.completed;
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="completed" value={String(!isDone)} />
      <button
        type="submit"
        disabled={pending}
        className={
          isDone
            ? "rounded-md border border-emerald-600 bg-emerald-50 px-4 py-2 font-medium text-emerald-800 hover:bg-emerald-100 disabled:opacity-70"
            : "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70"
        }
      >
        {pending ? "Saving…" : isDone ? "Completed ✓ (mark as not complete)" : "Mark as complete"}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {!state.ok ? <span className="text-red-700">{state.error}</span> : isDone ? "You completed this lesson." : ""}
      </p>
    </form>
  );
}
