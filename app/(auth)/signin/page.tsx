import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { safeCallbackPath } from "@/lib/auth/credentials";
import { currentUser } from "@/lib/auth/guards";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string; deleted?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Welcome back</h1>
      <p className="mt-1 mb-6 text-slate-600">Sign in to pick up where you left off.</p>
      {params.reset === "1" && (
        <p
          role="status"
          className="mb-5 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Your password has been changed and every session signed out. Sign in with your new password.
        </p>
      )}
      {params.deleted === "1" && (
        <p
          role="status"
          className="mb-5 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Your account and everything in it have been deleted.
        </p>
      )}
      <AuthForm mode="signin" action={signInAction} hidden={{ callbackUrl }} callbackUrl={callbackUrl} />
    </div>
  );
}
