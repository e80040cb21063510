"use client";

import Link from "next/link";
import { useActionState } from "react";
import { BrowserTimeZoneInput } from "@/components/browser-time-zone";
import { Button } from "@/components/ui/button";
import { type ActionState, idleState } from "@/lib/result";

interface Field {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
}

const email: Field = { name: "email", label: "E-mail", type: "email", autoComplete: "email" };
const newPasswordHint = "At least 8 characters.";

/** Every account form: its fields, its button, and the links under it. */
const FORMS = {
  signin: {
    fields: [email, { name: "password", label: "Password", type: "password", autoComplete: "current-password" }],
    submit: "Sign in",
    pending: "Signing in…",
  },
  signup: {
    fields: [
      { name: "name", label: "Name", type: "text", autoComplete: "name" },
      email,
      { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: newPasswordHint },
    ],
    submit: "Create account",
    pending: "Creating account…",
  },
  forgot: { fields: [email], submit: "Send reset link", pending: "Sending…" },
  reset: {
    fields: [
      {
        name: "newPassword",
        label: "New password",
        type: "password",
        autoComplete: "new-password",
        hint: newPasswordHint,
      },
    ],
    submit: "Set new password",
    pending: "Saving…",
  },
  change: {
    fields: [
      { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
      {
        name: "newPassword",
        label: "New password",
        type: "password",
        autoComplete: "new-password",
        hint: newPasswordHint,
      },
    ],
    submit: "Change password",
    pending: "Changing password…",
  },
} satisfies Record<string, { fields: Field[]; submit: string; pending: string }>;

export type AuthFormMode = keyof typeof FORMS;

interface Props {
  mode: AuthFormMode;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Hidden inputs sent with the form: the page to return to after sign-in, a reset token. */
  hidden?: Record<string, string>;
  /** Where to go after signing in, for the links between sign-in and sign-up. */
  callbackUrl?: string;
}

export function AuthForm({ mode, action, hidden = {}, callbackUrl = "/" }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState());
  const form = FORMS[mode];
  const values = state.values ?? {};

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      aria-describedby={state.message ? "form-message" : undefined}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* A new account starts in the browser's time zone (changeable in the account settings). */}
      {mode === "signup" && <BrowserTimeZoneInput name="timeZone" />}
      {state.message &&
        (state.ok ? (
          <p
            id="form-message"
            role="status"
            className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            {state.message}
          </p>
        ) : (
          <p
            id="form-message"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.message}
          </p>
        ))}
      {form.fields.map((f: Field) => {
        const error = state.fieldErrors[f.name];
        const describedBy =
          [error ? `${f.name}-error` : null, f.hint ? `${f.name}-hint` : null].filter(Boolean).join(" ") || undefined;
        const isPassword = f.type === "password";
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="block text-sm font-medium text-slate-800">
              {f.label}
            </label>
            <input
              id={f.name}
              name={f.name}
              type={f.type}
              autoComplete={f.autoComplete}
              required
              // Passwords are never sent back; everything else is, so a failed submit loses nothing.
              defaultValue={isPassword ? undefined : values[f.name]}
              key={isPassword ? undefined : `${f.name}-${values[f.name] ?? ""}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className={`mt-1 block w-full rounded-md border px-3 py-2 shadow-sm focus:border-brand-600 ${error ? "border-red-500" : "border-slate-300"}`}
            />
            {f.hint && (
              <p id={`${f.name}-hint`} className="mt-1 text-xs text-slate-600">
                {f.hint}
              </p>
            )}
            {error && (
              <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" disabled={pending} className="w-full disabled:cursor-wait">
        {pending ? form.pending : form.submit}
      </Button>
      <FormLinks mode={mode} callbackUrl={callbackUrl} />
    </form>
  );
}

const linkClass = "text-brand-700 underline";

function FormLinks({ mode, callbackUrl }: { mode: AuthFormMode; callbackUrl: string }) {
  const back = encodeURIComponent(callbackUrl);
  switch (mode) {
    case "signin":
      return (
        <div className="space-y-2 text-center text-sm text-slate-600">
          <p>
            <Link className={linkClass} href="/forgot-password">
              Forgot your password?
            </Link>
          </p>
          <p>
            New here?{" "}
            <Link className={linkClass} href={`/signup?callbackUrl=${back}`}>
              Create an account
            </Link>
          </p>
        </div>
      );
    case "signup":
      return (
        <p className="text-center text-sm text-slate-600">
          Already have an account?{" "}
          <Link className={linkClass} href={`/signin?callbackUrl=${back}`}>
            Sign in
          </Link>
        </p>
      );
    case "forgot":
    case "reset":
      return (
        <p className="text-center text-sm text-slate-600">
          Remembered it?{" "}
          <Link className={linkClass} href="/signin">
            Sign in
          </Link>
        </p>
      );
    case "change":
      return null;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}
