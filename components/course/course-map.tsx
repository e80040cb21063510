import Link from "next/link";
import { PrerequisiteLinks } from "@/components/course/prerequisite-links";
import { LessonStatusBadge } from "@/components/lesson-status-badge";
import { cardClass } from "@/components/ui/card";
import { WORDS_PER_MINUTE } from "@/lib/content/reading-time";
import { formatEstimate, formatPercent } from "@/lib/format";
import type { CourseMapLesson, CourseMapModule } from "@/lib/progress/core/course-map";

/** The course in order: modules, their lessons, reading times, prerequisites and, when signed in, progress. */
export function CourseMap({ modules, signedIn }: { modules: CourseMapModule[]; signedIn: boolean }) {
  if (modules.length === 0)
    return (
      <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        No lessons are published yet.
      </p>
    );
  return (
    <ol className="mt-8 space-y-10">
      {modules.map((module, index) => (
        <li key={module.id}>
          <section aria-labelledby={`module-${module.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`module-${module.id}`} className="text-xl font-semibold text-slate-900">
                <span className="text-slate-500">Module {index + 1}: </span>
                {module.title}
              </h2>
              <div className="flex flex-wrap items-baseline gap-4 text-sm text-slate-600">
                <span>
                  {module.lessons.length} lesson{module.lessons.length === 1 ? "" : "s"} · about{" "}
                  {formatEstimate(module.minutes)}
                </span>
                {signedIn && (
                  <span>
                    {module.completed} of {module.lessons.length} completed
                  </span>
                )}
                {module.lessons.length > 0 && (
                  <Link href={`/modules/${module.id}/quiz`} className="font-medium text-brand-700 underline">
                    Module quiz
                  </Link>
                )}
              </div>
            </div>
            <p className="mt-1 text-slate-700">{module.description}</p>
            <ol className={cardClass("mt-4 divide-y divide-slate-200")}>
              {module.lessons.length === 0 && <li className="p-4 text-slate-600">No lessons in this module yet.</li>}
              {module.lessons.map((entry) => (
                <CourseMapRow key={entry.lesson.slug} entry={entry} signedIn={signedIn} />
              ))}
            </ol>
          </section>
        </li>
      ))}
    </ol>
  );
}

function CourseMapRow({ entry, signedIn }: { entry: CourseMapLesson; signedIn: boolean }) {
  const { lesson, readingTime, prerequisites } = entry;
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <Link href={`/lessons/${lesson.slug}`} className="font-medium text-brand-700 hover:underline">
          {lesson.title}
        </Link>
        <p className="text-sm text-slate-600">{lesson.summary}</p>
        <p className="mt-1 text-sm text-slate-600">
          <span
            title={
              readingTime.source === "author"
                ? "The author's estimate"
                : `Estimated from its length at ${WORDS_PER_MINUTE} words a minute`
            }
          >
            About {formatEstimate(readingTime.minutes)} to read
          </span>
          <PrerequisiteLinks prerequisites={prerequisites} showDone={signedIn} />
        </p>
      </div>
      {signedIn && (
        <div className="flex shrink-0 items-center gap-3 text-sm text-slate-600">
          {entry.bestQuizScore !== null && <span>Best quiz: {formatPercent(entry.bestQuizScore)}</span>}
          <LessonStatusBadge status={entry.status} />
        </div>
      )}
    </li>
  );
}
