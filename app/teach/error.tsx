"use client";

import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

export default function TeachError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <ErrorState message="We could not load your classes." unavailable={isDatabaseUnavailable(error)} reset={retry} />
  );
}
