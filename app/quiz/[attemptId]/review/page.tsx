import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InlineCode } from "@/components/quiz/inline-code";
import { RetakeForm } from "@/components/quiz/retake-form";
import { scoreLabel } from "@/components/quiz/score-label";
import { Transcript } from "@/components/quiz/transcript";
import { AddMissedToCardsForm } from "@/components/review/own-card-forms";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guards";
import { classService } from "@/lib/classes/service/server";
import { contentLibrary } from "@/lib/content/library";
import { formatPercent } from "@/lib/format";
import { answerText } from "@/lib/quiz/core/answer-text";
import { isQuizScope, quizHref } from "@/lib/quiz/core/attempt";
import {
  outcomeOf,
  parseReviewFilter,
  REVIEW_FILTERS,
  type ReviewFilter,
  type ReviewOutcome,
  scoreByConcept,
  shownBy,
} from "@/lib/quiz/core/review-summary";
import type { AttemptView } from "@/lib/quiz/service/quiz-service";
import { quizService } from "@/lib/quiz/service/server";

type Params = { params: Promise<{ attemptId: string }>; searchParams: Promise<{ show?: string | string[] }> };

const OUTCOME_MARK: Record<ReviewOutcome, { symbol: string; words: string; className: string }> = {
  right: { symbol: "✓", words: "right", className: "border-emerald-600 bg-emerald-50 text-emerald-900" },
  partly: { symbol: "½", words: "partly right", className: "border-amber-500 bg-amber-50 text-amber-900" },
  wrong: { symbol: "✗", words: "wrong", className: "border-red-600 bg-red-50 text-red-800" },
  unanswered: { symbol: "–", words: "not answered", className: "border-slate-400 bg-white text-slate-700" },
};
const FILTER_LABEL: Record<ReviewFilter, string> = {
  all: "All",
  wrong: "Wrong or partly right",
  unanswered: "Not answered",
};

export const metadata: Metadata = { title: "Quiz review" };

export default async function QuizReviewPage({ params, searchParams }: Params) {
  const { attemptId } = await params;
  const filter = parseReviewFilter((await searchParams).show);
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
  const outcomes = view.questions.map((q) => outcomeOf(view.answered[q.id]));
  const missed = outcomes.filter((o) => o !== "right").length;
  const lessons = contentLibrary().lessons;
  const conceptName = (slug: string, id: string) =>
    lessons.find((l) => l.slug === slug)?.concepts.find((c) => c.id === id)?.name ?? id;
  const concepts = scoreByConcept(
    view.questions.map((q) => ({
      lessonSlug: (view.answered[q.id] ?? view.unanswered[q.id])?.lessonSlug ?? "",
      concepts: q.concepts,
      score: view.answered[q.id]?.score ?? null,
    })),
  );
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
            {missed > 0 && <RetakeForm attemptId={view.id} missed={missed} />}
            {missed > 0 && <AddMissedToCardsForm attemptId={view.id} missed={missed} />}
            {isQuizScope(view.scope) ? (
              <ButtonLink href={quizHref(view.scope, view.target)} variant={missed > 0 ? "secondary" : "primary"}>
                Try a new attempt
              </ButtonLink>
            ) : (
              <ButtonLink href={quizHref(view.scope, view.target)} variant="secondary">
                {view.scope === "retake" ? "Back to the attempt you retook" : "Back to your mastery"}
              </ButtonLink>
            )}
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
      <nav aria-label="Questions" className="mt-6">
        <ol className="flex flex-wrap gap-2">
          {view.questions.map((q, i) => {
            const mark = OUTCOME_MARK[outcomes[i]];
            return (
              <li key={q.id}>
                <a
                  href={`?show=all#question-${i + 1}`}
                  className={`inline-flex h-9 w-9 items-center justify-center rounded-full border text-sm font-semibold ${mark.className}`}
                >
                  <span className="sr-only">
                    Question {i + 1}: {mark.words}
                  </span>
                  <span aria-hidden="true">{mark.symbol}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      <details
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
        open={concepts.some((c) => c.score < 1)}
      >
        <summary className="cursor-pointer font-semibold text-slate-900">Score by concept</summary>
        <ul className="mt-2 space-y-1">
          {concepts.map((c) => (
            <li key={`${c.lessonSlug}/${c.conceptId}`} className="flex justify-between gap-4 text-slate-800">
              <span>{conceptName(c.lessonSlug, c.conceptId)}</span>
              <span>
                {formatPercent(c.score)} over {c.questions} question{c.questions === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <nav aria-label="Show" className="mt-6 flex flex-wrap gap-2 text-sm">
        {REVIEW_FILTERS.map((f) => (
          <Link
            key={f}
            href={`?show=${f}`}
            aria-current={f === filter ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${f === filter ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"}`}
          >
            {FILTER_LABEL[f]} ({outcomes.filter((o) => shownBy(f, o)).length})
          </Link>
        ))}
      </nav>
      <Answers
        view={view}
        whose={learner === null ? "Your answer" : "Their answer"}
        shown={(i) => shownBy(filter, outcomes[i])}
        emptyNote={
          outcomes.some((o) => shownBy(filter, o)) ? null : `No question is ${FILTER_LABEL[filter].toLowerCase()}.`
        }
      />
    </div>
  );
}

/** Every question of the attempt with the answer given, the key, and why. */
function Answers({
  view,
  whose,
  shown,
  emptyNote,
}: {
  view: AttemptView;
  whose: string;
  shown: (index: number) => boolean;
  emptyNote: string | null;
}) {
  if (emptyNote) return <p className="mt-6 text-slate-700">{emptyNote}</p>;
  return (
    <ol className="mt-6 space-y-6">
      {view.questions.map((q, i) => {
        if (!shown(i)) return null;
        const a = view.answered[q.id] ?? view.unanswered[q.id];
        return (
          <li
            key={q.id}
            id={`question-${i + 1}`}
            className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-5"
          >
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
