"use client";

import { useState } from "react";
import { saveAccountSettingsAction } from "@/app/(auth)/actions";
import { useBrowserTimeZone } from "@/components/browser-time-zone";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { idleState } from "@/lib/result";

/** `zones` is the server's list (it includes `timeZone`); the browser's own zone joins it if the list spells it differently. */
export function AccountSettingsForm({ timeZone, zones }: { timeZone: string; zones: string[] }) {
  const [state, formProps, pending] = useActionForm(saveAccountSettingsAction, idleState());
  const [zone, setZone] = useState(timeZone);
  const browser = useBrowserTimeZone();
  const choices = browser && !zones.includes(browser) ? [zones[0], ...[...zones.slice(1), browser].sort()] : zones;
  return (
    <form {...formProps} className={cardClass("grid gap-3 p-4")}>
      <Field
        id="timeZone"
        label="Time zone"
        hint="Every date and time is shown in this zone, and your flashcard day starts at its midnight."
        error={state.fieldErrors.timeZone}
      >
        {(control) => (
          <TimeZoneSelect
            control={control}
            zones={choices}
            value={zone}
            onChange={setZone}
            className={fieldControlClass("w-full px-3 py-2")}
          />
        )}
      </Field>
      {browser && browser !== zone && (
        <p className="text-sm text-slate-700">
          This browser is set to {browser}.{" "}
          <button type="button" onClick={() => setZone(browser)} className="text-brand-700 underline">
            Use {browser}
          </button>
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save time zone"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
