"use client";

import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

export default function ClassError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <ErrorState message="We could not load this class." unavailable={isDatabaseUnavailable(error)} reset={retry} />
  );
}
