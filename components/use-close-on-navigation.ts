"use client";

import { usePathname } from "next/navigation";
import { type RefObject, useEffect } from "react";

/**
 * The header stays mounted across client-side navigation, so a <details> disclosure in it would stay
 * open on the next page: this closes it whenever the path changes.
 */
export function useCloseOnNavigation(details: RefObject<HTMLDetailsElement | null>) {
  const pathname = usePathname();
  useEffect(() => {
    if (details.current && pathname) details.current.open = false;
  }, [details, pathname]);
}
