import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizStart } from "@/components/quiz/quiz-start";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { progressService } from "@/lib/progress/service/server";
import { COURSE_TARGET } from "@/lib/quiz/core/attempt";

export const metadata: Metadata = { title: "Final exam" };

/** The course-wide final exam: drawn across every module's lessons. */
export default async function FinalExamPage() {
  if (contentLibrary().lessons.length === 0) notFound();
  const user = await requireUser("/course/exam");
  const { unfinished, history } = await progressService().quizStanding(user.id, "course", COURSE_TARGET);
  return (
    <QuizStart
      timeZone={user.timeZone}
      scope="course"
      target={COURSE_TARGET}
      title="the whole course"
      lessonCount={contentLibrary().lessons.length}
      backHref="/lessons"
      backLabel="Lessons"
      unfinished={unfinished}
      history={history}
    />
  );
}
