import type { Metadata } from "next";
import Link from "next/link";
import { DayChart } from "@/components/review/day-chart";
import { SrsSettingsForm } from "@/components/review/srs-settings-form";
import { requireUser } from "@/lib/auth/guards";
import { repositories } from "@/lib/db/repositories";
import { STATES } from "@/lib/flashcards/core/scheduler";
import { flashcardService } from "@/lib/flashcards/service/server";

export const metadata: Metadata = { title: "Flashcard statistics" };

export default async function ReviewStatsPage() {
  const user = await requireUser("/review/stats");
  const [stats, settings] = await Promise.all([
    flashcardService().statistics(user.id),
    repositories().flashcards.settings(user.id),
  ]);
  const retention = stats.trueRetention;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold text-slate-900">Flashcard statistics</h1>
        <Link href="/review" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Review cards
        </Link>
      </div>

      <section aria-labelledby="states" className="mt-6">
        <h2 id="states" className="text-xl font-semibold text-slate-900">
          Cards by state
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {STATES.map((s) => (
            <div key={s} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{s}</dt>
              <dd className="text-2xl font-semibold text-slate-900">{stats.byState[s]}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-600">{stats.totalCards} cards in all lessons.</p>
      </section>

      <section aria-labelledby="retention" className="mt-8">
        <h2 id="retention" className="text-xl font-semibold text-slate-900">
          True retention
        </h2>
        <p className="mt-2 text-slate-800">
          {retention.rate === null
            ? "No reviews of mature cards yet: this shows once cards come back for review after their first days."
            : `${Math.round(retention.rate * 100)}% of ${retention.reviews} reviews of mature cards were remembered (not rated Again) in the last 30 days. Your target is ${Math.round(settings.desiredRetention * 100)}%.`}
        </p>
      </section>

      <section aria-labelledby="activity" className="mt-8">
        <h2 id="activity" className="text-xl font-semibold text-slate-900">
          Reviews per day
        </h2>
        <DayChart title="Reviews" days={stats.reviewsPerDay} tone="bg-brand-600" />
      </section>

      <section aria-labelledby="forecast" className="mt-8">
        <h2 id="forecast" className="text-xl font-semibold text-slate-900">
          Due in the next 30 days
        </h2>
        <DayChart title="Cards due" days={stats.forecast} tone="bg-emerald-600" />
      </section>

      <section aria-labelledby="settings" className="mt-8">
        <h2 id="settings" className="text-xl font-semibold text-slate-900">
          Settings
        </h2>
        <SrsSettingsForm desiredRetention={settings.desiredRetention} dailyNewLimit={settings.dailyNewLimit} />
      </section>
    </div>
  );
}
