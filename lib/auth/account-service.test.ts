import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { providerOf } from "../db/database-url";
import { repositoriesFor } from "../db/repositories";
import { repositoriesOn, testDatabases, uniqueEmail } from "../db/test-support/databases";
import { createAccountService, RESET_MAILS_PER_HOUR } from "./account-service";
import { createCredentialCheck } from "./credential-check";
import { logMailer, smtpMailer, smtpSettings } from "./mailer";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { userForToken } from "./session-token";
import { SignInThrottle } from "./sign-in-throttle";
import { uniqueIp } from "./test-support/rate-limits";
import { startTestSmtpServer } from "./test-support/smtp-server";

const APP_URL = "http://kubelearn.test:3000";
const linkIn = (text: string) => /http:\/\/kubelearn\.test:3000\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text);

/** Inside a describe: the account service as server.ts wires it, on `url`, mailing a test SMTP server. */
function accountsOn(url: string) {
  const ctx = repositoriesOn(url);
  const mail = {} as { smtp: Awaited<ReturnType<typeof startTestSmtpServer>> };
  beforeAll(async () => {
    mail.smtp = await startTestSmtpServer();
  });
  afterAll(() => mail.smtp.close());

  /** The service as server.ts wires it, on this database, mailing the test SMTP server, with a clock the test moves. */
  function service(db = ctx.db) {
    const clock = { now: new Date() };
    const repos = repositoriesFor(db, providerOf(url));
    const checkCredentials = createCredentialCheck({
      findUserByEmail: (email) => repos.users.findByEmail(email),
      throttle: new SignInThrottle(db),
      verifyPassword,
      dummyPasswordHash,
    });
    const accounts = createAccountService({
      users: repos.users,
      passwordResets: repos.passwordResets,
      checkCredentials,
      mailer: smtpMailer(smtpSettings({ SMTP_URL: mail.smtp.url })!, "kubelearn <no-reply@kubelearn.test>"),
      now: () => clock.now,
      appUrl: APP_URL,
    });
    return { accounts, checkCredentials, clock };
  }

  async function learner(password = "old-password") {
    const email = uniqueEmail("reset");
    const user = await ctx.repos.users.create({
      email,
      name: "Reset Learner",
      passwordHash: await hashPassword(password),
    });
    return { user, email };
  }

  const mailsTo = (email: string) => mail.smtp.mails.filter((m) => m.to.includes(email));

  async function requestLink(accounts: ReturnType<typeof service>["accounts"], email: string) {
    await accounts.requestPasswordReset(email);
    const last = mailsTo(email.toLowerCase()).at(-1)!;
    return { mail: last, token: linkIn(last.text)![1] };
  }

  return { ctx, service, learner, mailsTo, requestLink };
}

