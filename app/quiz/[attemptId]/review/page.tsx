import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InlineCode } from "@/components/quiz/inline-code";
import { scoreLabel } from "@/components/quiz/score-label";
import { Transcript } from "@/components/quiz/transcript";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guards";
import { classService } from "@/lib/classes/service/server";
import { formatPercent } from "@/lib/format";
import { answerText } from "@/lib/quiz/core/answer-text";
import { quizHref } from "@/lib/quiz/core/attempt";
import type { AttemptView } from "@/lib/quiz/service/quiz-service";
import { quizService } from "@/lib/quiz/service/server";

type Params = { params: Promise<{ attemptId: string }> };

export const metadata: Metadata = { title: "Quiz review" };

export default async function QuizReviewPage({ params }: Params) {
  const { attemptId } = await params;
  const user = await requireUser(`/quiz/${attemptId}/review`);
  const quiz = quizService();
  let result = await quiz.view(user.id, attemptId);
  // An instructor may read the finished attempts of learners in their classes (the results table links here).
  let learner: string | null = null;
  if (!result.ok && user.role === "INSTRUCTOR") {
    const owner = await classService().reviewableAttemptOwner(user.id, attemptId);
    if (owner) {
      result = await quiz.view(owner.userId, attemptId);
      learner = owner.name;
    }
  }
  if (!result.ok) notFound();
  const view = result.value;
  if (!view.completed) redirect(`/quiz/${attemptId}`);
  const right = view.questions.filter((q) => view.answered[q.id]?.correct).length;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-600">Quiz: {view.title}</p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900">
        {learner === null ? "Your result" : `${learner}’s result`}: {formatPercent(view.score ?? 0)}
      </h1>
      <p className="mt-2 text-slate-700">
        {right} of {view.questions.length} questions fully right; partly right answers earn part of a point.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        {learner === null ? (
          <>
            <ButtonLink href={quizHref(view.scope, view.target)}>Try a new attempt</ButtonLink>
            {view.scope === "lesson" && (
              <ButtonLink href={`/lessons/${view.target}`} variant="secondary">
                Back to the lesson
              </ButtonLink>
            )}
          </>
        ) : (
          <ButtonLink href="/teach" variant="secondary">
            Back to your classes
          </ButtonLink>
        )}
      </div>
      <Answers view={view} whose={learner === null ? "Your answer" : "Their answer"} />
    </div>
  );
}

/** Every question of the attempt with the answer given, the key, and why. */
function Answers({ view, whose }: { view: AttemptView; whose: string }) {
  return (
    <ol className="mt-8 space-y-6">
      {view.questions.map((q, i) => {
        const a = view.answered[q.id] ?? view.unanswered[q.id];
        return (
          <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-5">
            <p className="text-sm font-medium text-slate-600">
              Question {i + 1} ·{" "}
              <span className={a && "correct" in a && a.correct ? "text-emerald-800" : "text-red-700"}>
                {a && "score" in a && a.score !== undefined ? scoreLabel(a.score, !!a.correct) : "Not answered"}
              </span>
            </p>
            <h2 className="mt-1 text-lg font-semibold text-slate-900">
              <InlineCode text={q.prompt} />
            </h2>
            {q.context && q.context.length > 0 && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-slate-700">The cluster set-up</summary>
                <Transcript title="Commands shown before the question" lines={q.context} />
              </details>
            )}
            <dl className="mt-3 grid gap-2 sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-slate-700">{whose}</dt>
              <dd>
                {a && "response" in a && a.response ? (
                  answerText(q, a.response).map((t, j) => (
                    <span key={j} className="block">
                      {t}
                    </span>
                  ))
                ) : (
                  <span className="text-slate-500">No answer</span>
                )}
              </dd>
              <dt className="font-medium text-slate-700">Correct answer</dt>
              <dd>
                {a?.key ? (
                  answerText(q, a.key).map((t, j) => (
                    <span key={j} className="block">
                      {t}
                    </span>
                  ))
                ) : (
                  <span className="text-slate-500">Shown once answered</span>
                )}
              </dd>
            </dl>
            {a && "misconception" in a && a.misconception && (
              <p className="mt-2 text-slate-800">A common mix-up: {a.misconception}</p>
            )}
            {a?.explanation && <p className="mt-2 text-slate-800">{a.explanation}</p>}
            {a?.evidence && a.evidence.length > 0 && (
              <Transcript title="What the simulator showed" lines={a.evidence} />
            )}
            {a?.lessonSlug && (
              <Link
                href={`/lessons/${a.lessonSlug}#${a.sectionId}`}
                className="mt-2 inline-block text-brand-700 underline"
              >
                Read “{a.sectionTitle}”
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}
