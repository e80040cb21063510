"use client";

import { useActionState } from "react";
import { startPracticeAction } from "@/app/quiz/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { PRACTICE_LENGTH } from "@/lib/quiz/core/practice";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();

/** Starts a short quiz on the concepts listed above it: the learner's weakest. */
export function PracticeForm() {
  const [state, action, pending] = useActionState(startPracticeAction, initial);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Preparing questions…" : `Practise these: a ${PRACTICE_LENGTH}-question quiz`}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
