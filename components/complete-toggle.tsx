"use client";

import { useActionState } from "react";
import { setLessonCompletedAction } from "@/app/lessons/actions";
import { Button } from "@/components/ui/button";
import { idleState } from "@/lib/result";

export function CompleteToggle({ slug, completed }: { slug: string; completed: boolean }) {
  const [state, action, pending] = useActionState(setLessonCompletedAction, idleState({ completed }));
  const isDone = state.data?.completed ?? completed;
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="completed" value={String(!isDone)} />
      <Button type="submit" disabled={pending} variant={isDone ? "success" : "primary"}>
        {pending ? "Saving…" : isDone ? "Completed ✓ (mark as not complete)" : "Mark as complete"}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {!state.ok ? <span className="text-red-700">{state.message}</span> : isDone ? "You completed this lesson." : ""}
      </p>
    </form>
  );
}
