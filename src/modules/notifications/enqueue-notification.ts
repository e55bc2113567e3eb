/**
 * Writing a notification into the outbox. Call it inside the transaction of
 * the change that causes the notification: the row then exists exactly when
 * that change commits (a rolled-back registration sends no code). After the
 * commit, call kickDelivery so the job delivers it at once; if the process dies
 * in between, the sweep job (notifications.jobs.ts) finds the row within a minute.
 *
 *   const id = await ctx.db.transaction(async (tx) => {
 *     … change …
 *     return enqueueNotification(tx, ctx.cipher, { channel: 'sms', to: phone, template: 'registration_code', vars: { code }, citizenId });
 *   });
 *   await kickDelivery(ctx.jobs, id);
 *
 * The recipient and the body are stored encrypted; only a masked recipient
 * («+7 914 ***-**-67», «iv***@mail.ru») is readable, for staff screens.
 */
import type { Queryable } from '../../db/client.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Lang } from '../../platform/i18n.js';
import type { JobQueue } from '../../platform/jobs.js';
import { EMAIL_ONLY_TEMPLATES, isNotificationTemplate, renderNotification, type NotificationTemplate } from './notifications.templates.js';

export type NotificationChannel = 'sms' | 'email';

export interface NotificationRequest {
  channel: NotificationChannel;
  /** E.164 phone (+79141234567; spaces, hyphens and brackets are dropped) for sms, an e-mail address for email */
  to: string;
  template: NotificationTemplate;
  vars?: Record<string, string>;
  lang?: Lang;
  citizenId?: string | null;
  /** the portal's public address for links in the text; else Config.publicUrl at delivery */
  publicUrl?: string;
}

export const DELIVER_JOB = 'notifications.deliver';

const E164 = /^\+[1-9]\d{7,14}$/;
/** Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/** «+7 914 ***-**-67» for a Russian number; other countries «+37 ***-**-67». */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const last2 = digits.slice(-2);
  if (digits.length === 11 && digits.startsWith('7')) return `+7 ${digits.slice(1, 4)} ***-**-${last2}`;
  return `+${digits.slice(0, 2)} ***-**-${last2}`;
}

/** «iv***@mail.ru»: two first characters of the local part (one if it is that short). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const keep = [...local].slice(0, local.length > 2 ? 2 : 1).join('');
  return `${keep}***@${domain}`;
}

export function maskRecipient(channel: NotificationChannel, to: string): string {
  return channel === 'sms' ? maskPhone(to) : maskEmail(to);
}

/** Inserts a queued notification (in the caller's transaction) and returns its id. */
export async function enqueueNotification(tx: Queryable, cipher: FieldCipher, n: NotificationRequest): Promise<string> {
  if (n.channel !== 'sms' && n.channel !== 'email') throw new Error(`Unknown notification channel: ${String(n.channel)}`);
  if (!isNotificationTemplate(n.template)) throw new Error(`Unknown notification template: ${String(n.template)}`);
  // A phone may arrive formatted (+7 914 123-45-67): the gateway wants +79141234567.
  const to = n.channel === 'sms' ? n.to.replace(/[\s\-()\u00a0]/g, '') : n.to.trim();
  // The messages never repeat the recipient: they may reach logs.
  if (n.channel === 'sms' && !E164.test(to)) throw new Error('Notification: the phone number must be in E.164 form (+79141234567)');
  if (n.channel === 'email' && !EMAIL.test(to)) throw new Error('Notification: the e-mail address is not valid');
  if (n.channel === 'sms' && EMAIL_ONLY_TEMPLATES.has(n.template)) {
    throw new Error(`Notification template ${n.template} carries a link and is sent by e-mail only`);
  }
  const lang: Lang = n.lang === 'en' ? 'en' : 'ru';
  const rendered = renderNotification(n.template, n.vars, lang, n.publicUrl ? { publicUrl: n.publicUrl } : {});
  const body = n.channel === 'sms' ? rendered.sms : rendered.email.text;
  const subject = n.channel === 'email' ? rendered.email.subject : null;
  const { rows } = await tx.query<{ id: string }>(
    `insert into notifications_outbox (channel, recipient_enc, recipient_masked, template, subject, body_enc, citizen_id, meta)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     returning id`,
    [n.channel, cipher.encrypt(to), maskRecipient(n.channel, to), n.template, subject, cipher.encrypt(body), n.citizenId ?? null, JSON.stringify({ lang })],
  );
  return rows[0]!.id;
}

/**
 * Asks the worker to deliver a notification now. Call after the transaction
 * committed. Never throws: the change is already committed, and a row whose
 * job could not be queued is picked up by the sweep; resolves false then.
 */
export async function kickDelivery(jobs: Pick<JobQueue, 'send'>, id: string): Promise<boolean> {
  try {
    await jobs.send(DELIVER_JOB, { id });
    return true;
  } catch {
    return false;
  }
}
