import type { Metadata } from "next";
import Link from "next/link";
import { AccountSettingsForm } from "@/components/account/account-settings-form";
import { ColorSchemePicker } from "@/components/color-scheme-picker";
import { requireUser } from "@/lib/auth/guards";
import { colorSchemeOf } from "@/lib/color-scheme";
import { formatDateTime } from "@/lib/format";
import { timeZoneChoices } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Account settings" };

export default async function Page() {
  const user = await requireUser("/account/settings");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold text-slate-900">Account settings</h1>
      <p className="mt-2 text-slate-700">
        Signed in as {user.name} ({user.email}).
      </p>
      <section aria-labelledby="time-zone" className="mt-8">
        <h2 id="time-zone" className="text-xl font-semibold text-slate-900">
          Time zone
        </h2>
        <p className="mt-2 text-slate-700" data-testid="time-now">
          It is now {formatDateTime(new Date(), user.timeZone)}.
        </p>
        <div className="mt-3">
          <AccountSettingsForm timeZone={user.timeZone} zones={timeZoneChoices(user.timeZone)} />
        </div>
      </section>
      <section aria-labelledby="appearance" className="mt-8">
        <h2 id="appearance" className="text-xl font-semibold text-slate-900">
          Appearance
        </h2>
        <p className="mt-2 text-slate-700">
          System follows your device's light or dark setting; Light and Dark keep one on every device you sign in on.
        </p>
        <div className="mt-3">
          <ColorSchemePicker id="account-scheme" value={colorSchemeOf(user.colorScheme)} />
        </div>
      </section>
      <section aria-labelledby="password" className="mt-8">
        <h2 id="password" className="text-xl font-semibold text-slate-900">
          Password
        </h2>
        <p className="mt-2">
          <Link href="/account/password" className="text-brand-700 underline">
            Change your password
          </Link>
        </p>
      </section>
    </div>
  );
}
