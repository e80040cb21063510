import type { ReactNode } from "react";
import { Card } from "./card";

/** One figure with its label, as a term and its description: place inside a <dl>. */
export function Stat({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <Card className="p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
    </Card>
  );
}
