"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RATINGS, type RatingName } from "@/lib/flashcards/core/scheduler";
import type { ReviewCard, ReviewSessionView } from "@/lib/flashcards/service/flashcard-service";
import { formatTimeUntil } from "@/lib/format";
import { useReviewSession } from "./use-review-session";

const LABEL: Record<RatingName, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
const TONE: Record<RatingName, string> = {
  again: "border-red-300 bg-red-50 text-red-900 hover:bg-red-100",
  hard: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  good: "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100",
  easy: "border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100",
};

const nextDueText = (iso: string | null, timeZone: string) =>
  iso ? formatTimeUntil(new Date(iso), new Date(), timeZone) : "when you add lessons with cards";

/**
 * `custom`: a custom study session (ahead of schedule); when its cards are done it says so instead of
 * naming the next due card.
 */
export function ReviewSession({
  initial,
  scopeLabel,
  custom = false,
}: {
  initial: ReviewSessionView;
  scopeLabel: string;
  custom?: boolean;
}) {
  const session = useReviewSession(initial);
  const { card, counts, reviewed, message } = session;
  // A card that comes back later today (a learning step) counts once more: the bar tracks ratings to give.
  const total = reviewed + counts.new + counts.learning + counts.review;
  return (
    <div className="mx-auto max-w-2xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold text-slate-900">
          {custom ? "Custom study" : "Review"}: {scopeLabel}
        </h1>
        <Link href="/review/stats" className="text-sm text-brand-700 underline">
          Statistics and settings
        </Link>
      </div>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite">
        Left: <span className="font-semibold text-sky-800">{counts.new} new</span> ·{" "}
        <span className="font-semibold text-red-800">{counts.learning} learning</span> ·{" "}
        <span className="font-semibold text-emerald-800">{counts.review} to review</span>
        {reviewed > 0 && <> · {reviewed} reviewed this session</>}
      </p>
      {total > 0 && (
        <div className="mt-2">
          <ProgressBar
            label="Session progress"
            value={reviewed}
            max={total}
            valueText={`${reviewed} of ${total} cards reviewed this session`}
          />
        </div>
      )}

      <div role="status" aria-live="polite" className="mt-3 min-h-6">
        {message && <p className={message.tone === "error" ? "text-red-700" : "text-slate-700"}>{message.text}</p>}
      </div>

      {card ? (
        <CardReview key={card.id} card={card} session={session} />
      ) : custom ? (
        <CustomStudyDone reviewed={reviewed} />
      ) : (
        <DoneForToday
          nextDue={session.nextDue}
          timeZone={initial.timeZone}
          canUndo={session.canUndo}
          undo={session.undo}
        />
      )}
    </div>
  );
}

function CustomStudyDone({ reviewed }: { reviewed: number }) {
  return (
    <section className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-6" aria-labelledby="done">
      <h2 id="done" className="text-xl font-semibold text-emerald-900">
        {reviewed > 0 ? "Custom study finished" : "No cards to study here"}
      </h2>
      <p className="mt-2 text-emerald-900">
        {reviewed > 0
          ? "Each rating rescheduled its card from the moment you gave it."
          : "Only cards you have already studied (and not suspended) come up in custom study; new cards wait for your daily review."}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <ButtonLink href="/review/cards#custom-heading">Choose other cards</ButtonLink>
        <ButtonLink href="/review" variant="secondary">
          Back to today&apos;s review
        </ButtonLink>
      </div>
    </section>
  );
}

function DoneForToday({
  nextDue,
  timeZone,
  canUndo,
  undo,
}: {
  nextDue: string | null;
  timeZone: string;
  canUndo: boolean;
  undo: () => void;
}) {
  return (
    <section className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-6" aria-labelledby="done">
      <h2 id="done" className="text-xl font-semibold text-emerald-900">
        All done for today
      </h2>
      <p className="mt-2 text-emerald-900">
        Your next card is due {nextDueText(nextDue, timeZone)}. Your day starts at midnight in {timeZone}.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        {canUndo && (
          <button
            type="button"
            onClick={undo}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            Undo last rating (U)
          </button>
        )}
        <ButtonLink href="/lessons">Back to lessons</ButtonLink>
      </div>
    </section>
  );
}

function CardReview({ card, session }: { card: ReviewCard; session: ReturnType<typeof useReviewSession> }) {
  const { flipped, pending, canUndo, flip, rateCard, undo } = session;
  const front = useRef<HTMLDivElement>(null);
  // Keyed by card: each new card mounts and takes focus, so keyboard and screen-reader users start on it.
  useEffect(() => {
    front.current?.focus();
  }, []);
  return (
    <section className="mt-4" aria-label="Flashcard">
      <div ref={front} tabIndex={-1} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm outline-none">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          {card.state === "New" ? "New card" : card.state}
          {card.edited && <span className="ml-2 normal-case text-sky-800">· your edited copy</span>}
        </p>
        <p className="mt-2 text-xl font-semibold text-slate-900">{card.front}</p>
        {flipped && (
          <div className="mt-5 border-t border-slate-200 pt-5">
            <p className="text-lg text-slate-900" aria-live="polite">
              {card.back}
            </p>
            <Link
              href={`/lessons/${card.lessonSlug}#${card.sectionId}`}
              className="mt-3 inline-block text-sm text-brand-700 underline"
            >
              From {card.lessonTitle}
            </Link>
          </div>
        )}
      </div>
      <div className="mt-4">
        {!flipped ? (
          <Button size="block" onClick={flip}>
            Show answer <kbd className="ml-1 text-xs">(Space)</kbd>
          </Button>
        ) : (
          <fieldset className="m-0 grid min-w-0 grid-cols-2 gap-2 border-0 p-0 sm:grid-cols-4">
            <legend className="sr-only">How well did you remember?</legend>
            {RATINGS.map((r, i) => (
              <button
                key={r}
                type="button"
                disabled={pending}
                onClick={() => rateCard(r)}
                className={`rounded-md border px-3 py-2 text-center font-medium disabled:opacity-60 ${TONE[r]}`}
                aria-label={`${LABEL[r]}: next in ${card.intervals[r]} (key ${i + 1})`}
              >
                <span className="block">{LABEL[r]}</span>
                <span className="block text-xs font-normal">
                  {card.intervals[r]} · {i + 1}
                </span>
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <div className="mt-3 flex items-center justify-between text-xs text-slate-500">
        <span>Space shows the answer · 1–4 rate · U undoes the last rating</span>
        {canUndo && (
          <button
            type="button"
            onClick={undo}
            disabled={pending}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700"
          >
            Undo (U)
          </button>
        )}
      </div>
    </section>
  );
}
