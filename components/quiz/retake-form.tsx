"use client";

import { useActionState } from "react";
import { retakeMissedAction } from "@/app/quiz/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();

/** "Retake only the ones I missed": a new attempt, one fresh question per missed one. */
export function RetakeForm({ attemptId, missed }: { attemptId: string; missed: number }) {
  const [state, action, pending] = useActionState(retakeMissedAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="attemptId" value={attemptId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Preparing questions…" : `Retake the ${missed === 1 ? "one" : missed} I missed`}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
