"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

interface Props {
  mode: "signin" | "signup";
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  callbackUrl: string;
}

const initialState: AuthFormState = { error: null, fieldErrors: {}, values: {} };

export function AuthForm({ mode, action, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const fields =
    mode === "signup"
      ? ([
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "E-mail", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 8 characters.",
          },
        ] as const)
      : ([
          { name: "email", label: "E-mail", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ] as const);

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      aria-describedby={state.error ? "form-error" : undefined}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && (
        <p
          id="form-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {state.error}
        </p>
      )}
      {fields.map((f) => {
        const error = state.fieldErrors[f.name];
        const hint = "hint" in f ? f.hint : undefined;
        const describedBy =
          [error ? `${f.name}-error` : null, hint ? `${f.name}-hint` : null].filter(Boolean).join(" ") || undefined;
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
              defaultValue={f.name === "password" ? undefined : state.values[f.name]}
              key={f.name === "password" ? undefined : `${f.name}-${state.values[f.name] ?? ""}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className={`mt-1 block w-full rounded-md border px-3 py-2 shadow-sm focus:border-brand-600 ${error ? "border-red-500" : "border-slate-300"}`}
            />
            {hint && (
              <p id={`${f.name}-hint`} className="mt-1 text-xs text-slate-600">
                {hint}
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
        {pending
          ? mode === "signup"
            ? "Creating account…"
            : "Signing in…"
          : mode === "signup"
            ? "Create account"
            : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {mode === "signup" ? (
          <>
            Already have an account?{" "}
            <Link className="text-brand-700 underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              Sign in
            </Link>
          </>
        ) : (
          <>
            New here?{" "}
            <Link className="text-brand-700 underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              Create an account
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
