"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function LessonError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState message="We could not load this lesson." reset={reset} />;
}
