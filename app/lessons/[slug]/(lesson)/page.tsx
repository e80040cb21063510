import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CompleteToggle } from "@/components/complete-toggle";
import { PrerequisiteLinks } from "@/components/course/prerequisite-links";
import { LessonActivityTracker } from "@/components/lesson-activity-tracker";
import { LessonStatusBadge } from "@/components/lesson-status-badge";
import { LessonToc } from "@/components/lesson-toc";
import { ButtonLink } from "@/components/ui/button";
import { SanitizedHtmlBlock } from "@/components/ui/sanitized-html";
import { currentUser } from "@/lib/auth/guards";
import { contentLibrary, findLesson } from "@/lib/content/library";
import { readingTime } from "@/lib/content/reading-time";
import { renderLessonHtml } from "@/lib/content/render-lesson";
import { drillLibrary } from "@/lib/drills/service/server";
import { formatEstimate } from "@/lib/format";
import { statusOf } from "@/lib/progress/core/lesson-status";
import { progressService } from "@/lib/progress/service/server";

type Params = { params: Promise<{ slug: string }> };
type Visit = ReturnType<ReturnType<typeof progressService>["visit"]>;

/** The learner's row for this lesson once the visit is recorded (a lesson gone meanwhile is a 404). */
async function visited(visit: Visit) {
  const result = await visit;
  if (!result.ok) notFound();
  return result.value;
}

async function VisitStatus({ visit }: { visit: Visit }) {
  return <LessonStatusBadge status={statusOf(await visited(visit))} />;
}

async function VisitCompleteToggle({ visit }: { visit: Visit }) {
  const progress = await visited(visit);
  return <CompleteToggle slug={progress.lessonSlug} completed={progress.completedAt !== null} />;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return { title: lesson?.title ?? "Lesson not found", description: lesson?.summary };
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  // Reading is open to everyone; only a signed-in learner's visit is recorded. The lesson itself is in
  // the first flush of HTML (the largest paint on a phone); only what needs the visit's row (status,
  // the complete toggle) streams in after it, each in its own Suspense.
  const user = await currentUser();
  const visit = user ? progressService().visit(user.id, lesson.slug) : null;

  const library = contentLibrary();
  const module = library.modules.find((m) => m.id === lesson.module);
  const index = library.lessons.findIndex((l) => l.slug === lesson.slug);
  const previous = library.lessons[index - 1];
  const next = library.lessons[index + 1];
  const prerequisites = lesson.prerequisites.flatMap((s) => library.lessons.filter((l) => l.slug === s));
  const drills = drillLibrary().filter((d) => d.lesson === lesson.slug);
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`/lessons/${lesson.slug}`)}`;

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
      <article aria-labelledby="lesson-title" className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link href="/lessons" className="hover:text-brand-700">
            Course map
          </Link>
          <span aria-hidden="true"> / </span>
          <span>{module?.title ?? lesson.module}</span>
        </nav>
        <header className="mt-2 border-b border-slate-200 pb-6">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id="lesson-title" className="text-3xl font-bold text-slate-900">
              {lesson.title}
            </h1>
            {visit && (
              <Suspense fallback={null}>
                <VisitStatus visit={visit} />
              </Suspense>
            )}
          </div>
          <p className="mt-3 text-lg text-slate-700">{lesson.summary}</p>
          <p className="mt-2 text-sm text-slate-600">
            About {formatEstimate(readingTime(lesson).minutes)} to read
            <PrerequisiteLinks prerequisites={prerequisites} />
          </p>
        </header>

        <details className="mt-6 rounded-lg border border-slate-200 bg-white p-4 lg:hidden">
          <summary className="cursor-pointer font-medium">On this page</summary>
          <LessonToc toc={lesson.toc} />
        </details>

        <SanitizedHtmlBlock className="lesson-body mt-6" html={renderLessonHtml(lesson)} />

        <footer className="mt-12 space-y-6 border-t border-slate-200 pt-6">
          {visit ? (
            <div className="flex flex-wrap items-start gap-4">
              <Suspense
                fallback={<span className="inline-block h-10 w-40 rounded-md bg-slate-100" aria-hidden="true" />}
              >
                <VisitCompleteToggle visit={visit} />
              </Suspense>
              <ButtonLink href={`/lessons/${lesson.slug}/quiz`} variant="outline">
                Test yourself: take the quiz
              </ButtonLink>
              <ButtonLink href={`/review?lesson=${lesson.slug}`} variant="secondary">
                Review its flashcards
              </ButtonLink>
            </div>
          ) : (
            <section
              aria-labelledby="practise-signed-out"
              className="rounded-lg border border-brand-100 bg-brand-50 p-4"
            >
              <h2 id="practise-signed-out" className="font-semibold text-slate-900">
                Practise what you read
              </h2>
              <p className="mt-1 text-slate-700">
                With a free account you can mark lessons complete, take this lesson&apos;s quiz, review its flashcards
                and work through its drills in a simulated cluster.
              </p>
              <div className="mt-3 flex flex-wrap gap-3">
                <ButtonLink href={signInHref}>Sign in to practise</ButtonLink>
                <ButtonLink href={signInHref.replace("/signin", "/signup")} variant="secondary">
                  Create a free account
                </ButtonLink>
              </div>
            </section>
          )}
          {drills.length > 0 && (
            <section aria-labelledby="drills-for-lesson">
              <h2 id="drills-for-lesson" className="text-lg font-semibold text-slate-900">
                Practise in a simulated cluster
              </h2>
              <ul className="mt-2 list-disc pl-6">
                {drills.map((d) => (
                  <li key={d.slug}>
                    <Link href={`/drills/${d.slug}`} className="text-brand-700 underline">
                      {d.title}
                    </Link>{" "}
                    <span className="text-slate-600">
                      {d.summary}
                      {!user && " (sign in to run it)"}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <nav aria-label="Lesson navigation" className="flex flex-wrap justify-between gap-4 text-sm">
            {previous ? (
              <Link href={`/lessons/${previous.slug}`} className="text-brand-700 underline">
                ← {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={`/lessons/${next.slug}`} className="text-brand-700 underline">
                {next.title} →
              </Link>
            ) : (
              <Link href="/lessons" className="text-brand-700 underline">
                Course map
              </Link>
            )}
          </nav>
        </footer>
      </article>
      <aside className="hidden lg:block" aria-label="Table of contents">
        <div className="sticky top-20 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">On this page</h2>
          <LessonToc toc={lesson.toc} />
        </div>
      </aside>
      {user && <LessonActivityTracker slug={lesson.slug} sectionIds={lesson.toc.map((t) => t.id)} />}
    </div>
  );
}
