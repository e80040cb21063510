import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { requireUser } from "@/lib/auth/guards";
import { quizService } from "@/lib/quiz/service/server";

type Params = { params: Promise<{ attemptId: string }> };

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizAttemptPage({ params }: Params) {
  const { attemptId } = await params;
  const user = await requireUser(`/quiz/${attemptId}`);
  const result = await quizService().view(user.id, attemptId);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) {
    return (
      <div className="mx-auto max-w-2xl rounded-lg border border-amber-300 bg-amber-50 p-6">
        <h1 className="text-xl font-semibold">This attempt cannot continue</h1>
        <p className="mt-2">{result.error}</p>
        <Link href="/lessons" className="mt-4 inline-block text-brand-700 underline">
          Back to lessons
        </Link>
      </div>
    );
  }
  if (result.value.completed) redirect(`/quiz/${attemptId}/review`);
  return <QuizPlayer view={result.value} />;
}
