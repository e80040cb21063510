"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { AuthError } from "next-auth";
import type { AccountService } from "@/lib/auth/account-service";
import { SignInThrottled, signIn, signOut } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import {
  accountSettingsSchema,
  changePasswordSchema,
  deleteAccountSchema,
  deleteLaunchAccountSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
} from "@/lib/auth/credentials";
import { currentSignInTime, currentUser } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { authServices } from "@/lib/auth/server";
import { waitSentence } from "@/lib/auth/wait-sentence";
import { COLOR_SCHEME_COOKIE, COLOR_SCHEME_COOKIE_MAX_AGE, COLOR_SCHEME_LABELS } from "@/lib/color-scheme";
import { colorSchemeFormSchema } from "@/lib/color-scheme-form";
import { repositories } from "@/lib/db/repositories";
import { EmailTakenError } from "@/lib/db/user-repository";
import { parseForm } from "@/lib/forms";
import { type ActionState, failureState, successState } from "@/lib/result";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

const FIX_FIELDS = "Please fix the highlighted fields.";

/**
 * Where a sign-in without a page to return to lands: instructors on their classes, everyone else
 * on the home page. The role is read by e-mail whether or not the password is right, so the lookup
 * takes the same time for every attempt and the answer tells nothing before the check passes.
 */
async function landingFor(email: string, redirectTo: string): Promise<string> {
  if (redirectTo !== "/") return redirectTo;
  const user = await repositories().users.findByEmail(email);
  return user?.role === "INSTRUCTOR" ? "/teach" : redirectTo;
}

/** Signs in and redirects; on failure, an ActionState that keeps what was typed (never the password). */
async function signInAndRedirect(
  email: string,
  password: string,
  redirectTo: string,
  values: Record<string, string>,
): Promise<ActionState> {
  const landing = await landingFor(email, redirectTo);
  try {
    await signIn("credentials", { email, password, redirectTo: landing });
  } catch (err) {
    if (err instanceof SignInThrottled) {
      return failureState(`Too many failed sign-ins. ${waitSentence(err.retryAfterSec)}`, {}, values);
    }
    if (err instanceof AuthError) {
      return failureState("That e-mail and password do not match an account. Check both and try again.", {}, values);
    }
    throw err; // the redirect after a successful sign-in
  }
  return successState(null);
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { email: field(form, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: field(form, "password") });
  if (!parsed.success) return failureState(FIX_FIELDS, fieldErrorsOf(parsed.error.issues), values);
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeCallbackPath(form.get("callbackUrl")), values);
}

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { name: field(form, "name"), email: field(form, "email") };
  const parsed = signUpSchema.safeParse({
    ...values,
    password: field(form, "password"),
    timeZone: field(form, "timeZone"),
  });
  if (!parsed.success) return failureState(FIX_FIELDS, fieldErrorsOf(parsed.error.issues), values);
  try {
    await repositories().users.create({
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
      timeZone: parsed.data.timeZone,
    });
  } catch (err) {
    if (err instanceof EmailTakenError) {
      return failureState(
        `${err.message} Sign in instead, or use another e-mail.`,
        { email: "This e-mail already has an account." },
        values,
      );
    }
    throw err;
  }
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeCallbackPath(form.get("callbackUrl")), values);
}

/** Signs out this browser and, through the signOut event, revokes every session of the user. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account/password")}`);
  const parsed = changePasswordSchema.safeParse({
    currentPassword: field(form, "currentPassword"),
    newPassword: field(form, "newPassword"),
  });
  if (!parsed.success) return failureState(FIX_FIELDS, fieldErrorsOf(parsed.error.issues));
  const changed = await authServices().accounts.changePassword(user.id, {
    ...parsed.data,
    ip: clientIp(await headers()),
  });
  if (!changed.ok) return failureState(changed.error);
  // Every session was revoked, this one too: sign this browser in again with the new password.
  return signInAndRedirect(changed.value.email, parsed.data.newPassword, "/account/password?changed=1", {});
}

/** The account settings: the zone every time is shown in, and whose midnight starts the flashcard day. */
export async function saveAccountSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(accountSettingsSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account/settings")}`);
  if (!(await repositories().users.setTimeZone(user.id, input.data.timeZone)))
    return failureState("Your account no longer exists.", {}, input.values);
  return successState(`Saved: times are shown in ${input.data.timeZone}.`);
}

