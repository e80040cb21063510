import type { Metadata } from "next";
import Link from "next/link";
import { LessonStatusBadge } from "@/components/lesson-status-badge";
import { currentUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { type LessonProgressRecord, statusOf } from "@/lib/progress/core/lesson-status";
import { progressService } from "@/lib/progress/service/server";

export const metadata: Metadata = { title: "Lessons" };

export default async function CataloguePage() {
  const { modules } = contentLibrary();
  const user = await currentUser();
  const progress = new Map<string, LessonProgressRecord>(
    user ? (await progressService().list(user.id)).map((p) => [p.lessonSlug, p]) : [],
  );
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900">Lessons</h1>
      <p className="mt-2 text-slate-700">
        {user ? (
          "Your progress is shown next to each lesson."
        ) : (
          <>
            Browse what you can learn.{" "}
            <Link href="/signin?callbackUrl=/lessons" className="text-brand-700 underline">
              Sign in
            </Link>{" "}
            to open lessons and track your progress.
          </>
        )}
      </p>
      {modules.some((m) => m.lessons.length > 0) && (
        <p className="mt-4">
          <Link href="/course/exam" className="font-medium text-brand-700 underline">
            Final exam
          </Link>{" "}
          <span className="text-slate-700">— questions drawn across every module.</span>
        </p>
      )}
      {modules.length === 0 && (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No lessons are published yet.
        </p>
      )}
      {modules.map((module) => {
        const done = module.lessons.filter((l) => statusOf(progress.get(l.slug)) === "completed").length;
        return (
          <section key={module.id} aria-labelledby={`module-${module.id}`} className="mt-8">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`module-${module.id}`} className="text-xl font-semibold text-slate-900">
                {module.title}
              </h2>
              <div className="flex items-baseline gap-4">
                {user && (
                  <p className="text-sm text-slate-600">
                    {done} of {module.lessons.length} completed
                  </p>
                )}
                {module.lessons.length > 0 && (
                  <Link href={`/modules/${module.id}/quiz`} className="text-sm font-medium text-brand-700 underline">
                    Module quiz
                  </Link>
                )}
              </div>
            </div>
            <p className="mt-1 text-slate-700">{module.description}</p>
            <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {module.lessons.length === 0 && <li className="p-4 text-slate-600">No lessons in this module yet.</li>}
              {module.lessons.map((lesson) => (
                <li
                  key={lesson.slug}
                  className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <Link href={`/lessons/${lesson.slug}`} className="font-medium text-brand-700 hover:underline">
                      {lesson.title}
                    </Link>
                    <p className="text-sm text-slate-600">{lesson.summary}</p>
                  </div>
                  {user && <LessonStatusBadge status={statusOf(progress.get(lesson.slug))} />}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
