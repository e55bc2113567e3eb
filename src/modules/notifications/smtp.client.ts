/**
 * E-mail over SMTP with nodemailer. SMTP_URL is smtp://user:pass@host:port
 * (STARTTLS when the server offers it) or smtps://… (TLS from the start).
 * Errors are rewritten so they carry the SMTP code but never the addresses
 * or the text (a server's answer often quotes the recipient).
 */
import { getSystemErrorName } from 'node:util';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { EmailSender } from '../../platform/adapters.js';
import { NotificationSendError } from './send-error.js';

export interface SmtpEmailSenderOptions {
  smtpUrl: string;
  /** e.g. «Услуги <noreply@uslugi.local>» */
  from: string;
  /** time limits in ms (defaults: connect 10 s, greeting 10 s, idle socket 30 s) */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly opts: SmtpEmailSenderOptions) {
    this.transport = nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: opts.timeouts?.connection ?? 10_000,
      greetingTimeout: opts.timeouts?.greeting ?? 10_000,
      socketTimeout: opts.timeouts?.socket ?? 30_000,
      dnsTimeout: 10_000,
      logger: false,
      debug: false,
    });
  }

  async send(message: { to: string; subject: string; text: string; html?: string }): Promise<{ messageId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.opts.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        textEncoding: 'base64',
      });
      if (info.rejected.length > 0) throw new NotificationSendError('SMTP: the recipient was refused', true);
      return { messageId: info.messageId };
    } catch (error) {
      if (error instanceof NotificationSendError) throw error;
      throw toSafeError(error);
    }
  }

  /** Closes idle connections (none are pooled; for symmetry with other clients). */
  close(): void {
    this.transport.close();
  }
}

function toSafeError(error: unknown): NotificationSendError {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown; errno?: unknown };
  const code = typeof e.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? e.code : 'ERROR';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' && /^[A-Z ]{2,20}$/.test(e.command) ? e.command : undefined;
  if (code === 'ETIMEDOUT') return new NotificationSendError('SMTP: no answer in time (ETIMEDOUT)');
  let system: string | null = null;
  if (typeof e.errno === 'number' && e.errno < 0) {
    try {
      system = getSystemErrorName(e.errno);
    } catch {
      system = null;
    }
  }
  const parts = [code, system, responseCode !== undefined ? String(responseCode) : null, command ? `at ${command}` : null].filter(Boolean);
  // 5xx is a permanent refusal (unknown mailbox, policy); 4xx and network errors are worth retrying.
  const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
  return new NotificationSendError(`SMTP: sending failed (${parts.join(' ')})`, permanent, responseCode);
}
