"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ClassError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState message="We could not load this class." reset={reset} />;
}
