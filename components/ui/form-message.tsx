import type { ActionState } from "@/lib/result";

/**
 * What the last submit of a form said, in a polite live region that is always in the page, so
 * screen readers announce each new message. Green when it worked, red when it did not.
 */
export function FormMessage({
  state,
  className,
}: {
  state: Pick<ActionState<unknown>, "ok" | "message">;
  className?: string;
}) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={["text-sm", state.ok ? "text-emerald-800" : "text-red-700", className].filter(Boolean).join(" ")}
    >
      {state.message}
    </p>
  );
}
