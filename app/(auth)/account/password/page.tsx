import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { requireUser } from "@/lib/auth/guards";
import { changePasswordAction } from "../../actions";

export const metadata: Metadata = { title: "Change password" };

export default async function Page({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireUser("/account/password");
  const { changed } = await searchParams;
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Change your password</h1>
      <p className="mt-1 mb-6 text-slate-600">
        Changing it signs you out on every other device; this browser stays signed in.
      </p>
      {changed === "1" && (
        <p
          role="status"
          className="mb-5 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Your password has been changed. Every other session has been signed out.
        </p>
      )}
      <AuthForm mode="change" action={changePasswordAction} />
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-700">
        <Link href="/account/my-data" className="text-brand-700 underline">
          Your data
        </Link>
        : download everything kubelearn keeps about you, or delete your account.
      </p>
    </div>
  );
}
