import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { safeCallbackPath } from "@/lib/auth/credentials";
import { currentUser } from "@/lib/auth/guards";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create account" };

export default async function Page({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Create your account</h1>
      <p className="mt-1 mb-6 text-slate-600">Track your lessons and progress as you learn Kubernetes networking.</p>
      <AuthForm mode="signup" action={signUpAction} hidden={{ callbackUrl }} callbackUrl={callbackUrl} />
    </div>
  );
}
