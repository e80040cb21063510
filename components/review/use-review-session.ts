"use client";

import { useCallback, useEffect, useMemo, useState, useTransition } from "react";
import { rateCardAction, undoRatingAction } from "@/app/review/actions";
import { RATINGS, type RatingName } from "@/lib/flashcards/core/scheduler";
import type { ReviewCard, ReviewSessionView } from "@/lib/flashcards/service/flashcard-service";

export type SessionMessage = { tone: "info" | "error"; text: string } | null;

/** The review queue in the browser: flip, rate and undo against the server, and what to tell the learner. */
export function useReviewSession(initial: ReviewSessionView) {
  const [queue, setQueue] = useState<ReviewCard[]>(initial.cards);
  const [flipped, setFlipped] = useState(false);
  const [message, setMessage] = useState<SessionMessage>(null);
  const [reviewed, setReviewed] = useState(0);
  const [canUndo, setCanUndo] = useState(false);
  const [pending, startTransition] = useTransition();
  const [nextDue, setNextDue] = useState(initial.nextDue);
  // Sessions follow the learner's days (from midnight in their zone); the server says when today ends.
  const dueToday = useCallback((due: string) => due < initial.dayEnds, [initial.dayEnds]);

  const card = queue[0];
  const counts = useMemo(
    () => ({
      new: queue.filter((c) => c.state === "New").length,
      learning: queue.filter((c) => c.state === "Learning" || c.state === "Relearning").length,
      review: queue.filter((c) => c.state === "Review").length,
    }),
    [queue],
  );

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
        const { card: rated, applied } = r.value;
        setFlipped(false);
        // A card still due today (learning steps of minutes) comes back later in this session.
        setQueue((q) => [...q.filter((c) => c.id !== card.id), ...(dueToday(rated.due) ? [rated] : [])]);
        if (!dueToday(rated.due) && (!nextDue || rated.due < nextDue)) setNextDue(rated.due);
        if (applied) {
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
    [card, flipped, nextDue, pending, dueToday],
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
      const restored = r.value.card;
      setQueue((q) => [restored, ...q.filter((c) => c.id !== restored.id)]);
      setFlipped(false);
      setReviewed((n) => Math.max(0, n - 1));
      setMessage({ tone: "info", text: "Undone: the card is back as it was before your rating." });
    });
  }, [pending]);

  useReviewKeys(flip, rateCard, undo);
  return { card, counts, flipped, message, reviewed, canUndo, pending, nextDue, flip, rateCard, undo };
}

/** Space turns the card over, 1–4 rate it, U undoes; keys typed into a field or on a control are left alone. */
function useReviewKeys(flip: () => void, rateCard: (rating: RatingName) => void, undo: () => void) {
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
}
