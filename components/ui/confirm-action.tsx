"use client";

import { type ReactNode, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { type ActionState, idleState } from "@/lib/result";
import { Button } from "./button";
import { useActionForm } from "./use-action-form";

/**
 * A destructive action behind a real confirm step. The trigger opens a modal <dialog> that says
 * what will happen: focus moves to its Cancel button and stays inside the dialog, Escape or Cancel
 * closes it and focus returns to the trigger, and only its own button sends the form, with
 * confirm=yes, which the server action requires. Keyboard alone is enough; no window.confirm.
 * The dialog is rendered on the first press of its trigger (and kept, with its message, after
 * that): a page of many such actions, a class's list of learners, hydrates only their buttons.
 */
export function ConfirmAction({
  action,
  fields,
  trigger,
  triggerLabel,
  title,
  children,
  confirmLabel,
  pendingLabel,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Hidden inputs that name what to act on. */
  fields: Record<string, string>;
  /** The trigger's text ("Remove"), and its accessible name when the text alone is ambiguous. */
  trigger: string;
  triggerLabel: string;
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [state, formProps, pending] = useActionForm(action, idleState());
  const id = useId();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        aria-label={triggerLabel}
        onClick={() => {
          if (!opened) flushSync(() => setOpened(true));
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        {trigger}
      </Button>
      {opened && (
        <dialog
          ref={dialog}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50"
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="mt-2 text-slate-700">
            {children}
          </div>
          <form {...formProps}>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="confirm" value="yes" />
            {!state.ok && (
              <p role="alert" className="mt-3 text-sm text-red-700">
                {state.message}
              </p>
            )}
            <div className="mt-5 flex flex-wrap justify-end gap-2">
              <Button ref={cancel} variant="secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? pendingLabel : confirmLabel}
              </Button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
