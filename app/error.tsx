"use client";

import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

// `retry` fetches the page from the server again (what a database outage needs); `reset` would only
// re-render what the browser already has.
export default function ErrorPage({ error, retry }: { error: Error; retry: () => void }) {
  return <ErrorState unavailable={isDatabaseUnavailable(error)} reset={retry} />;
}
