"use client";

import { useActionState } from "react";
import { saveSrsSettingsAction } from "@/app/review/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/result";

const inputClass = fieldControlClass("w-32 px-2 py-1");

export function SrsSettingsForm({
  desiredRetention,
  dailyNewLimit,
}: {
  desiredRetention: number;
  dailyNewLimit: number;
}) {
  const [state, action, pending] = useActionState(saveSrsSettingsAction, {
    ok: true,
    message: null,
    fieldErrors: {},
    values: { desiredRetention: String(desiredRetention), dailyNewLimit: String(dailyNewLimit) },
  } satisfies ActionState);
  // The action always echoes both values (saved or refused); keyed by them so React's reset after
  // a submit shows what was typed rather than the first render's values.
  const value = (name: string) => state.values?.[name] ?? "";
  return (
    <form action={action} noValidate className={cardClass("mt-3 grid gap-4 p-5 sm:grid-cols-2")}>
      <Field
        id="desiredRetention"
        label="Desired retention"
        error={state.fieldErrors.desiredRetention}
        hint="The chance you still remember a card when it comes due (0.70–0.97). Higher means more reviews."
      >
        {(control) => (
          <input
            {...control}
            key={value("desiredRetention")}
            name="desiredRetention"
            type="number"
            step="0.01"
            min="0.7"
            max="0.97"
            defaultValue={value("desiredRetention")}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="dailyNewLimit"
        label="New cards per day"
        error={state.fieldErrors.dailyNewLimit}
        hint="How many cards you meet for the first time each day (days start at 00:00 UTC)."
      >
        {(control) => (
          <input
            {...control}
            key={value("dailyNewLimit")}
            name="dailyNewLimit"
            type="number"
            step="1"
            min="0"
            max="500"
            defaultValue={value("dailyNewLimit")}
            className={inputClass}
          />
        )}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <FormMessage state={state} className="mt-2" />
      </div>
    </form>
  );
}
