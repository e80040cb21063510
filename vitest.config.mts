import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./lib/db/test-support/global-setup.ts"],
    // Database suites share one SQLite file and one PostgreSQL database; files run in parallel
    // but every test writes rows it owns (unique e-mails), so they never collide.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
