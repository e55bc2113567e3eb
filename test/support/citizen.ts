/**
 * Helpers to take a citizen through the journey in tests: deliver queued
 * notifications now (instead of waiting for the worker) and read what the SMS
 * and mail simulators received.
 */
import type { AppContext } from '../../src/platform/context.js';
import { deliverNotification } from '../../src/modules/notifications/index.js';

export async function deliverQueued(ctx: AppContext): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string }>("select id from notifications_outbox where status = 'queued' order by created_at");
  for (const r of rows) await deliverNotification(ctx, r.id);
  return rows.length;
}

/** The newest SMS to this E.164 number, delivered first if still queued. */
export async function lastSmsTo(ctx: AppContext, phone: string): Promise<string> {
  await deliverQueued(ctx);
  const msg = ctx.simulators!.sms.messages().find((m) => m.to === phone);
  if (!msg) throw new Error(`no SMS to ${phone}`);
  return msg.text;
}

export async function lastMailTo(ctx: AppContext, email: string): Promise<{ subject: string; text: string }> {
  await deliverQueued(ctx);
  const msg = ctx.simulators!.smtp.messages().find((m) => m.to.includes(email));
  if (!msg) throw new Error(`no e-mail to ${email}`);
  return { subject: msg.subject, text: msg.text };
}

export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error(`no 6-digit code in: ${text}`);
  return m[1]!;
}

let phoneSeq = 0;
/** A fresh valid Russian mobile number per call (unique per test process). */
export function freshPhone(): string {
  phoneSeq++;
  return `+7914${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}
