"use client";

import {
  addMissedToCardsAction,
  addOwnCardAction,
  deleteOwnCardAction,
  editOwnCardAction,
  importDeckAction,
} from "@/app/review/cards/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { echoed, useActionForm, useResetAfterSuccess } from "@/components/ui/use-action-form";
import { DECK_FILE_MAX_BYTES, deckFileTooLarge, OWN_CARD_LIMITS } from "@/lib/flashcards/core/own-cards";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();
const inputClass = fieldControlClass("w-full px-3 py-2");

export interface LessonOption {
  slug: string;
  title: string;
}

function LessonSelect({ id, state, lessons }: { id: string; state: ActionState; lessons: LessonOption[] }) {
  return (
    <Field id={id} label="File it under" error={state.fieldErrors.lesson}>
      {(control) => (
        <select
          {...control}
          key={echoed(state, "lesson")}
          name="lesson"
          defaultValue={echoed(state, "lesson")}
          className={inputClass}
        >
          <option value="">Your own cards (no lesson)</option>
          {lessons.map((l) => (
            <option key={l.slug} value={l.slug}>
              {l.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A card's front and back, shown with what the last submit echoed (or the card's own text). Each is
 * keyed by its value, so a success that clears or changes it remounts it with the new text.
 */
export function CardSides({
  idPrefix,
  state,
  values,
  hints,
}: {
  idPrefix: string;
  state: ActionState;
  values: { front: string; back: string };
  hints?: { front: string; back: string };
}) {
  const sides = [
    { name: "front", label: "Front", rows: 2, max: OWN_CARD_LIMITS.front },
    { name: "back", label: "Back", rows: 3, max: OWN_CARD_LIMITS.back },
  ] as const;
  return sides.map((side) => (
    <Field
      key={side.name}
      id={`${idPrefix}-${side.name}`}
      label={side.label}
      hint={hints?.[side.name]}
      error={state.fieldErrors[side.name]}
    >
      {(control) => (
        <textarea
          {...control}
          key={values[side.name]}
          name={side.name}
          required
          rows={side.rows}
          maxLength={side.max}
          defaultValue={values[side.name]}
          className={inputClass}
        />
      )}
    </Field>
  ));
}

export function AddOwnCardForm({ lessons }: { lessons: LessonOption[] }) {
  const [state, formProps, pending] = useActionForm(addOwnCardAction, initial);
  const form = useResetAfterSuccess(state);
  return (
    <form ref={form} {...formProps} className={cardClass("grid gap-3 p-4")}>
      <CardSides
        idPrefix="card"
        state={state}
        values={{ front: echoed(state, "front"), back: echoed(state, "back") }}
        hints={{ front: "The question or cue.", back: "The answer you want to recall." }}
      />
      <LessonSelect id="card-lesson" state={state} lessons={lessons} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add card"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function ImportDeckForm({ lessons }: { lessons: LessonOption[] }) {
  const [state, formProps, pending] = useActionForm(importDeckAction, initial);
  const form = useResetAfterSuccess(state);
  return (
    <form ref={form} {...formProps} encType="multipart/form-data" className={cardClass("grid gap-3 p-4")}>
      <Field
        id="deck-file"
        label="Deck file"
        hint={`A CSV or text file with one card per line, front then back (front;back), or an Anki "Notes in Plain Text" export. Up to ${OWN_CARD_LIMITS.perImport} cards.`}
        error={state.fieldErrors.file}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            name="file"
            required
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            className="mt-1 block"
            // Refused here before it is sent: a body past the server's 1 MB cap would get a bare 413.
            onChange={(e) => {
              const size = e.currentTarget.files?.[0]?.size ?? 0;
              e.currentTarget.setCustomValidity(size > DECK_FILE_MAX_BYTES ? deckFileTooLarge(size) : "");
            }}
          />
        )}
      </Field>
      <LessonSelect id="deck-lesson" state={state} lessons={lessons} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import cards"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function EditOwnCardForm({ cardId, front, back }: { cardId: string; front: string; back: string }) {
  const [state, formProps, pending] = useActionForm(editOwnCardAction, initial);
  const id = cardId.replace(/[^a-z0-9]/gi, "");
  return (
    <form {...formProps} className="mt-2 grid gap-2">
      <input type="hidden" name="cardId" value={cardId} />
      <CardSides
        idPrefix={`card-${id}`}
        state={state}
        values={{ front: state.values?.front ?? front, back: state.values?.back ?? back }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save card"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function DeleteOwnCardForm({ cardId, front }: { cardId: string; front: string }) {
  const short = front.length > 40 ? `${front.slice(0, 39)}…` : front;
  return (
    <ConfirmAction
      action={deleteOwnCardAction}
      fields={{ cardId }}
      trigger="Delete"
      triggerLabel={`Delete the card “${short}”`}
      title={`Delete “${short}”?`}
      confirmLabel="Delete card"
      pendingLabel="Deleting…"
    >
      <p>The card and its schedule go; the reviews you already did stay in your history.</p>
    </ConfirmAction>
  );
}

/** On a quiz review: the questions this attempt missed, as flashcards of the learner's own. */
export function AddMissedToCardsForm({ attemptId, missed }: { attemptId: string; missed: number }) {
  const [state, formProps, pending] = useActionForm(addMissedToCardsAction, initial);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="attemptId" value={attemptId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : `Add the ${missed === 1 ? "one" : missed} I missed to my flashcards`}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
