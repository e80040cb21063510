"use client";

import { type ReactNode, useRef } from "react";
import { useCloseOnNavigation } from "@/components/use-close-on-navigation";

/**
 * The phone's menu: a <details> disclosure, so it opens by keyboard and without JavaScript, closed
 * again when the page changes.
 */
export function MobileMenu({ children }: { children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useCloseOnNavigation(menu);
  return (
    <details ref={menu} className="ml-auto lg:hidden">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 [&::-webkit-details-marker]:hidden">
        Menu
      </summary>
      <div className="absolute inset-x-0 top-full border-b border-slate-200 bg-white px-4 py-3 shadow-md">
        {children}
      </div>
    </details>
  );
}
