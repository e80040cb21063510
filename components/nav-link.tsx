"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Whether `pathname` is the page `href` names or one below it (/lessons/x is under Lessons). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A navigation link that marks the page being viewed, for screen readers (aria-current) and by eye. */
export function NavLink({ href, children, className = "" }: { href: string; children: string; className?: string }) {
  const current = isCurrent(usePathname(), href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`${className} ${current ? "font-semibold text-brand-700 underline decoration-2 underline-offset-8" : "text-slate-700 hover:text-brand-700"}`}
    >
      {children}
    </Link>
  );
}
