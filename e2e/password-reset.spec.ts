import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { startTestSmtpServer } from "../lib/auth/test-support/smtp-server";
import { expectNoSeriousA11yViolations, newLearner, signIn, signOut, signUp, welcomeHeading } from "./helpers";
import { ServerProcess } from "./server-process";

// A server of our own that mails through a real SMTP server started here, so the spec can read the mail.
const port = Number(process.env.E2E_PORT ?? 3100) + 100;
const baseURL = `http://127.0.0.1:${port}`;
const databaseFile = "data/e2e-password-reset.db";

test.use({ baseURL });
test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: ServerProcess;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer();
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
  server = new ServerProcess(port, `file:./${databaseFile}`, { SMTP_URL: smtp.url, APP_URL: baseURL });
  server.migrate();
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** The reset link in the newest mail to `email`, once it has arrived (it is sent after the response). */
async function resetLinkFor(email: string, count = 1): Promise<string> {
  await expect.poll(() => smtp.mails.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(count);
  const mail = smtp.mails.filter((m) => m.to.includes(email)).at(-1)!;
  expect(mail.subject).toBe("Reset your kubelearn password");
  return /http:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)![0];
}

const SAME_ANSWER = "If an account uses that e-mail, a link to choose a new password is on its way.";

test("a forgotten password is reset by e-mail, with the keyboard only, and the link works once", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner, baseURL);
  await signOut(page);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("E-mail").focus();
  await page.keyboard.type(learner.email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: SAME_ANSWER })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(learner.email);

  const link = await resetLinkFor(learner.email);
  expect(link.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("New password").focus();
  await page.keyboard.type("short");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await page.getByLabel("New password").fill("");
  await page.getByLabel("New password").focus();
  await page.keyboard.type("my-new-password-123");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed" })).toBeVisible();
  await signIn(page, learner.email, learner.password);
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await signIn(page, learner.email, "my-new-password-123");
  await expect(page.getByRole("heading", { name: welcomeHeading(learner.name) })).toBeVisible();

  // The same link a second time.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "This reset link has already been used." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new reset link" })).toBeVisible();
});

test("the forgot-password form answers the same for an e-mail without an account, and sends nothing", async ({
  page,
}) => {
  const nobody = newLearner().email;
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill(nobody);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: SAME_ANSWER })).toBeVisible();

  // Then a real account's request: once its mail is in, the earlier one would have been too.
  const learner = newLearner();
  await signUp(page, learner, baseURL);
  await signOut(page);
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await resetLinkFor(learner.email);
  expect(smtp.mails.filter((m) => m.to.includes(nobody))).toEqual([]);
});

test("a wrong or missing reset token is explained, and the reset signs out the other sessions", async ({
  page,
  browser,
}) => {
  await page.goto("/reset-password?token=not-a-real-token");
  await expect(page.getByRole("alert").filter({ hasText: "This reset link is not valid." })).toBeVisible();
  await page.goto("/reset-password");
  await expect(
    page.getByRole("alert").filter({ hasText: "This page needs the link from the reset e-mail." }),
  ).toBeVisible();

  const learner = newLearner();
  await signUp(page, learner, baseURL);
  const signedInElsewhere = await page.context().cookies();
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill(learner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await page.goto(await resetLinkFor(learner.email));
  await page.getByLabel("New password").fill("reset-from-mail-456");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);

  const other = await browser.newContext({ baseURL });
  try {
    await other.addCookies(signedInElsewhere);
    const otherPage = await other.newPage();
    await otherPage.goto("/");
    await expect(otherPage.getByRole("link", { name: "Sign in" })).toBeVisible();
  } finally {
    await other.close();
  }
});
