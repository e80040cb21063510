// The colour scheme a person chose: "system" follows the browser's prefers-color-scheme through CSS
// alone (app/globals.css), "light" and "dark" pin one. Stored on the user and, for visitors who are
// not signed in, in a cookie; the root layout writes it on <html data-color-scheme> so the server's
// first paint is already in the right scheme. Pure: no React, Next or database, and no zod either: the
// header's picker imports this module on every page, and zod would add ~30 KB of script to each
// (the form's schema is in color-scheme-form.ts, used only on the server).

export const COLOR_SCHEMES = ["system", "light", "dark"] as const;

export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** The cookie that remembers a signed-out visitor's choice (and the browser's last one). */
export const COLOR_SCHEME_COOKIE = "color-scheme";

/** A year: a preference, not a session. */
export const COLOR_SCHEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const COLOR_SCHEME_LABELS: Record<ColorScheme, string> = { system: "System", light: "Light", dark: "Dark" };

/** The stored value as a scheme; anything unknown (an old or hand-edited cookie) means "system". */
export function colorSchemeOf(value: unknown): ColorScheme {
  return COLOR_SCHEMES.find((scheme) => scheme === value) ?? "system";
}

/** The account's choice wins; a visitor who is not signed in has the cookie's. */
export function effectiveColorScheme(user: { colorScheme: string } | null, cookie: string | undefined): ColorScheme {
  return colorSchemeOf(user ? user.colorScheme : cookie);
}
