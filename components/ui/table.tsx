import type { ReactNode } from "react";
import { cardClass } from "./card";

/**
 * A data table in a horizontally scrolling panel. The panel is a named region that takes keyboard
 * focus, so people who cannot use a mouse can scroll it too (axe: scrollable-region-focusable).
 * Children are the table's caption, head, body and foot.
 */
export function Table({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      tabIndex={0}
      className={cardClass(["overflow-x-auto", className].filter(Boolean).join(" "))}
    >
      <table className="w-full text-left text-sm">{children}</table>
    </section>
  );
}
