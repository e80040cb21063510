import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizStart } from "@/components/quiz/quiz-start";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { progressService } from "@/lib/progress/service/server";

type Params = { params: Promise<{ module: string }> };

const findModule = (id: string) => contentLibrary().modules.find((m) => m.id === id && m.lessons.length > 0);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const module = findModule((await params).module);
  return { title: module ? `Quiz: ${module.title}` : "Quiz not found" };
}

export default async function ModuleQuizPage({ params }: Params) {
  const { module: id } = await params;
  const module = findModule(id);
  if (!module) notFound();
  const user = await requireUser(`/modules/${id}/quiz`);
  const { unfinished, history } = await progressService().quizStanding(user.id, "module", id);
  return (
    <QuizStart
      timeZone={user.timeZone}
      scope="module"
      target={id}
      title={module.title}
      lessonCount={module.lessons.length}
      backHref="/lessons"
      backLabel="Lessons"
      unfinished={unfinished}
      history={history}
    />
  );
}
