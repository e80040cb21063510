import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: path.resolve(import.meta.dirname) },
      // `server-only` throws unless resolved with the `react-server` condition, which only Next's
      // server bundles use. Tests are server code that opens real databases (lib/db/client and the
      // services' server entries), so here the marker resolves to the empty module its own
      // react-server export points at. The marker still guards every Next build.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx"],
    globalSetup: ["./lib/db/test-support/global-setup.ts"],
    setupFiles: ["./lib/sim/test-support/reconcile-check.ts"],
    // Each worker has its own SQLite file (lib/db/test-support/databases.ts); the workers share one
    // PostgreSQL database, where every test writes rows it owns (unique e-mails).
    // Vitest's default on two cores is one worker (cores - 1); most files wait on a database or a child
    // process, so a second worker roughly halves the wall time without starving the first.
    maxWorkers: 2,
    // Test files share a worker's module cache instead of importing everything afresh: that import was
    // about 40% of the suite's CPU time (user time 266 s → 157 s, 2026-12-04). No test file stubs
    // modules, globals or the environment, and each opens its own database clients.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