describe.each(testDatabases)("password reset by e-mail on $name", ({ url }) => {
  const { ctx, service, learner, mailsTo, requestLink } = accountsOn(url);

  it("mails a working reset link that sets the new password once and signs out every session", async () => {
    const { accounts, checkCredentials } = service();
    const { user, email } = await learner();
    const { mail, token } = await requestLink(accounts, email.toUpperCase());
    expect(mail).toMatchObject({
      from: "no-reply@kubelearn.test",
      to: [email],
      subject: "Reset your kubelearn password",
    });
    expect(mail.text).toContain("Hello Reset Learner,");
    expect(mail.text).toContain("works once, for 30 minutes");
    // The database keeps only a hash of the token.
    expect(await ctx.db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);

    expect(await accounts.checkResetToken(token)).toEqual({ ok: true, value: undefined });
    expect(await accounts.resetPassword(token, "brand-new-password")).toEqual({ ok: true, value: undefined });
    const ip = uniqueIp();
    expect((await checkCredentials({ email, password: "brand-new-password", ip })).ok).toBe(true);
    expect((await checkCredentials({ email, password: "old-password", ip })).ok).toBe(false);
    expect(
      await userForToken({ sub: user.id, sv: user.sessionVersion }, (id) => ctx.repos.users.findById(id)),
    ).toBeNull();

    // Once only.
    const again = await accounts.resetPassword(token, "another-password");
    expect(again).toEqual({
      ok: false,
      error: "This reset link has already been used. Ask for a new one if you still need it.",
    });
    expect(await accounts.checkResetToken(token)).toEqual(again);
  });

  it("refuses a link after 30 minutes, and a wrong token, with a readable message", async () => {
    const { accounts, clock } = service();
    const { email } = await learner();
    const { token } = await requestLink(accounts, email);
    clock.now = new Date(clock.now.getTime() + 30 * 60_000 + 1000);
    expect(await accounts.resetPassword(token, "too-late-password")).toEqual({
      ok: false,
      error: "This reset link has expired (links work for 30 minutes). Ask for a new one.",
    });
    const wrong = await accounts.resetPassword(`${token.slice(0, -2)}xx`, "whatever-password");
    expect(wrong.ok === false && wrong.error).toBe(
      "This reset link is not valid. Check that you opened the whole link from the e-mail, or ask for a new one.",
    );
  });

  it("sends nothing for an e-mail without an account, and at most a few mails an hour to one that has", async () => {
    const { accounts, clock } = service();
    const nobody = uniqueEmail("nobody");
    await accounts.requestPasswordReset(nobody);
    expect(mailsTo(nobody)).toEqual([]);

    const { email } = await learner();
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) await accounts.requestPasswordReset(email);
    expect(mailsTo(email)).toHaveLength(RESET_MAILS_PER_HOUR);
    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    await accounts.requestPasswordReset(email);
    expect(mailsTo(email)).toHaveLength(RESET_MAILS_PER_HOUR + 1);
  });

  it("lets exactly one of two parallel resets with the same link win, on two instances", async () => {
    const second = createDb(url);
    try {
      const [a, b] = [service(), service(second)];
      const { email } = await learner();
      const { token } = await requestLink(a.accounts, email);
      const results = await Promise.all([
        a.accounts.resetPassword(token, "first-new-password"),
        b.accounts.resetPassword(token, "second-new-password"),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({
        ok: false,
        error: "This reset link has already been used. Ask for a new one if you still need it.",
      });
    } finally {
      await second.$disconnect();
    }
  });
});

describe.each(testDatabases)("password change and sign-out on $name", ({ url }) => {
  const { ctx, service, learner, requestLink } = accountsOn(url);

  it("changes the password only with the current one, revokes sessions, and voids reset links sent before", async () => {
    const { accounts, checkCredentials } = service();
    const { user, email } = await learner("current-password");
    const { token } = await requestLink(accounts, email);
    const ip = uniqueIp();
    expect(
      await accounts.changePassword(user.id, { currentPassword: "not-it", newPassword: "changed-password", ip }),
    ).toEqual({ ok: false, error: "That is not your current password." });
    expect(
      await accounts.changePassword(user.id, {
        currentPassword: "current-password",
        newPassword: "current-password",
        ip,
      }),
    ).toEqual({ ok: false, error: "Choose a new password that differs from the current one." });
    expect(
      await accounts.changePassword(user.id, {
        currentPassword: "current-password",
        newPassword: "changed-password",
        ip,
      }),
    ).toEqual({ ok: true, value: { email } });
    expect((await checkCredentials({ email, password: "changed-password", ip })).ok).toBe(true);
    expect(
      await userForToken({ sub: user.id, sv: user.sessionVersion }, (id) => ctx.repos.users.findById(id)),
    ).toBeNull();
    expect((await accounts.resetPassword(token, "via-old-link")).ok).toBe(false);
  });

  it("throttles guesses of the current password like sign-in", async () => {
    const { accounts } = service();
    const { user } = await learner("current-password");
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await accounts.changePassword(user.id, { currentPassword: "guess", newPassword: "x".repeat(8), ip });
    expect(
      await accounts.changePassword(user.id, { currentPassword: "current-password", newPassword: "new-password", ip }),
    ).toEqual({ ok: false, error: "Too many wrong passwords. Try again in 1 minute." });
  });

  it("signing out revokes every session of the user", async () => {
    const { accounts } = service();
    const { user } = await learner();
    const find = (id: string) => ctx.repos.users.findById(id);
    expect(await userForToken({ sub: user.id, sv: user.sessionVersion }, find)).not.toBeNull();
    await accounts.revokeSessions(user.id);
    expect(await userForToken({ sub: user.id, sv: user.sessionVersion }, find)).toBeNull();
  });
});

describe("SMTP settings", () => {
  it("reads SMTP_URL, or host, port, user and password, and nothing when neither is set", () => {
    expect(smtpSettings({ SMTP_URL: " smtp://u:p@mail.test:2525 " })).toBe("smtp://u:p@mail.test:2525");
    expect(smtpSettings({ SMTP_HOST: "mail.test", SMTP_PORT: "465", SMTP_USER: "u", SMTP_PASS: "p" })).toEqual({
      host: "mail.test",
      port: 465,
      secure: true,
      auth: { user: "u", pass: "p" },
    });
    expect(smtpSettings({ SMTP_HOST: "mail.test" })).toEqual({ host: "mail.test", port: 587, secure: false });
    expect(smtpSettings({})).toBeNull();
  });

  it("without SMTP, prints the mail with its link to the server log", async () => {
    const lines: string[] = [];
    await logMailer((line) => lines.push(line)).send({
      to: "ada@example.test",
      subject: "Reset your kubelearn password",
      text: `Open:\n${APP_URL}/reset-password?token=abc`,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("To: ada@example.test");
    expect(lines[0]).toContain(`${APP_URL}/reset-password?token=abc`);
  });

  it("authenticates with SMTP_USER and SMTP_PASS against a server that requires it", async () => {
    const smtp = await startTestSmtpServer({ user: "mailer", pass: "mail-secret" });
    try {
      const settings = smtpSettings({
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
        SMTP_USER: "mailer",
        SMTP_PASS: "mail-secret",
      });
      await smtpMailer(settings!, "kubelearn <no-reply@kubelearn.test>").send({
        to: "ada@example.test",
        subject: "Hi",
        text: "Hello",
      });
      expect(smtp.mails).toMatchObject([{ to: ["ada@example.test"], user: "mailer", subject: "Hi", text: "Hello\n" }]);
    } finally {
      await smtp.close();
    }
  });
});
