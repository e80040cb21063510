"use client";
import {
  addAssignmentAction,
  changeClassTimeZoneAction,
  changeDueDateAction,
  createClassAction,
  joinClassAction,
  removeAssignmentAction,
  removeMemberAction,
} from "@/app/classes/actions";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, fieldControlClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { echoed, useActionForm, useResetAfterSuccess } from "@/components/ui/use-action-form";
import type { AssignmentChoice } from "@/lib/classes/core/assignment-kinds";
import { type ActionState, idleState } from "@/lib/result";

const initial: ActionState = idleState();
const inputClass = fieldControlClass("w-full px-3 py-2");
const rowForm = cardClass("flex flex-col gap-2 p-4 sm:flex-row sm:items-end");

// These forms submit through useActionForm, so React does not reset them after a submit: a refused
// one keeps what was typed (each input keyed by what the action echoed).

export function CreateClassForm({ timeZone, zones }: { timeZone: string; zones: string[] }) {
  const [state, formProps, pending] = useActionForm(createClassAction, initial);
  return (
    <form {...formProps} className={cardClass("grid gap-3 p-4 sm:grid-cols-[1fr_16rem_auto] sm:items-end")}>
      <Field id="class-name" label="New class name" error={state.fieldErrors.name}>
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
      <Field id="class-time-zone" label="Time zone for due dates" error={state.fieldErrors.timeZone}>
        {(control) => (
          <TimeZoneSelect
            control={control}
            zones={zones}
            defaultValue={echoed(state, "timeZone") || timeZone}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create class"}
      </Button>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * The zone a class takes due dates in, changed by its instructor. The select starts at the class's
 * zone (after a refusal: what was chosen); the server moves every due date to the same date and time
 * of day in the new zone.
 */
export function ClassTimeZoneForm({
  classId,
  timeZone,
  zones,
}: {
  classId: string;
  timeZone: string;
  zones: string[];
}) {
  const [state, formProps, pending] = useActionForm(changeClassTimeZoneAction, initial);
  const chosen = state.ok ? timeZone : echoed(state, "timeZone") || timeZone;
  return (
    <form {...formProps} className={cardClass("grid gap-3 p-4 sm:grid-cols-[minmax(0,20rem)_auto] sm:items-end")}>
      <input type="hidden" name="classId" value={classId} />
      <Field
        id="class-zone"
        label="Class time zone"
        hint="Due dates keep their date and time of day: 17:00 stays 17:00, in the new zone."
        error={state.fieldErrors.timeZone}
      >
        {(control) => (
          <TimeZoneSelect
            key={`${timeZone}:${chosen}`}
            control={control}
            zones={zones}
            defaultValue={chosen}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change time zone"}
      </Button>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** What to assign (a quiz, a drill, a lesson's flashcards) and its due date, typed in the class's zone (the server converts it). */
export function AssignQuizForm({
  classId,
  timeZone,
  choices,
}: {
  classId: string;
  timeZone: string;
  choices: AssignmentChoice[];
}) {
  const [state, formProps, pending] = useActionForm(addAssignmentAction, initial);
  // After a success the form is ready for the next assignment: choice and due date empty.
  const form = useResetAfterSuccess(state);
  const groups = [...new Set(choices.map((c) => c.group))];
  return (
    <form ref={form} {...formProps} className={cardClass("grid gap-3 p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end")}>
      <input type="hidden" name="classId" value={classId} />
      <Field id="quiz" label="What to assign" error={state.fieldErrors.quiz}>
        {(control) => (
          <select
            {...control}
            key={echoed(state, "quiz")}
            name="quiz"
            className={inputClass}
            defaultValue={echoed(state, "quiz")}
          >
            <option value="" disabled>
              Choose a quiz, drill or lesson&apos;s flashcards…
            </option>
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {choices
                  .filter((c) => c.group === g)
                  .map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field id="dueAt" label="Due" hint={`${timeZone} time`} error={state.fieldErrors.dueAt}>
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

/** A new due date for one assignment, typed in the class's zone; it starts at the current one. */
export function ChangeDueDateForm({
  classId,
  assignmentId,
  title,
  dueAtLocal,
  timeZone,
}: {
  classId: string;
  assignmentId: string;
  title: string;
  /** The current due date as a datetime-local value in the class's zone. */
  dueAtLocal: string;
  timeZone: string;
}) {
  const [state, formProps, pending] = useActionForm(changeDueDateAction, initial);
  const id = `due-${assignmentId}`;
  const typed = state.ok ? dueAtLocal : echoed(state, "dueAt");
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Field
        id={id}
        label={
          <>
            New due date<span className="sr-only"> for {title}</span>
          </>
        }
        hint={`${timeZone} time`}
        error={state.fieldErrors.dueAt}
      >
        {(control) => (
          <input
            {...control}
            key={typed}
            name="dueAt"
            type="datetime-local"
            required
            defaultValue={typed}
            className={fieldControlClass("px-2 py-1")}
          />
        )}
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save due date"}
      </Button>
      <FormMessage state={state} className="w-full" />
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
  return (
    <ConfirmAction
      action={removeAssignmentAction}
      fields={{ classId, assignmentId }}
      trigger="Remove"
      triggerLabel={`Remove ${title}`}
      title={`Remove “${title}”?`}
      confirmLabel="Remove assignment"
      pendingLabel="Removing…"
    >
      <p>
        Learners no longer see it, and its column leaves the results. Their attempts stay theirs; assigning the quiz
        again shows them once more.
      </p>
    </ConfirmAction>
  );
}

export function RemoveMemberForm({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  return (
    <ConfirmAction
      action={removeMemberAction}
      fields={{ classId, userId }}
      trigger="Remove"
      triggerLabel={`Remove ${name} from the class`}
      title={`Remove ${name} from the class?`}
      confirmLabel="Remove learner"
      pendingLabel="Removing…"
    >
      <p>
        {name} leaves the results and no longer sees the class's assignments. Their own lessons, quizzes and flashcards
        stay theirs; they can join again with the code, and then only attempts made after that count.
      </p>
    </ConfirmAction>
  );
}

export function JoinClassForm() {
  const [state, formProps, pending] = useActionForm(joinClassAction, initial);
  const form = useResetAfterSuccess(state);
  return (
    <form ref={form} {...formProps} className={rowForm}>
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
