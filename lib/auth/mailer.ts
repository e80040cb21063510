import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP settings from the environment: SMTP_URL (`smtp://user:pass@host:587`, `smtps://…` for TLS
 * from the start), or SMTP_HOST with SMTP_PORT (587; 465 means TLS from the start), SMTP_USER and
 * SMTP_PASS. Null when neither is set.
 */
export function smtpSettings(env: Record<string, string | undefined>): string | SMTPTransport.Options | null {
  if (env.SMTP_URL?.trim()) return env.SMTP_URL.trim();
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  return {
    host,
    port,
    secure: port === 465,
    ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } } : {}),
  };
}

export const mailFrom = (env: Record<string, string | undefined>) =>
  env.MAIL_FROM?.trim() || "kubelearn <no-reply@localhost>";

/** Sends through SMTP with nodemailer. */
export function smtpMailer(settings: string | SMTPTransport.Options, from: string): Mailer {
  const transport = nodemailer.createTransport(settings);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** Development without SMTP: the mail (with its link) goes to the server log instead. */
export function logMailer(log: (line: string) => void = console.info): Mailer {
  return {
    async send({ to, subject, text }) {
      log(`[mail] SMTP is not configured, so this mail was not sent. To: ${to}\nSubject: ${subject}\n\n${text}`);
    },
  };
}

export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer {
  const settings = smtpSettings(env);
  return settings ? smtpMailer(settings, mailFrom(env)) : logMailer();
}
