import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LevelBadge } from "@/components/progress/level-badge";
import { MasteryByModule } from "@/components/progress/mastery-by-module";
import { MisconceptionList } from "@/components/progress/misconception-list";
import { PracticeForm } from "@/components/progress/practice-form";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { formatPercent } from "@/lib/format";
import { LEVEL_LABELS, MASTERY_RULES, PRACTICE_CONCEPTS, weakestConcepts } from "@/lib/progress/core/mastery";
import { progressService } from "@/lib/progress/service/server";
import { ActivityPanel } from "./activity-panel";

export const metadata: Metadata = { title: "Your mastery" };

const pct = (n: number) => formatPercent(n);

type Mastery = ReturnType<ReturnType<typeof progressService>["mastery"]>;

/** A grey block where a panel will be while its numbers load. */
const panelSkeleton = (height: string) => (
  <p className={`mt-3 ${height} animate-pulse rounded-xl bg-slate-100 motion-reduce:animate-none`} aria-hidden="true" />
);

/** The learner's dashboard: mastery per module and concept, what to practise next, the misconceptions shown. */
export default async function ProgressPage() {
  const user = await requireUser("/progress");
  // The heading and the explanations are in the first flush of HTML; each panel streams in when its
  // numbers are ready (one mastery computation, shared by the panels that show it).
  const mastery = progressService().mastery(user.id);

  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Your mastery</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          How well you know each concept of the course, from your quiz answers (recent ones count more), drill steps and
          flashcard recall, and the misunderstandings your wrong answers pointed to.
        </p>
      </div>

      <Suspense fallback={panelSkeleton("h-32")}>
        <PractiseNext mastery={mastery} />
      </Suspense>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-xl font-semibold text-slate-900">
          Your activity
        </h2>
        <Suspense fallback={panelSkeleton("h-64")}>
          <ActivityPanel userId={user.id} timeZone={user.timeZone} />
        </Suspense>
      </section>

      <Suspense fallback={panelSkeleton("h-64")}>
        <MasteryPanels mastery={mastery} timeZone={user.timeZone} />
      </Suspense>

      <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-slate-900">How the levels are worked out</summary>
        <p className="mt-2">
          A concept&apos;s score is the average of your answers and drill steps about it, each older one counting{" "}
          {pct(MASTERY_RULES.recentWeight)} of the next newer one; reviewed flashcards add their recall at{" "}
          {pct(MASTERY_RULES.recallShare)}.
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{LEVEL_LABELS.attempted}: anything done, below the next level (flashcards alone stay here).</li>
          <li>
            {LEVEL_LABELS.familiar}: score {pct(MASTERY_RULES.familiar.score)} or more.
          </li>
          <li>
            {LEVEL_LABELS.proficient}: {pct(MASTERY_RULES.proficient.score)} or more over at least{" "}
            {MASTERY_RULES.proficient.evidence} answers or steps.
          </li>
          <li>
            {LEVEL_LABELS.mastered}: {pct(MASTERY_RULES.mastered.score)} or more over at least{" "}
            {MASTERY_RULES.mastered.evidence}, spread over more than a day.
          </li>
        </ul>
      </details>
    </div>
  );
}

/** The first-run invitation, or the weakest concepts started, each with its quiz, and a short practice on them. */
async function PractiseNext({ mastery }: { mastery: Mastery }) {
  const { concepts } = await mastery;
  const started = concepts.some((c) => c.level !== "not-started");
  const weakest = weakestConcepts(concepts, PRACTICE_CONCEPTS);
  return !started ? (
    <section aria-labelledby="first-run" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="first-run" className="text-xl font-semibold text-slate-900">
        Nothing measured yet
      </h2>
      <p className="mt-2 text-slate-700">
        Take a lesson quiz or a drill and this page fills in: every answer counts towards the concepts it is about.
      </p>
      <ButtonLink href="/lessons" className="mt-4">
        Open the course map
      </ButtonLink>
    </section>
  ) : (
    <section aria-labelledby="next-heading">
      <h2 id="next-heading" className="text-xl font-semibold text-slate-900">
        Practise next
      </h2>
      {weakest.length === 0 ? (
        <p className="mt-2 text-slate-700">Every concept you have started is mastered. Start a new lesson.</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {weakest.map((c) => (
            <li
              key={`${c.lessonSlug}/${c.conceptId}`}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <span>
                <span className="font-medium text-slate-900">{c.conceptName}</span> <LevelBadge level={c.level} />{" "}
                <span className="text-slate-700">{formatPercent(c.score)}</span>
                <span className="block text-sm text-slate-600">{c.lessonTitle}</span>
              </span>
              <Link href={`/lessons/${c.lessonSlug}/quiz`} className="text-brand-700 underline">
                Practise with the quiz on {c.lessonTitle}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {weakest.length > 0 && <PracticeForm />}
    </section>
  );
}

/** The misconceptions shown and the mastery of every concept, module by module. */
async function MasteryPanels({ mastery, timeZone }: { mastery: Mastery; timeZone: string }) {
  const { concepts, misconceptions } = await mastery;
  const modules = contentLibrary()
    .modules.filter((m) => m.lessons.length > 0)
    .map((m) => ({ id: m.id, title: m.title, concepts: concepts.filter((c) => c.moduleId === m.id) }));
  const open = misconceptions.filter((m) => !m.resolved);
  return (
    <>
      <section aria-labelledby="misconceptions-heading">
        <h2 id="misconceptions-heading" className="text-xl font-semibold text-slate-900">
          Misconceptions you showed{open.length ? ` (${open.length} open)` : ""}
        </h2>
        <div className="mt-3">
          <MisconceptionList items={misconceptions} timeZone={timeZone} />
        </div>
      </section>

      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading" className="text-xl font-semibold text-slate-900">
          Mastery by module
        </h2>
        <div className="mt-3">
          <MasteryByModule modules={modules} />
        </div>
      </section>
    </>
  );
}
