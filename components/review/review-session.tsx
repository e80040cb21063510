"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { rateCardAction, undoRatingAction } from "@/app/review/actions";
import { RATINGS, type RatingName } from "@/lib/flashcards/core/scheduler";
import type { ReviewCard, ReviewSessionView } from "@/lib/flashcards/service/flashcard-service";

const LABEL: Record<RatingName, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
const TONE: Record<RatingName, string> = {
  again: "border-red-300 bg-red-50 text-red-900 hover:bg-red-100",
  hard: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  good: "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100",
  easy: "border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100",
};

const endOfToday = () => {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
};

function when(iso: string | null): string {
  if (!iso) return "when you add lessons with cards";
  const d = new Date(iso);
  const minutes = Math.round((d.getTime() - Date.now()) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} minute${minutes === 1 ? "" : "s"}`;
  if (minutes < 24 * 60) return `in about ${Math.round(minutes / 60)} hours`;
  return `on ${d.toISOString().slice(0, 10)}`;
}

export function ReviewSession({ initial, scopeLabel }: { initial: ReviewSessionView; scopeLabel: string }) {
  const [queue, setQueue] = useState<ReviewCard[]>(initial.cards);
  const [flipped, setFlipped] = useState(false);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [reviewed, setReviewed] = useState(0);
  const [canUndo, setCanUndo] = useState(false);
  const [pending, startTransition] = useTransition();
  const [nextDue, setNextDue] = useState(initial.nextDue);
  const front = useRef<HTMLDivElement>(null);

  const card = queue[0];
  const counts = useMemo(
    () => ({
      new: queue.filter((c) => c.state === "New").length,
      learning: queue.filter((c) => c.state === "Learning" || c.state === "Relearning").length,
      review: queue.filter((c) => c.state === "Review").length,
    }),
    [queue],
  );

  useEffect(() => {
    front.current?.focus();
  }, [card?.id]);

  const flip = useCallback(() => {
    if (card && !flipped) setFlipped(true);
  }, [card, flipped]);

  const rateCard = useCallback(
    (rating: RatingName) => {
      if (!card || !flipped || pending) return;
      startTransition(async () => {
        const r = await rateCardAction({ cardId: card.id, rating, expectedVersion: card.version });
        if (!r.ok) {
          setMessage({ tone: "error", text: r.error });
          return;
        }
        setFlipped(false);
        setQueue((q) => {
          const rest = q.filter((c) => c.id !== card.id);
          // A card still due today (learning steps of minutes) comes back later in this session.
          return new Date(r.card.due).getTime() < endOfToday() ? [...rest, r.card] : rest;
        });
        if (new Date(r.card.due).getTime() >= endOfToday() && (!nextDue || r.card.due < nextDue))
          setNextDue(r.card.due);
        if (r.applied) {
          setReviewed((n) => n + 1);
          setCanUndo(true);
          setMessage(null);
        } else {
          setMessage({
            tone: "info",
            text: "This card was already rated in another tab; it now shows its current schedule.",
          });
        }
      });
    },
    [card, flipped, nextDue, pending],
  );

  const undo = useCallback(() => {
    if (pending) return;
    startTransition(async () => {
      const r = await undoRatingAction();
      if (!r.ok) {
        setMessage({ tone: "error", text: r.error });
        setCanUndo(false);
        return;
      }
      setQueue((q) => [r.card, ...q.filter((c) => c.id !== r.card.id)]);
      setFlipped(false);
      setReviewed((n) => Math.max(0, n - 1));
      setMessage({ tone: "info", text: "Undone: the card is back as it was before your rating." });
    });
  }, [pending]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT"))
        return;
      if (e.key === " " && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        flip();
      } else if (/^[1-4]$/.test(e.key)) {
        e.preventDefault();
        rateCard(RATINGS[Number(e.key) - 1]);
      } else if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        undo();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [flip, rateCard, undo]);

  return (
    <div className="mx-auto max-w-2xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold text-slate-900">Review: {scopeLabel}</h1>
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

      <div role="status" aria-live="polite" className="mt-3 min-h-6">
        {message && <p className={message.tone === "error" ? "text-red-700" : "text-slate-700"}>{message.text}</p>}
      </div>

      {!card ? (
        <section className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-6" aria-labelledby="done">
          <h2 id="done" className="text-xl font-semibold text-emerald-900">
            All done for today
          </h2>
          <p className="mt-2 text-emerald-900">Your next card is due {when(nextDue)}.</p>
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
            <Link
              href="/lessons"
              className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
            >
              Back to lessons
            </Link>
          </div>
        </section>
      ) : (
        <section className="mt-4" aria-label="Flashcard">
          <div
            ref={front}
            tabIndex={-1}
            className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm outline-none"
          >
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {card.state === "New" ? "New card" : card.state}
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
              <button
                type="button"
                onClick={flip}
                className="w-full rounded-md bg-brand-600 px-4 py-3 font-medium text-white hover:bg-brand-700"
              >
                Show answer <kbd className="ml-1 text-xs">(Space)</kbd>
              </button>
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
      )}
    </div>
  );
}
