"use client";

import { useActionState } from "react";
import { deleteAccountAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { DELETE_PHRASE } from "@/lib/auth/delete-phrase";
import { idleState } from "@/lib/result";

/**
 * The password typed again (or, for an account without one, the phrase) and an explicit tick, then
 * one red button: nothing is deleted without both.
 */
export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState(deleteAccountAction, idleState());
  const confirmed = state.values?.confirm === "on";
  const confirmError = state.fieldErrors.confirm;
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      {hasPassword ? (
        <Field id="delete-password" label="Your password" error={state.fieldErrors.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className={fieldControlClass("block w-full max-w-sm px-3 py-2")}
            />
          )}
        </Field>
      ) : (
        <Field id="delete-phrase" label={`Type “${DELETE_PHRASE}” to confirm`} error={state.fieldErrors.phrase}>
          {(control) => (
            <input
              {...control}
              key={state.values?.phrase ?? ""}
              name="phrase"
              autoComplete="off"
              spellCheck={false}
              required
              defaultValue={state.values?.phrase ?? ""}
              className={fieldControlClass("block w-full max-w-sm px-3 py-2")}
            />
          )}
        </Field>
      )}
      <div>
        <div className="flex items-start gap-2">
          <input
            id="delete-confirm"
            key={String(confirmed)}
            name="confirm"
            type="checkbox"
            defaultChecked={confirmed}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "delete-confirm-error" : undefined}
            className="mt-1 size-4"
          />
          <label htmlFor="delete-confirm" className="text-slate-900">
            I understand that this deletes my account and all my progress, answers, flashcards and drill runs, and that
            it cannot be undone.
          </label>
        </div>
        {confirmError && (
          <p id="delete-confirm-error" className="mt-1 text-sm text-red-700">
            {confirmError}
          </p>
        )}
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
