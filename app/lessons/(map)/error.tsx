"use client";

import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

export default function CourseMapError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <ErrorState message="We could not load the course map." unavailable={isDatabaseUnavailable(error)} reset={retry} />
  );
}
