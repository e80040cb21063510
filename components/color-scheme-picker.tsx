"use client";

import { useEffect, useRef, useState } from "react";
import { saveColorSchemeAction } from "@/app/(auth)/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { useCloseOnNavigation } from "@/components/use-close-on-navigation";
import { COLOR_SCHEME_LABELS, COLOR_SCHEMES, type ColorScheme } from "@/lib/color-scheme";
import { idleState } from "@/lib/result";

const ICONS: Record<ColorScheme, React.ReactNode> = {
  system: <path d="M3 4h14v9H3zM7 16h6M10 13v3" />,
  light: (
    <>
      <circle cx="10" cy="10" r="3.5" />
      <path d="M10 1.5v2M10 16.5v2M1.5 10h2M16.5 10h2M4 4l1.4 1.4M14.6 14.6 16 16M4 16l1.4-1.4M14.6 5.4 16 4" />
    </>
  ),
  dark: <path d="M16 12.5A7 7 0 0 1 7.5 4a7 7 0 1 0 8.5 8.5z" />,
};

/**
 * System, Light or Dark as a radio group (arrow keys move between them, as in any radio group).
 * Picking one applies it at once and saves it: on the account when signed in, in a cookie always.
 * `compact` shows icons only (each still named for screen readers and by its tooltip), for the header.
 */
export function ColorSchemePicker({
  value,
  id,
  compact = false,
}: {
  value: ColorScheme;
  id: string;
  compact?: boolean;
}) {
  const [state, formProps, pending] = useActionForm(saveColorSchemeAction, idleState());
  const [choice, setChoice] = useState(value);
  const form = useRef<HTMLFormElement>(null);
  // The server's value after the page renders again (another tab, or sign-in) wins.
  useEffect(() => setChoice(value), [value]);

  function pick(scheme: ColorScheme) {
    setChoice(scheme);
    // Show it now; the action's re-render writes the same attribute from the server.
    document.documentElement.dataset.colorScheme = scheme;
    form.current?.requestSubmit();
  }

  return (
    <form ref={form} {...formProps} className={compact ? "" : "grid justify-items-start gap-2"} aria-busy={pending}>
      <fieldset className="inline-flex items-center gap-0.5 rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        <legend className="sr-only">Colour scheme</legend>
        {COLOR_SCHEMES.map((scheme) => (
          <label
            key={scheme}
            htmlFor={`${id}-${scheme}`}
            title={compact ? `Colour scheme: ${COLOR_SCHEME_LABELS[scheme]}` : undefined}
            className={`flex cursor-pointer items-center gap-1.5 rounded px-1.5 py-1 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
              choice === scheme ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
            } ${compact ? "" : "px-3"}`}
          >
            <input
              id={`${id}-${scheme}`}
              type="radio"
              name="colorScheme"
              value={scheme}
              checked={choice === scheme}
              onChange={() => pick(scheme)}
              className="sr-only"
            />
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="h-4 w-4 fill-none stroke-current"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              {ICONS[scheme]}
            </svg>
            <span className={compact ? "sr-only" : ""}>{COLOR_SCHEME_LABELS[scheme]}</span>
          </label>
        ))}
      </fieldset>
      <noscript>
        <button type="submit" className="ml-2 text-sm text-brand-700 underline">
          Apply
        </button>
      </noscript>
      <FormMessage state={state} className={compact ? "sr-only" : undefined} />
    </form>
  );
}

/**
 * The header's colour scheme behind one small button, so the row keeps its width: a <details>
 * disclosure (Enter or Space opens it, Tab reaches the radios, Escape, a click elsewhere or going to
 * another page closes it) holding the same radio group as the account page.
 */
export function ColorSchemeMenu({ value }: { value: ColorScheme }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useCloseOnNavigation(menu);
  useEffect(() => {
    function closeOutside(e: PointerEvent) {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false;
    }
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  }
  return (
    <details ref={menu} className="relative" onKeyDown={onKeyDown}>
      <summary className="flex cursor-pointer list-none items-center rounded-md border border-slate-300 p-1.5 text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-none stroke-current" strokeWidth="1.6">
          <circle cx="10" cy="10" r="7" />
          <path d="M10 3a7 7 0 0 0 0 14z" className="fill-current" />
        </svg>
        <span className="sr-only">Colour scheme</span>
      </summary>
      <div className="absolute right-0 top-full z-50 mt-2 w-max rounded-md border border-slate-200 bg-white p-3 shadow-md">
        <ColorSchemePicker id="header-scheme" value={value} />
      </div>
    </details>
  );
}
