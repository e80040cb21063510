"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function TeachError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState message="We could not load your classes." reset={reset} />;
}
