"use client";

import { useActionState, useEffect, useState } from "react";
import { addAssignmentAction, createClassAction, joinClassAction, removeAssignmentAction } from "@/app/classes/actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();
const inputClass = fieldControlClass("w-full px-3 py-2");
const rowForm = cardClass("flex flex-col gap-2 p-4 sm:flex-row sm:items-end");

// Inputs are uncontrolled and React resets a form after its action; each one is keyed by the value
// the action echoed, so a failed submit re-renders it with what was typed and a success (no echo)
// empties it.
const echoed = (state: ActionState, name: string) => state.values?.[name] ?? "";

export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, initial);
  return (
    <form action={action} className={rowForm}>
      <Field id="class-name" label="New class name" error={state.fieldErrors.name} className="flex-1">
        {(control) => (
          <input
            {...control}
            key={echoed(state, "name")}
            name="name"
            required
            maxLength={80}
            defaultValue={echoed(state, "name")}
            className={inputClass}
            placeholder="Networking 101, spring term"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create class"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** The browser's offset from UTC, read after hydration; 0 (UTC) until then, as the server cannot know it. */
function useTimezoneOffset(): string {
  const [offset, setOffset] = useState("0");
  useEffect(() => setOffset(String(new Date().getTimezoneOffset())), []);
  return offset;
}

export function AssignQuizForm({ classId, choices }: { classId: string; choices: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addAssignmentAction, initial);
  // Controlled, so the form's reset after each submit cannot put it back to 0.
  const offset = useTimezoneOffset();
  return (
    <form action={action} className={cardClass("grid gap-3 p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end")}>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="tzOffsetMinutes" value={offset} />
      <Field id="quiz" label="Quiz" error={state.fieldErrors.quiz}>
        {(control) => (
          <select
            {...control}
            key={echoed(state, "quiz")}
            name="quiz"
            className={inputClass}
            defaultValue={echoed(state, "quiz")}
          >
            <option value="" disabled>
              Choose a quiz…
            </option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="dueAt" label="Due" error={state.fieldErrors.dueAt}>
        {(control) => (
          <input
            {...control}
            key={echoed(state, "dueAt")}
            name="dueAt"
            type="datetime-local"
            defaultValue={echoed(state, "dueAt")}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Assigning…" : "Assign"}
      </Button>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function RemoveAssignmentForm({
  classId,
  assignmentId,
  title,
}: {
  classId: string;
  assignmentId: string;
  title: string;
}) {
  const [state, action, pending] = useActionState(removeAssignmentAction, initial);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="classId" value={classId} />
      {/* Rare (someone else removed it first), so an alert, announced when it appears. */}
      {!state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-70"
        aria-label={`Remove ${title}`}
      >
        {pending ? "Removing…" : "Remove"}
      </button>
    </form>
  );
}

export function JoinClassForm() {
  const [state, action, pending] = useActionState(joinClassAction, initial);
  return (
    <form action={action} className={rowForm}>
      <Field id="code" label="Class code" error={state.fieldErrors.code} className="flex-1">
        {(control) => (
          <input
            {...control}
            key={echoed(state, "code")}
            name="code"
            required
            autoComplete="off"
            defaultValue={echoed(state, "code")}
            className={inputClass}
            placeholder="ABCD-2345"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join class"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
