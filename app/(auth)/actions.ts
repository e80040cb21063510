"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeCallbackPath, signInSchema, signUpSchema } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { repositories } from "@/lib/db/repositories";
import { EmailTakenError } from "@/lib/db/user-repository";

export interface AuthFormState {
  error: string | null;
  fieldErrors: Partial<Record<"name" | "email" | "password", string>>;
  /** What the person typed (never the password), so a failed submit loses nothing. */
  values: { name?: string; email?: string };
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): AuthFormState["fieldErrors"] {
  const out: AuthFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const key = String(issue.path[0]) as keyof AuthFormState["fieldErrors"];
    out[key] ??= issue.message;
  }
  return out;
}

async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<AuthFormState | never> {
  try {
    await signIn("credentials", { email, password, redirectTo: callbackUrl });
  } catch (err) {
    if (err instanceof AuthError) {
      if ((err as { code?: string }).code === "too_many_attempts") {
        return {
          error: "Too many failed sign-ins for this e-mail. Wait up to 15 minutes, then try again.",
          fieldErrors: {},
          values: { email },
        };
      }
      return {
        error: "That e-mail and password do not match an account. Check both and try again.",
        fieldErrors: {},
        values: { email },
      };
    }
    throw err; // the redirect after a successful sign-in
  }
  return { error: null, fieldErrors: {}, values: {} };
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { email: field(form, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: field(form, "password") });
  if (!parsed.success)
    return { error: "Please fix the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeCallbackPath(form.get("callbackUrl")));
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { name: field(form, "name"), email: field(form, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: field(form, "password") });
  if (!parsed.success)
    return { error: "Please fix the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  try {
    await repositories().users.create({
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
    });
  } catch (err) {
    if (err instanceof EmailTakenError) {
      return {
        error: `${err.message} Sign in instead, or use another e-mail.`,
        fieldErrors: { email: "This e-mail already has an account." },
        values,
      };
    }
    throw err;
  }
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeCallbackPath(form.get("callbackUrl")));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
