// One result shape for every service, and one state shape for every server action and form.
// Pure: imported by services, actions and components alike.

/**
 * What a service returns when the failure is the caller's to show (bad input, not allowed, gone).
 * `field` names the form input a failure is about, when it is about one, so the form can show the
 * sentence beside it.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string, field?: string): Result<T> => ({
  ok: false,
  error,
  ...(field ? { field } : {}),
});

/**
 * What a server action hands back to its form: whether it worked, a sentence for the person, and
 * per-field messages keyed by the input's name. `values` echoes what was typed, so a failed submit
 * loses nothing; `data` carries what a successful action produced for the page.
 */
export interface ActionState<D = undefined> {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string>;
  values?: Record<string, string>;
  data?: D;
}

export const idleState = <D = undefined>(data?: D): ActionState<D> => ({
  ok: true,
  message: null,
  fieldErrors: {},
  ...(data === undefined ? {} : { data }),
});

export const successState = <D = undefined>(message: string | null, data?: D): ActionState<D> => ({
  ok: true,
  message,
  fieldErrors: {},
  ...(data === undefined ? {} : { data }),
});

export const failureState = <D = undefined>(
  message: string,
  fieldErrors: Record<string, string> = {},
  values?: Record<string, string>,
  data?: D,
): ActionState<D> => ({
  ok: false,
  message,
  fieldErrors,
  ...(values ? { values } : {}),
  ...(data === undefined ? {} : { data }),
});
