import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizStart } from "@/components/quiz/quiz-start";
import { requireUser } from "@/lib/auth/guards";
import { findLesson } from "@/lib/content/library";
import { progressService } from "@/lib/progress/service/server";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return { title: lesson ? `Quiz: ${lesson.title}` : "Quiz not found" };
}

export default async function LessonQuizPage({ params }: Params) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  const user = await requireUser(`/lessons/${slug}/quiz`);
  const { unfinished, history } = await progressService().quizStanding(user.id, "lesson", slug);
  return (
    <QuizStart
      timeZone={user.timeZone}
      scope="lesson"
      target={slug}
      title={lesson.title}
      lessonCount={1}
      backHref={`/lessons/${slug}`}
      backLabel={lesson.title}
      unfinished={unfinished}
      history={history}
    />
  );
}
