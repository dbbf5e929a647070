// Sending email: a nodemailer transport from SMTP_URL and MAIL_FROM, with a time limit. Without
// SMTP_URL there is no mailer, and messages wait in the outbox for the panel to see.
import nodemailer from 'nodemailer';
import { appConfig } from '../config';

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Where the mail goes, without any password, for the command's output. */
  describe: string;
  /** Sends one message; throws (in words) when the server cannot be reached or refuses it. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  from?: string;
  timeoutMs?: number;
}

/** A mailer from SMTP_URL (e.g. "smtp://user:pass@mail.example.org:587") and MAIL_FROM; null when SMTP_URL is not set. */
export function createMailer(options: MailerOptions = {}): Mailer | null {
  const smtpUrl = options.smtpUrl ?? appConfig().SMTP_URL;
  if (!smtpUrl) return null;
  const from = options.from ?? appConfig().MAIL_FROM;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error(
      `SMTP_URL is not a web-style address like smtp://user:password@mail.example.org:587, so no email can be sent. Fix it, or unset it to keep messages in the outbox.`,
    );
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    describe: `${url.protocol}//${url.host}`,
    async send(email) {
      let timer: NodeJS.Timeout | undefined;
      // nodemailer's own timeouts cover each step; this one covers the whole message.
      const overall = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The mail server did not finish within ${timeoutMs} ms.`)), timeoutMs * 2);
      });
      try {
        await Promise.race([transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text }), overall]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      transport.close();
    },
  };
}
