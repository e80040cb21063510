"use client";

import { useEffect, useRef } from "react";
import { registerPlatformAction, removePlatformAction, retryScoreAction } from "@/app/teach/lti/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();
const inputClass = fieldControlClass("w-full px-3 py-2");
const echoed = (state: ActionState, name: string) => state.values?.[name] ?? "";

// The LMS's names for each value (Moodle's tool configuration page shows them as "Platform details").
const FIELDS = [
  { name: "name", label: "Name (for you)", placeholder: "Our Moodle" },
  { name: "issuer", label: "Issuer (platform ID)", placeholder: "https://moodle.example.edu" },
  { name: "clientId", label: "Client ID", placeholder: "" },
  {
    name: "authLoginUrl",
    label: "Authentication request URL",
    placeholder: "https://moodle.example.edu/mod/lti/auth.php",
  },
  { name: "authTokenUrl", label: "Access token URL", placeholder: "https://moodle.example.edu/mod/lti/token.php" },
  { name: "jwksUrl", label: "Public keyset URL", placeholder: "https://moodle.example.edu/mod/lti/certs.php" },
] as const;

export function RegisterPlatformForm() {
  const [state, formProps, pending] = useActionForm(registerPlatformAction, initial);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && state.message) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} {...formProps} className={cardClass("grid gap-3 p-4 sm:grid-cols-2")}>
      {FIELDS.map((f) => (
        <Field key={f.name} id={`lti-${f.name}`} label={f.label} error={state.fieldErrors[f.name]}>
          {(control) => (
            <input
              {...control}
              key={echoed(state, f.name)}
              name={f.name}
              required
              defaultValue={echoed(state, f.name)}
              placeholder={f.placeholder}
              className={inputClass}
            />
          )}
        </Field>
      ))}
      <div className="sm:col-span-2">
        <Field id="lti-deploymentIds" label="Deployment IDs (one per line)" error={state.fieldErrors.deploymentIds}>
          {(control) => (
            <textarea
              {...control}
              key={echoed(state, "deploymentIds")}
              name="deploymentIds"
              required
              rows={2}
              defaultValue={echoed(state, "deploymentIds")}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register platform"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function RemovePlatformForm({
  platformId,
  name,
  impact,
}: {
  platformId: string;
  name: string;
  impact: { accounts: number; unsentScores: number; sentScores: number };
}) {
  return (
    <ConfirmAction
      action={removePlatformAction}
      fields={{ platformId }}
      trigger="Delete"
      triggerLabel={`Delete the registration ${name}`}
      title={`Delete “${name}”?`}
      confirmLabel="Delete registration"
      pendingLabel="Deleting…"
    >
      <p>Launches from this platform stop working.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li data-impact="accounts">
          {impact.accounts === 0
            ? "No learner or instructor account was made by its launches."
            : `${count(impact.accounts, "account", "accounts")} made by its launches ${impact.accounts === 1 ? "is" : "are"} deleted with all ${impact.accounts === 1 ? "its" : "their"} work: ${impact.accounts === 1 ? "it has" : "they have"} no password, so without the platform no one could sign in to ${impact.accounts === 1 ? "it" : "them"} again.`}
        </li>
        <li data-impact="scores">
          {impact.unsentScores === 0
            ? "No score is waiting to be sent."
            : `${count(impact.unsentScores, "score", "scores")} not sent yet ${impact.unsentScores === 1 ? "is" : "are"} dropped: the grade book never gets ${impact.unsentScores === 1 ? "it" : "them"}.`}{" "}
          {impact.sentScores > 0 &&
            `The record of ${count(impact.sentScores, "sent score", "sent scores")} goes too; the grade book keeps ${impact.sentScores === 1 ? "it" : "them"}.`}
        </li>
      </ul>
    </ConfirmAction>
  );
}

/** "Retry now" for one outbox row, with what came of it beside the button. */
export function RetryScoreForm({ scoreSendId, label }: { scoreSendId: string; label: string }) {
  const [state, formProps, pending] = useActionForm(retryScoreAction, initial);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="scoreSendId" value={scoreSendId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Sending…" : "Retry now"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
