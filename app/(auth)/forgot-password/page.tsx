import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { forgotPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function Page() {
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Forgot your password?</h1>
      <p className="mt-1 mb-6 text-slate-600">
        Enter the e-mail of your account and we will send you a link to choose a new password.
      </p>
      <AuthForm mode="forgot" action={forgotPasswordAction} />
    </div>
  );
}
