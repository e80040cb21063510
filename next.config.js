/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the server bundle (better-sqlite3 is a compiled addon).
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg"],
  poweredByHeader: false,
  // Lessons are read from content/ at run time; make sure the server output traces them.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
};

module.exports = nextConfig;
