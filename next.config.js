/**
 * Headers that never change, on every path (pages, API routes, static files). The per-request
 * Content-Security-Policy with its nonce is set in proxy.ts (lib/http/security-headers.ts).
 */
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Older browsers ignore CSP frame-ancestors; X-Frame-Options says the same to them.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the server bundle (better-sqlite3 is a compiled addon).
  // The FSRS optimiser is a native addon too (@open-spaced-repetition/binding loads a .node file per platform).
  serverExternalPackages: [
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "better-sqlite3",
    "pg",
    "@open-spaced-repetition/binding",
  ],
  poweredByHeader: false,
  // Lessons are read from content/ at run time; make sure the server output traces them.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

module.exports = nextConfig;
