import type { ReactNode } from "react";

const TONES = {
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

/** A message the person must notice now (announced as an alert): a refusal, a redirect's reason. */
export function Alert({
  tone,
  className,
  children,
}: {
  tone: keyof typeof TONES;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="alert" className={["rounded-md border p-3", TONES[tone], className].filter(Boolean).join(" ")}>
      {children}
    </div>
  );
}
