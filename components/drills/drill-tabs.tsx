"use client";

import { useEffect, useRef, useState } from "react";

// On a phone the drill's three panes take turns behind tabs; from 1024 px (Tailwind's lg) they sit side
// by side and the tabs are not there. The tabs follow the WAI-ARIA tabs pattern: arrow keys, Home and
// End move between them and select the one they reach, and only the selected tab is in the Tab order.

export const DRILL_PANES = [
  { id: "steps", label: "Steps" },
  { id: "terminal", label: "Terminal" },
  { id: "cluster", label: "Cluster" },
] as const;

export type DrillPane = (typeof DRILL_PANES)[number]["id"];

const WIDE = "(min-width: 1024px)";

/** Whether the panes sit side by side. False until the browser says otherwise (the server renders the tabs' markup). */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    setWide(query.matches);
    const onChange = () => setWide(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  return wide;
}

const tabId = (pane: DrillPane) => `drill-tab-${pane}`;
const panelId = (pane: DrillPane) => `drill-panel-${pane}`;

/** What a pane's wrapper needs: a tab panel on a phone (hidden unless selected), a plain box side by side. */
export function paneProps(pane: DrillPane, active: DrillPane, wide: boolean) {
  const hidden = pane === active ? "" : "max-lg:hidden";
  if (wide) return { id: panelId(pane), className: hidden };
  return { id: panelId(pane), role: "tabpanel", "aria-labelledby": tabId(pane), className: hidden };
}

export function DrillTabs({ active, onSelect }: { active: DrillPane; onSelect(pane: DrillPane): void }) {
  const tabs = useRef<Partial<Record<DrillPane, HTMLButtonElement | null>>>({});
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(e: React.KeyboardEvent) {
    const at = DRILL_PANES.findIndex((p) => p.id === active);
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % DRILL_PANES.length,
      ArrowLeft: (at - 1 + DRILL_PANES.length) % DRILL_PANES.length,
      Home: 0,
      End: DRILL_PANES.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(DRILL_PANES[to].id);
    tabs.current[DRILL_PANES[to].id]?.focus();
  }
  const select = onSelect;
  // Once another pane shows, the tabs go to the top of the window (under the site's header), so the
  // pane gets the rest of it; after the render, when the page has the new pane's height.
  const shown = useRef(active);
  useEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    const el = list.current;
    if (!el) return;
    // Not scrollIntoView: the page's scroll-padding (for headings under the header) would leave a gap.
    const header = Number.parseFloat(getComputedStyle(el).getPropertyValue("--drill-top")) || 0;
    window.scrollBy({ top: el.getBoundingClientRect().top - header });
  }, [active]);
  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Drill panes"
      onKeyDown={onKeyDown}
      className="-mx-4 flex border-b border-slate-200 bg-white px-4 lg:hidden"
    >
      {DRILL_PANES.map((p) => (
        <button
          key={p.id}
          ref={(el) => {
            tabs.current[p.id] = el;
          }}
          type="button"
          role="tab"
          id={tabId(p.id)}
          aria-selected={p.id === active}
          aria-controls={panelId(p.id)}
          tabIndex={p.id === active ? 0 : -1}
          onClick={() => select(p.id)}
          className={`flex-1 border-b-2 px-2 py-2.5 text-sm font-semibold ${p.id === active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-700"}`}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
