import type { Metadata } from "next";
import Link from "next/link";
import { CourseMap } from "@/components/course/course-map";
import { currentUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { courseMap } from "@/lib/progress/core/course-map";
import { progressService } from "@/lib/progress/service/server";

export const metadata: Metadata = { title: "Course map" };

export default async function CourseMapPage() {
  const library = contentLibrary();
  const user = await currentUser();
  const [progress, scores] = user
    ? await Promise.all([progressService().list(user.id), progressService().bestLessonQuizScores(user.id)])
    : [[], new Map<string, number>()];
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900">Course map</h1>
      <p className="mt-2 text-slate-700">
        {user ? (
          "The modules in order, with your progress and best quiz score on each lesson."
        ) : (
          <>
            Every lesson is open to read.{" "}
            <Link href="/signin?callbackUrl=/lessons" className="text-brand-700 underline">
              Sign in
            </Link>{" "}
            to track your progress and take quizzes, drills and flashcards.
          </>
        )}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        Look up a term in the{" "}
        <Link href="/glossary" className="text-brand-700 underline">
          glossary
        </Link>
        .
      </p>
      {library.modules.some((m) => m.lessons.length > 0) && (
        <p className="mt-4">
          <Link href="/course/exam" className="font-medium text-brand-700 underline">
            Final exam
          </Link>{" "}
          <span className="text-slate-700">— questions drawn across every module.</span>
        </p>
      )}
      <CourseMap modules={courseMap(library, progress, scores)} signedIn={user !== null} />
    </div>
  );
}
