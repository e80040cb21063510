import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { formatDateTime, formatPercent } from "@/lib/format";
import { type QuizAttemptRecord, type QuizScope, quizLength } from "@/lib/quiz/core/attempt";
import { QuizStartForm } from "./quiz-start-form";

const DRAWN_FROM: Record<QuizScope, string> = {
  lesson: "drawn from the lesson",
  module: "drawn from every lesson of this module",
  course: "drawn across every module of the course",
};

/** The page before a quiz: how it works, resume an unfinished attempt, past results. */
export function QuizStart(props: {
  scope: QuizScope;
  target: string;
  title: string;
  /** How many lessons the quiz draws from: the number of questions depends on it. */
  lessonCount: number;
  backHref: string;
  backLabel: string;
  unfinished: QuizAttemptRecord | null;
  history: QuizAttemptRecord[];
  /** The viewer's zone, which the times of past results are shown in. */
  timeZone: string;
}) {
  const { unfinished, history } = props;
  return (
    <div className="mx-auto max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href={props.backHref} className="hover:text-brand-700">
          {props.backLabel}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Quiz</span>
      </nav>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">Quiz: {props.title}</h1>
      <p className="mt-3 text-slate-700">
        {quizLength(props.scope, props.lessonCount)} questions {DRAWN_FROM[props.scope]}: facts from the comparisons,
        and scenarios whose answers come from running the cluster simulator. Each new attempt draws new questions. Use
        the keyboard if you like: number keys choose, Enter submits, arrow keys move.
      </p>
      {unfinished && (
        <div className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p className="text-amber-900">
            You have an unfinished attempt ({unfinished.answers.length} of {unfinished.questionIds.length} answered).
          </p>
          <Link
            href={`/quiz/${unfinished.id}`}
            className="mt-2 inline-block rounded-md bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800"
          >
            Resume attempt
          </Link>
        </div>
      )}
      <QuizStartForm
        scope={props.scope}
        target={props.target}
        label={unfinished ? "Start a new attempt" : "Start quiz"}
      />
      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="text-xl font-semibold text-slate-900">
          Your results
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-600">No finished attempts yet.</p>
        ) : (
          <ul className={cardClass("mt-3 divide-y divide-slate-200")}>
            {history.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-4 p-3">
                <span>
                  <span className="font-semibold">{formatPercent(a.score ?? 0)}</span>{" "}
                  <span className="text-sm text-slate-600">
                    on {a.completedAt ? formatDateTime(a.completedAt, props.timeZone) : ""}
                  </span>
                </span>
                <Link href={`/quiz/${a.id}/review`} className="text-brand-700 underline">
                  Review
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
