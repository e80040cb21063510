"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/result";

/**
 * `useActionState` for a form that keeps what was typed after it is submitted. React resets a form
 * after every action given to its `action` prop, a refused one too (react#29034), and resets even
 * controlled selects with it (react#30580): the assign form then showed emptied fields after a
 * refusal and sent whatever the reset left next time. Submitting from `onSubmit` in a transition runs
 * the same action without that reset. `action` stays on the form, so it still posts before the page's
 * script has loaded. Spread the returned props onto the <form>.
 */
export function useActionForm<State>(
  action: (state: Awaited<State>, form: FormData) => State | Promise<State>,
  initial: Awaited<State>,
) {
  const [state, dispatch, pending] = useActionState<State, FormData>(action, initial);
  const formProps = {
    action: dispatch,
    onSubmit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const data = new FormData(event.currentTarget, submitter);
      startTransition(() => dispatch(data));
    },
  };
  return [state, formProps, pending] as const;
}

/**
 * What the last submit echoed for a field (after a refusal), else "". Key an input by it and use it
 * as the default value: a page rendered from a submit made before the script loaded shows it too,
 * and a success (no echo) remounts the input empty.
 */
export const echoed = (state: ActionState, name: string) => state.values?.[name] ?? "";

/** A ref for a form that empties itself after each successful submit, ready for the next entry. */
export function useResetAfterSuccess(state: ActionState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && state.message) form.current?.reset();
  }, [state]);
  return form;
}
