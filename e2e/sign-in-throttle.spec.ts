import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { newLearner, signIn, signOut, signUp, welcomeHeading } from "./helpers";
import { ServerProcess } from "./server-process";

// Servers of our own: these tests throttle 127.0.0.1, which would refuse the shared server's later sign-ins.
const basePort = Number(process.env.E2E_PORT ?? 3100) + 200;
test.describe.configure({ mode: "serial" });

async function ownServer(port: number, name: string, env: Record<string, string>) {
  const file = `data/e2e-${name}.db`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const server = new ServerProcess(port, `file:./${file}`, env);
  server.migrate();
  await server.start();
  return server;
}

test.describe("without a trusted proxy", () => {
  const baseURL = `http://127.0.0.1:${basePort}`;
  test.use({ baseURL });
  let server: ServerProcess;
  test.beforeAll(async () => {
    server = await ownServer(basePort, "throttle", {});
  });
  test.afterAll(() => server?.stop());

  test("a forged X-Forwarded-For does not escape the per-IP limit", async ({ page }) => {
    test.setTimeout(180_000);
    // Twenty failed sign-ins on twenty e-mails, each claiming to come from a different address.
    for (let i = 0; i < 20; i++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i + 1}` });
      await signIn(page, newLearner().email, "guess");
      await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99" });
    await signIn(page, newLearner().email, "guess");
    await expect(
      page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 1 minute." }),
    ).toBeVisible();
  });
});

test.describe("behind a trusted proxy (TRUST_PROXY=1)", () => {
  const baseURL = `http://127.0.0.1:${basePort + 1}`;
  test.use({ baseURL });
  let server: ServerProcess;
  test.beforeAll(async () => {
    server = await ownServer(basePort + 1, "throttle-proxy", { TRUST_PROXY: "1" });
  });
  test.afterAll(() => server?.stop());

  test("an attacker's network is slowed down while the owner signs in from their own", async ({ page }) => {
    const learner = newLearner();
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.10" });
    await signUp(page, learner, baseURL);
    await signOut(page);

    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
    for (let i = 0; i < 5; i++) {
      await signIn(page, learner.email, "guess");
      await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
    }
    await signIn(page, learner.email, learner.password);
    await expect(
      page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 1 minute." }),
    ).toBeVisible();

    await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.10" });
    await signIn(page, learner.email, learner.password);
    await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();
  });
});