/**
 * The colour scheme: on the account when someone is signed in, and in a cookie either way, so a
 * visitor keeps it and the browser keeps the last choice after signing out. Setting a cookie in an
 * action makes Next render the page again, so <html data-color-scheme> changes without a reload.
 */
export async function saveColorSchemeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(colorSchemeFormSchema, form);
  if (!input.ok) return input.state;
  const { colorScheme } = input.data;
  const user = await currentUser();
  if (user && !(await repositories().users.setColorScheme(user.id, colorScheme)))
    return failureState("Your account no longer exists.", {}, input.values);
  (await cookies()).set(COLOR_SCHEME_COOKIE, colorScheme, {
    maxAge: COLOR_SCHEME_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    path: "/",
  });
  return successState(`Colour scheme: ${COLOR_SCHEME_LABELS[colorScheme]}.`);
}

export async function forgotPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { email: field(form, "email") };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return failureState(FIX_FIELDS, fieldErrorsOf(parsed.error.issues), values);
  const wait = await authServices().resetRequests.take(clientIp(await headers()));
  if (wait > 0) return failureState(`Too many reset requests from your network. ${waitSentence(wait)}`, {}, values);
  // OWASP Forgot Password cheat sheet: the same answer, in the same time, whether or not the e-mail
  // has an account; so the lookup and the mail happen after the response is sent.
  const { email } = parsed.data;
  after(() =>
    authServices()
      .accounts.requestPasswordReset(email)
      .catch((err) => console.error("password reset: could not send the mail", err)),
  );
  return {
    ...successState(
      "If an account uses that e-mail, a link to choose a new password is on its way. It works once, for 30 minutes; check your spam folder if it does not arrive.",
    ),
    values,
  };
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse({
    token: field(form, "token"),
    newPassword: field(form, "newPassword"),
  });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues);
    return failureState(errors.token ?? FIX_FIELDS, errors); // the token is a hidden field: say it at the top
  }
  const reset = await authServices().accounts.resetPassword(parsed.data.token, parsed.data.newPassword);
  if (!reset.ok) return failureState(reset.error);
  redirect("/signin?reset=1");
}

/**
 * Deletes the signed-in user's account and everything it owns, after the password is typed again (or,
 * for an account without one, the phrase typed from a recent sign-in) and the confirmation ticked;
 * then signs this browser out and says so on the sign-in page.
 */
export async function deleteAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account/my-data")}`);
  let deleted: Awaited<ReturnType<AccountService["deleteAccount"]>>;
  if (user.hasPassword) {
    const input = parseForm(deleteAccountSchema, form);
    // Passwords are never sent back; the checkbox is, so a refused submit keeps it as it was.
    if (!input.ok) return { ...input.state, values: { confirm: input.state.values?.confirm ?? "" } };
    deleted = await authServices().accounts.deleteAccount(user.id, {
      kind: "password",
      password: input.data.password,
      ip: clientIp(await headers()),
    });
    if (!deleted.ok) return failureState(deleted.error, { password: deleted.error }, { confirm: "on" });
  } else {
    const input = parseForm(deleteLaunchAccountSchema, form);
    if (!input.ok) return input.state;
    deleted = await authServices().accounts.deleteAccount(user.id, {
      kind: "phrase",
      phrase: input.data.phrase,
      signedInAt: await currentSignInTime(),
    });
    if (!deleted.ok) return failureState(deleted.error, {}, input.values);
  }
  // Nothing of the account is left; this clears the cookie (the token names a user that is gone).
  await signOut({ redirectTo: "/signin?deleted=1" });
  return successState(null);
}
