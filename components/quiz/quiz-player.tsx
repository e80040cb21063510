"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { finishQuizAction, submitAnswerAction } from "@/app/quiz/actions";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { QuestionSource, Response } from "@/lib/quiz/core/types";
import type { AttemptView, Reveal } from "@/lib/quiz/service/quiz-service";
import { InlineCode } from "./inline-code";
import { draftOf, pressNumber, QuestionInput, toResponse } from "./question-input";
import { scoreLabel } from "./score-label";
import { Transcript } from "./transcript";

/** The label a question carries by where it comes from: only a simulator scenario is set apart. */
const SOURCE_BADGES: Record<QuestionSource, string | null> = {
  lesson: null,
  simulator: "simulator scenario",
  authored: null,
};

type Answered = AttemptView["answered"];

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.tagName === "TEXTAREA" ||
    el.tagName === "SELECT" ||
    (el.tagName === "INPUT" && (el as HTMLInputElement).type === "text"));

export function QuizPlayer({ view }: { view: AttemptView }) {
  const { questions } = view;
  const [answered, setAnswered] = useState<Answered>(view.answered);
  const firstOpen = questions.findIndex((q) => !view.answered[q.id]);
  const [index, setIndex] = useState(firstOpen === -1 ? questions.length - 1 : firstOpen);
  const [drafts, setDrafts] = useState<Record<string, Response>>(() =>
    Object.fromEntries(questions.map((q) => [q.id, draftOf(q, view.answered[q.id]?.response)])),
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const q = questions[index];
  const result = answered[q.id];
  const draft = drafts[q.id];
  const answeredCount = Object.keys(answered).length;
  const isLast = index === questions.length - 1;
  const immediate = view.feedback === "immediate";

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [index]);

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= questions.length) return;
      setError(null);
      setIndex(to);
    },
    [questions.length],
  );

  const finish = useCallback(() => {
    startTransition(async () => {
      const r = await finishQuizAction(view.id);
      if (r && !r.ok) setError(r.error);
    });
  }, [view.id]);

  const submit = useCallback(() => {
    if (result || pending) return;
    const response = toResponse(q, draft);
    if (typeof response === "string") {
      setError(response);
      return;
    }
    setError(null);
    startTransition(async () => {
      const r = await submitAnswerAction({ attemptId: view.id, questionId: q.id, response });
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setAnswered((prev) => ({ ...prev, [q.id]: r.value }));
      if (r.value.response) setDrafts((prev) => ({ ...prev, [q.id]: draftOf(q, r.value.response) }));
      if (!immediate) {
        const next = questions.findIndex((other, i) => i > index && !answered[other.id]);
        if (next !== -1) setIndex(next);
      }
    });
  }, [answered, draft, immediate, index, pending, q, questions, result, view.id]);

  const advance = useCallback(() => {
    if (!result) submit();
    else if (!isLast) go(index + 1);
    else finish();
  }, [finish, go, index, isLast, result, submit]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (
        e.key === "Enter" &&
        !isTyping(e.target) &&
        !(e.target instanceof HTMLButtonElement) &&
        !(e.target instanceof HTMLAnchorElement)
      ) {
        e.preventDefault();
        advance();
        return;
      }
      if (isTyping(e.target)) return;
      if (/^[1-9]$/.test(e.key) && !result) {
        e.preventDefault();
        setDrafts((prev) => ({ ...prev, [q.id]: pressNumber(q, prev[q.id], Number(e.key)) }));
      } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        if (e.target instanceof HTMLInputElement && e.target.type === "radio") return; // arrows move within a radio group
        e.preventDefault();
        go(index + (e.key === "ArrowRight" ? 1 : -1));
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [advance, go, index, q, result]);

  const reveal = result && "key" in result ? (result as Partial<Reveal>) : undefined;

  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-600">Quiz: {view.title}</p>
        <p className="text-sm text-slate-600">{immediate ? "Feedback after each question" : "Feedback at the end"}</p>
      </div>
      <div className="mt-2">
        <ProgressBar
          label="Questions answered"
          value={answeredCount}
          max={questions.length}
          valueText={`${answeredCount} of ${questions.length} answered`}
        />
        <nav aria-label="Questions" className="mt-3">
          <ol className="flex flex-wrap gap-1.5">
            {questions.map((other, i) => (
              <li key={other.id}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}${answered[other.id] ? ", answered" : ""}`}
                  className={`h-8 w-8 rounded-full border text-sm font-medium ${i === index ? "border-brand-700 bg-brand-600 text-white" : answered[other.id] ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700"}`}
                >
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>

      <form
        className="mt-6"
        onSubmit={(e) => {
          e.preventDefault();
          advance();
        }}
      >
        <p className="text-sm font-medium text-slate-600">
          Question {index + 1} of {questions.length}
          {SOURCE_BADGES[q.source] && (
            <span className="ml-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">
              {SOURCE_BADGES[q.source]}
            </span>
          )}
        </p>
        {q.context && q.context.length > 0 && <Transcript title="The cluster so far" lines={q.context} />}
        <h1 ref={heading} tabIndex={-1} className="mt-3 text-lg font-semibold text-slate-900 outline-none sm:text-xl">
          <InlineCode text={q.prompt} />
        </h1>
        <QuestionInput
          question={q}
          draft={draft}
          onChange={(d) => setDrafts((prev) => ({ ...prev, [q.id]: d }))}
          locked={!!result || pending}
          reveal={reveal}
        />

        <div role="status" aria-live="polite" className="mt-4">
          {error && <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800">{error}</p>}
          {result && !reveal && <p className="text-slate-700">Answer saved. You will see how you did at the end.</p>}
          {reveal && reveal.score !== undefined && (
            <div
              className={`rounded-lg border p-4 ${reveal.correct ? "border-emerald-300 bg-emerald-50" : reveal.score > 0 ? "border-amber-300 bg-amber-50" : "border-red-300 bg-red-50"}`}
            >
              <p className="font-semibold">{scoreLabel(reveal.score, !!reveal.correct)}</p>
              {reveal.misconception && <p className="mt-1 text-slate-800">A common mix-up: {reveal.misconception}</p>}
              <p className="mt-2 text-slate-800">{reveal.explanation}</p>
              <p className="mt-2">
                <Link href={`/lessons/${reveal.lessonSlug}#${reveal.sectionId}`} className="text-brand-700 underline">
                  Read “{reveal.sectionTitle}” in {reveal.lessonTitle}
                </Link>
              </p>
            </div>
          )}
        </div>
        {reveal?.evidence && reveal.evidence.length > 0 && (
          <Transcript title="What the simulator showed" lines={reveal.evidence} />
        )}

        <div className="mt-6 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-40"
          >
            Previous
          </button>
          {!result ? (
            <Button type="submit" disabled={pending}>
              {pending ? "Checking…" : "Submit answer"}
            </Button>
          ) : !isLast ? (
            <Button type="submit">Next question</Button>
          ) : null}
          {(isLast || answeredCount === questions.length) && (
            <button
              type="button"
              onClick={finish}
              disabled={pending}
              className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-70"
            >
              {answeredCount === questions.length
                ? "Finish and see results"
                : `Finish now (${questions.length - answeredCount} unanswered count as wrong)`}
            </button>
          )}
        </div>
        <p className="mt-4 text-xs text-slate-500">
          Keys: 1–9 choose · Enter submits or goes on · ← → previous and next question
        </p>
      </form>
    </div>
  );
}
