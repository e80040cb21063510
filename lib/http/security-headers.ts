import { frameAncestorsDirective } from "../lti/core/frame-ancestors";

// Per-request security headers, built by proxy.ts. The headers that never change (nosniff,
// Referrer-Policy, X-Frame-Options...) are in next.config.js, which also covers static files.

export interface CspOptions {
  /** A fresh, unguessable value per request (proxy.ts); scripts without it do not run. */
  nonce: string;
  /** React's development build needs eval for its error overlay; production never does. */
  development: boolean;
  /** Served over HTTPS: let the browser upgrade any stray http:// sub-request. */
  https: boolean;
  /**
   * Origins that may frame this page: an LTI platform's, on the pages a launch lands on
   * (lib/lti/core/frame-ancestors.ts). Empty (the default): no one.
   */
  frameAncestors?: readonly string[];
}

/**
 * A strict, nonce-based policy (as Next.js documents for App Router pages): scripts run only
 * with this request's nonce ('strict-dynamic' lets them load their own chunks), nothing may frame
 * the platform, forms post only to it. Styles allow inline `style` attributes (progress bars and
 * charts set widths) but scripts never get 'unsafe-inline'.
 */
export function contentSecurityPolicy({ nonce, development, https, frameAncestors = [] }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestorsDirective(frameAncestors),
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Strict-Transport-Security only makes sense once the platform is reached over HTTPS. */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
