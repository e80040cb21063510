import type { Metadata } from "next";
import Link from "next/link";
import { AnkiExportLinks } from "@/components/review/anki-export-links";
import { DayChart } from "@/components/review/day-chart";
import { FsrsOptimiser } from "@/components/review/fsrs-optimiser";
import { SrsSettingsForm } from "@/components/review/srs-settings-form";
import { ButtonLink } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/guards";
import { MIN_TRAINING_REVIEWS } from "@/lib/flashcards/core/fsrs-training";
import { STATES } from "@/lib/flashcards/core/scheduler";
import { flashcardService, fsrsParametersService } from "@/lib/flashcards/service/server";
import { formatDateTime, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Flashcard statistics" };

export default async function ReviewStatsPage() {
  const user = await requireUser("/review/stats");
  const service = flashcardService();
  const [stats, settings, parameters] = await Promise.all([
    service.statistics(user),
    service.settings(user.id),
    fsrsParametersService().status(user),
  ]);
  const retention = stats.trueRetention;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold text-slate-900">Flashcard statistics</h1>
        <ButtonLink href="/review">Review cards</ButtonLink>
      </div>

      <p className="mt-2 text-sm text-slate-600">
        Days run from midnight to midnight in your time zone, {user.timeZone} (
        <Link href="/account/settings" className="text-brand-700 underline">
          change it
        </Link>
        ): new cards for a day, reviews per day and the forecast all follow it.
      </p>

      <section aria-labelledby="states" className="mt-6">
        <h2 id="states" className="text-xl font-semibold text-slate-900">
          Cards by state
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {STATES.map((s) => (
            <Stat key={s} label={s} value={stats.byState[s]} />
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-600">
          {stats.totalCards} cards in all lessons.{" "}
          {stats.suspended === 0
            ? "None suspended."
            : `${stats.suspended} suspended ${stats.suspended === 1 ? "card is" : "cards are"} left out of these states and of the forecast below (their past reviews still count).`}{" "}
          <Link href="/review/cards?state=suspended" className="text-brand-700 underline">
            Suspended cards
          </Link>
        </p>
      </section>

      <section aria-labelledby="retention" className="mt-8">
        <h2 id="retention" className="text-xl font-semibold text-slate-900">
          True retention
        </h2>
        <p className="mt-2 text-slate-800">
          {retention.rate === null
            ? "No reviews of mature cards yet: this shows once cards come back for review after their first days."
            : `${formatPercent(retention.rate)} of ${retention.reviews} reviews of mature cards were remembered (not rated Again) in the last 30 days. Your target is ${formatPercent(settings.desiredRetention)}.`}
        </p>
      </section>

      <section aria-labelledby="activity" className="mt-8">
        <h2 id="activity" className="text-xl font-semibold text-slate-900">
          Reviews per day
        </h2>
        <DayChart title="Reviews" days={stats.reviewsPerDay} tone="bg-brand-600" timeZone={user.timeZone} />
      </section>

      <section aria-labelledby="forecast" className="mt-8">
        <h2 id="forecast" className="text-xl font-semibold text-slate-900">
          Due in the next 30 days
        </h2>
        <DayChart title="Cards due" days={stats.forecast} tone="bg-emerald-600" timeZone={user.timeZone} />
      </section>

      <section aria-labelledby="settings" className="mt-8">
        <h2 id="settings" className="text-xl font-semibold text-slate-900">
          Settings
        </h2>
        <SrsSettingsForm desiredRetention={settings.desiredRetention} dailyNewLimit={settings.dailyNewLimit} />
      </section>

      <section aria-labelledby="parameters" className="mt-8">
        <h2 id="parameters" className="text-xl font-semibold text-slate-900">
          Your FSRS parameters
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          FSRS predicts when you will forget a card from a set of parameters. Optimising fits them to your own review
          history, as Anki does, and keeps the new ones only if they predict your past reviews better.
        </p>
        <FsrsOptimiser
          own={parameters.own}
          optimisedAt={parameters.optimisedAt ? `on ${formatDateTime(parameters.optimisedAt, user.timeZone)}` : null}
          trainingReviews={parameters.trainingReviews}
          moreNeeded={parameters.moreNeeded}
          minimum={MIN_TRAINING_REVIEWS}
        />
      </section>

      <AnkiExportLinks />
    </div>
  );
}
