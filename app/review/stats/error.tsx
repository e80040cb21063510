"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ReviewStatsError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState message="We could not load your flashcard statistics." reset={reset} />;
}
