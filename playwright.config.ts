import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = "file:./data/e2e.db";

// Debian's chromium: Playwright's own browser download cannot work offline here.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  // Four spec files at a time on the two cores: the suite is bound by waiting (on the server, the
  // browser, restarts and throttle delays), not by the CPU: with two workers a whole run used about
  // 7.3 CPU-minutes in 11 minutes (2026-12-04). Specs sign up their own learners, change nothing of the
  // demo learner's that another spec reads, and start any server of their own on ports of their own.
  fullyParallel: false,
  workers: 4,
  retries: 0,
  // Four workers share two cores, so a heavy page's axe run takes longer than it does alone.
  timeout: 90_000,
  // A sign-in (bcrypt, redirect, the home page's render) has taken over the default 5 s on a machine
  // loaded past its two cores; a passing check costs nothing more.
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
      testIgnore: /mobile\.spec\.ts/,
    },
    {
      name: "mobile",
      use: { ...devices["Pixel 7"], launchOptions: chromiumLaunchOptions },
      testMatch: /mobile\.spec\.ts/,
    },
  ],
  webServer: {
    // A fresh SQLite file per run: migrate, seed the demo accounts, serve the production build.
    command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && ./node_modules/.bin/tsx scripts/db-migrate.ts && ./node_modules/.bin/tsx scripts/seed.ts && exec ./node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    // APP_URL: the tool URLs the LTI page shows (and the stand-in platform posts to) are this server's.
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      APP_URL: `http://127.0.0.1:${port}`,
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
