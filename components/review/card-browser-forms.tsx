"use client";

import { resetCardCopyAction, saveCardCopyAction, suspendCardAction } from "@/app/review/cards/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { type ActionState, idleState } from "@/lib/result";
import { CardSides } from "./own-card-forms";

const initial: ActionState = idleState();
const short = (front: string) => (front.length > 40 ? `${front.slice(0, 39)}…` : front);

/** One button that suspends the card, or unsuspends it; the page re-renders with the card's new state. */
export function SuspendCardForm({ cardId, suspended, front }: { cardId: string; suspended: boolean; front: string }) {
  const [state, formProps, pending] = useActionForm(suspendCardAction, initial);
  const verb = suspended ? "Unsuspend" : "Suspend";
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="cardId" value={cardId} />
      <input type="hidden" name="suspended" value={suspended ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`${verb} the card “${short(front)}”`}
      >
        {pending ? `${verb}ing…` : verb}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** The learner's own wording of a lesson card (stored per learner; the lesson's text stays as it is). */
export function CardCopyForm({ cardId, front, back }: { cardId: string; front: string; back: string }) {
  const [state, formProps, pending] = useActionForm(saveCardCopyAction, initial);
  const id = cardId.replace(/[^a-z0-9]/gi, "");
  return (
    <form {...formProps} className="mt-2 grid gap-2">
      <input type="hidden" name="cardId" value={cardId} />
      <CardSides
        idPrefix={`copy-${id}`}
        state={state}
        values={{ front: state.values?.front ?? front, back: state.values?.back ?? back }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save my copy"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function ResetCardCopyForm({ cardId, front }: { cardId: string; front: string }) {
  const [state, formProps, pending] = useActionForm(resetCardCopyAction, initial);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="cardId" value={cardId} />
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`Reset the card “${short(front)}” to the lesson's text`}
      >
        {pending ? "Resetting…" : "Reset to the lesson's text"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
