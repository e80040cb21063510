"use client";

import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

export default function LessonError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <ErrorState message="We could not load this lesson." unavailable={isDatabaseUnavailable(error)} reset={retry} />
  );
}
