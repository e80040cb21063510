"use client";

import { useActionState } from "react";
import { type SettingsState, saveSrsSettingsAction } from "@/app/review/actions";

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
    values: { desiredRetention: String(desiredRetention), dailyNewLimit: String(dailyNewLimit) },
  } as SettingsState);
  return (
    <form
      action={action}
      noValidate
      className="mt-3 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
    >
      <div>
        <label htmlFor="desiredRetention" className="block font-medium text-slate-900">
          Desired retention
        </label>
        <input
          id="desiredRetention"
          name="desiredRetention"
          type="number"
          step="0.01"
          min="0.7"
          max="0.97"
          defaultValue={state.values.desiredRetention}
          aria-describedby="retention-help"
          className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1"
        />
        <p id="retention-help" className="mt-1 text-sm text-slate-600">
          The chance you still remember a card when it comes due (0.70–0.97). Higher means more reviews.
        </p>
      </div>
      <div>
        <label htmlFor="dailyNewLimit" className="block font-medium text-slate-900">
          New cards per day
        </label>
        <input
          id="dailyNewLimit"
          name="dailyNewLimit"
          type="number"
          step="1"
          min="0"
          max="500"
          defaultValue={state.values.dailyNewLimit}
          aria-describedby="limit-help"
          className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1"
        />
        <p id="limit-help" className="mt-1 text-sm text-slate-600">
          How many cards you meet for the first time each day (days start at 00:00 UTC).
        </p>
      </div>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70"
        >
          {pending ? "Saving…" : "Save settings"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`mt-2 text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {state.message}
        </p>
      </div>
    </form>
  );
}
