import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { authServices } from "@/lib/auth/server";
import { resetPasswordAction } from "../actions";

// OWASP Forgot Password cheat sheet: the token is in this page's URL, so no Referer may carry it away.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.trim() : "";
  const check = token
    ? await authServices().accounts.checkResetToken(token)
    : { ok: false as const, error: "This page needs the link from the reset e-mail. Open the link in the mail again." };
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Choose a new password</h1>
      {check.ok ? (
        <>
          <p className="mt-1 mb-6 text-slate-600">Setting it signs you out on every device.</p>
          <AuthForm mode="reset" action={resetPasswordAction} hidden={{ token }} />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {check.error}
          </p>
          <p className="mt-5 text-center text-sm text-slate-600">
            <Link className="text-brand-700 underline" href="/forgot-password">
              Ask for a new reset link
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
