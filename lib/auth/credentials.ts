import { z } from "zod";
import { timeZoneSchema } from "../time-zone-form";
import { DEFAULT_TIME_ZONE } from "../time-zones";
import { DELETE_PHRASE } from "./delete-phrase";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid e-mail address.")
  .max(254, "That e-mail address is too long.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

/** The rule for every new password: at sign-up, on change and on reset. */
export const newPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Keep your password under 200 characters.");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: newPasswordSchema,
  // Filled in by the browser (Intl's zone) in a hidden field; empty before the page's script ran,
  // and anything Intl does not know, becomes UTC, which the account settings can change.
  timeZone: timeZoneSchema.catch(DEFAULT_TIME_ZONE),
});

export const accountSettingsSchema = z.object({ timeZone: timeZoneSchema });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200, "That password is too long."),
  newPassword: newPasswordSchema,
});

/** Deleting the account: the password typed again, and the box ticked (a checkbox sends "on"). */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm it is you.").max(200, "That password is too long."),
  confirm: z.literal("on", { error: "Tick the box to confirm that everything will be deleted." }),
});

/** The same for an account without a password (an LTI account): the phrase instead of a password. */
export const deleteLaunchAccountSchema = z.object({
  phrase: z
    .string()
    .trim()
    .min(1, `Type “${DELETE_PHRASE}” to confirm.`)
    .max(100, "That is longer than the phrase.")
    .refine((p) => p.toLowerCase() === DELETE_PHRASE, `Type “${DELETE_PHRASE}” exactly to confirm.`),
  confirm: z.literal("on", { error: "Tick the box to confirm that everything will be deleted." }),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z
    .string()
    .trim()
    .min(1, "This page needs the link from the reset e-mail.")
    .max(200, "That reset link is too long."),
  newPassword: newPasswordSchema,
});

/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
