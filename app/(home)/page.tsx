import Link from "next/link";
import { PickUp } from "@/components/home/pick-up";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { currentUser } from "@/lib/auth/guards";
import { dueSoon } from "@/lib/classes/core/due-soon";
import { classService } from "@/lib/classes/service/server";
import { contentLibrary } from "@/lib/content/library";
import { drillService } from "@/lib/drills/service/server";
import { flashcardService } from "@/lib/flashcards/service/server";
import { formatMinutes, formatPercent } from "@/lib/format";
import { continueLearning } from "@/lib/progress/core/continue-learning";
import { progressService } from "@/lib/progress/service/server";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const user = await currentUser();
  if (!user) return <Welcome />;
  const { lessons } = contentLibrary();
  const [progress, cards, latestQuizScore, drills, mastery, classes, unfinished] = await Promise.all([
    progressService().list(user.id),
    flashcardService().session(user.id),
    progressService().latestQuizScore(user.id),
    drillService().statuses(user.id),
    progressService().mastery(user.id),
    classService().learnerClasses(user.id),
    progressService().unfinishedQuizzes(user.id),
  ]);
  const due = dueSoon(
    classes.flatMap((c) =>
      c.assignments.map((a) => ({
        id: a.id,
        title: a.title,
        href: a.href,
        className: c.name,
        dueAt: a.dueAt,
        status: a.result.status,
      })),
    ),
    new Date(),
  );
  const drillList = [...drills.values()];
  const suggestion = continueLearning(lessons, progress);
  const completed = progress.filter((p) => p.completedAt && lessons.some((l) => l.slug === p.lessonSlug)).length;
  const secondsReading = progress.reduce((sum, p) => sum + p.timeSpentSec, 0);
  // Nothing read, answered, practised or reviewed yet: greet a newcomer and say where to begin.
  const firstRun = progress.length === 0 && mastery.concepts.every((c) => c.level === "not-started");
  const openMisconceptions = mastery.misconceptions.filter((m) => !m.resolved).length;

  return (
    <div className="space-y-8">
      {error === "instructors-only" && (
        <Alert tone="warning">
          That page is for instructors. Join a class from{" "}
          <Link href="/classes" className="underline">
            Classes
          </Link>{" "}
          instead.
        </Alert>
      )}
      <h1 className="text-3xl font-bold text-slate-900">
        {firstRun ? `Welcome, ${user.name}` : `Welcome back, ${user.name}`}
      </h1>
      {firstRun && (
        <section aria-labelledby="first-steps" className="rounded-xl border border-brand-100 bg-brand-50 p-6">
          <h2 id="first-steps" className="text-lg font-semibold text-slate-900">
            Where to begin
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-800">
            <li>Read the first lesson below; the course map shows the whole course in order.</li>
            <li>Take its quiz: the scenario questions are answered by running a simulated cluster.</li>
            <li>Try a drill: type kubectl commands, predict what happens, then watch it happen.</li>
            <li>Review flashcards a few minutes a day; your mastery of each concept builds up as you go.</li>
          </ol>
        </section>
      )}
      <PickUp due={due} unfinished={unfinished} timeZone={user.timeZone} />
      <section aria-labelledby="continue-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="continue-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {suggestion.kind === "resume"
            ? "Continue where you left off"
            : suggestion.kind === "next"
              ? "Up next"
              : "Your lessons"}
        </h2>
        {suggestion.kind === "resume" || suggestion.kind === "next" ? (
          <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="text-xl font-semibold text-slate-900">{suggestion.lesson.title}</p>
              <p className="text-slate-700">{suggestion.lesson.summary}</p>
            </div>
            <ButtonLink
              href={`/lessons/${suggestion.lesson.slug}${suggestion.kind === "resume" && suggestion.sectionId ? `#${suggestion.sectionId}` : ""}`}
              className="shrink-0 text-center"
            >
              {suggestion.kind === "resume" ? "Continue lesson" : "Start lesson"}
            </ButtonLink>
          </div>
        ) : (
          <p className="mt-3 text-slate-700">
            {suggestion.kind === "all-done"
              ? "You have completed every lesson. New lessons will appear on the course map."
              : "No lessons are published yet."}
          </p>
        )}
      </section>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading" className="text-lg font-semibold text-slate-900">
          Your progress
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Lessons completed" value={`${completed} / ${lessons.length}`} />
          <Stat
            label="Lessons started"
            value={String(progress.filter((p) => lessons.some((l) => l.slug === p.lessonSlug)).length)}
          />
          <Stat label="Minutes reading" value={formatMinutes(secondsReading)} />
        </dl>
        <p className="mt-4">
          <Link href="/progress" className="text-brand-700 underline">
            Your mastery
            {openMisconceptions > 0
              ? ` (${openMisconceptions} misconception${openMisconceptions === 1 ? "" : "s"} to put right)`
              : ""}
          </Link>{" "}
          ·{" "}
          <Link href="/lessons" className="text-brand-700 underline">
            See the course map
          </Link>{" "}
          ·{" "}
          <Link href="/course/exam" className="text-brand-700 underline">
            Take the final exam
          </Link>
        </p>
      </section>
      <section aria-labelledby="practice-heading">
        <h2 id="practice-heading" className="text-lg font-semibold text-slate-900">
          Practice
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Flashcards to review now" value={`${cards.dueCount} due · ${cards.newCount} new`} />
          <Stat
            label="Latest quiz score"
            value={latestQuizScore === null ? "No quiz yet" : formatPercent(latestQuizScore)}
          />
          <Stat
            label="Drills completed"
            value={`${drillList.filter((d) => d.completed).length} / ${drillList.length}`}
          />
        </dl>
        <p className="mt-4 flex flex-wrap gap-4">
          <Link href="/review" className="text-brand-700 underline">
            Review flashcards
          </Link>
          <Link href="/drills" className="text-brand-700 underline">
            Open the drills
          </Link>
        </p>
      </section>
    </div>
  );
}

function Welcome() {
  return (
    <div className="mx-auto max-w-3xl py-8 text-center">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
        Understand Kubernetes networking for real
      </h1>
      <p className="mt-4 text-lg text-slate-700">
        Learn how Services, Pod IPs, ClusterIPs, DNS and kube-proxy fit together, with lessons, quizzes and drills whose
        answers come from a faithful cluster simulator.
      </p>
      <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
        <ButtonLink href="/signup" size="lg">
          Create a free account
        </ButtonLink>
        <ButtonLink href="/lessons" size="lg" variant="secondary">
          Browse lessons
        </ButtonLink>
      </div>
    </div>
  );
}
