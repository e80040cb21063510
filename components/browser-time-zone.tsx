"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZoneOnServer = () => null;

/** This browser's IANA time zone once the page's script runs; null while rendering on the server. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, noZoneOnServer);
}

/**
 * A hidden input carrying this browser's time zone, for sign-up. Empty until the page's script has
 * run; the server then falls back to UTC (and checks any zone against Intl's list).
 */
export function BrowserTimeZoneInput({ name }: { name: string }) {
  return <input type="hidden" name={name} value={useBrowserTimeZone() ?? ""} />;
}
