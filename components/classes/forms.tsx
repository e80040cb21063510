"use client";

import { useActionState, useEffect, useRef } from "react";
import { addAssignmentAction, createClassAction, type FormState, joinClassAction } from "@/app/classes/actions";

const initial: FormState = { ok: true, message: null };
const button = "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70";
const inputClass = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

function Status({ state }: { state: FormState }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, initial);
  return (
    <form
      action={action}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <label htmlFor="class-name" className="font-medium text-slate-900">
          New class name
        </label>
        <input
          id="class-name"
          name="name"
          required
          maxLength={80}
          className={inputClass}
          placeholder="Networking 101, spring term"
        />
      </div>
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Creating…" : "Create class"}
      </button>
      <Status state={state} />
    </form>
  );
}

export function AssignQuizForm({ classId, choices }: { classId: string; choices: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addAssignmentAction, initial);
  const offset = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (offset.current) offset.current.value = String(new Date().getTimezoneOffset());
  }, []);
  return (
    <form
      action={action}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end"
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="tzOffsetMinutes" ref={offset} defaultValue="0" />
      <div>
        <label htmlFor="quiz" className="font-medium text-slate-900">
          Quiz
        </label>
        <select id="quiz" name="quiz" className={inputClass} defaultValue="">
          <option value="" disabled>
            Choose a quiz…
          </option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dueAt" className="font-medium text-slate-900">
          Due
        </label>
        <input id="dueAt" name="dueAt" type="datetime-local" className={inputClass} />
      </div>
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Assigning…" : "Assign"}
      </button>
      <div className="sm:col-span-3">
        <Status state={state} />
      </div>
    </form>
  );
}

export function JoinClassForm() {
  const [state, action, pending] = useActionState(joinClassAction, initial);
  return (
    <form
      action={action}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <label htmlFor="code" className="font-medium text-slate-900">
          Class code
        </label>
        <input id="code" name="code" required autoComplete="off" className={inputClass} placeholder="ABCD-2345" />
      </div>
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Joining…" : "Join class"}
      </button>
      <Status state={state} />
    </form>
  );
}
