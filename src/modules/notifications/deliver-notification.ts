/**
 * Delivering one outbox row: claim it, decrypt, send through the SMS gateway
 * or SMTP, record the outcome.
 *
 * Claiming is one atomic `update … where status = 'queued' and <no live lease>
 * returning`: it counts the attempt and sets a lease (meta.leaseUntil) for the
 * time of the send, so two workers (or a job and its retry) never send the same
 * row twice. A worker that dies while holding the lease leaves the row queued;
 * after the lease runs out the sweep kicks it again (at-least-once in that case:
 * the provider may have accepted the message just before the crash).
 *
 * Outcomes: sent (body erased, provider id and sent_at stored); retry (attempts
 * left: last_error recorded, meta.retryAt set so the sweep respects the back-off);
 * failed (5 attempts used, or the provider refused the message for good; the body
 * is erased too — it will never be sent); skipped (not queued, or leased by another worker).
 */
import type { Queryable } from '../../db/client.js';
import type { Adapters } from '../../platform/adapters.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { PORTAL_URL_TOKEN } from './notifications.templates.js';
import { NotificationSendError } from './send-error.js';

export const MAX_ATTEMPTS = 5;
/** How long a claim protects a row; longer than any client time limit (SMS 10 s, SMTP ≤ 50 s). */
export const LEASE_SECONDS = 120;
/** Back-off before the sweep may try a failed row again: 10 s × 2^(attempt−1) plus a grace for the job's own retry. */
export function retryDelaySeconds(attempts: number): number {
  return 10 * 2 ** Math.max(0, attempts - 1) + 30;
}

export interface DeliveryContext {
  db: Queryable;
  cipher: FieldCipher;
  adapters: Pick<Adapters, 'sms' | 'email'>;
  config: { publicUrl: string };
}

export type DeliveryOutcome =
  | { status: 'sent'; id: string; attempts: number; providerMessageId: string }
  | { status: 'retry'; id: string; attempts: number; error: string }
  | { status: 'failed'; id: string; attempts: number; error: string }
  | { status: 'skipped'; id: string };

interface ClaimedRow {
  id: string;
  channel: string;
  recipient_enc: string;
  subject: string | null;
  body_enc: string | null;
  attempts: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A message for last_error that carries no personal data: the client errors
 * are written that way; anything else is stripped of the recipient, the text,
 * e-mail addresses and long digit runs (phones, codes), and cut to 300 characters.
 */
export function safeErrorMessage(error: unknown, secrets: string[] = []): string {
  let text: string;
  if (error instanceof NotificationSendError) text = error.message;
  else if (error instanceof Error) {
    text = `${error.name}: ${error.message}`
      .replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, '[email]')
      .replace(/\+?\d[\d\s\-()]{3,}\d/g, '[digits]');
  } else text = 'Error: unknown failure';
  for (const s of secrets) if (s && s.length >= 3) text = text.split(s).join('[redacted]');
  text = text.replace(/[\r\n]+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

export async function deliverNotification(ctx: DeliveryContext, id: string, options: { leaseSeconds?: number } = {}): Promise<DeliveryOutcome> {
  if (!UUID.test(id)) return { status: 'skipped', id };
  const lease = options.leaseSeconds ?? LEASE_SECONDS;
  const { rows } = await ctx.db.query<ClaimedRow>(
    `update notifications_outbox
        set attempts = attempts + 1,
            meta = meta || jsonb_build_object('leaseUntil', now() + make_interval(secs => $2::int))
      where id = $1 and status = 'queued'
        and (meta->>'leaseUntil' is null or (meta->>'leaseUntil')::timestamptz < now())
      returning id, channel, recipient_enc, subject, body_enc, attempts`,
    [id, lease],
  );
  const row = rows[0];
  if (!row) return { status: 'skipped', id };

  let to = '';
  let body = '';
  try {
    if (row.body_enc === null) throw new NotificationSendError('Outbox: the row has no body', true);
    to = ctx.cipher.decrypt(row.recipient_enc);
    body = ctx.cipher.decrypt(row.body_enc).split(PORTAL_URL_TOKEN).join(ctx.config.publicUrl);
  } catch (error) {
    const message = error instanceof NotificationSendError ? error.message : 'Outbox: cannot decrypt the row (was DATA_ENCRYPTION_KEY changed?)';
    return recordFailure(ctx.db, row, message, true);
  }

  let providerMessageId: string;
  try {
    if (row.channel === 'sms') {
      ({ messageId: providerMessageId } = await ctx.adapters.sms.send(to, body));
    } else if (row.channel === 'email') {
      ({ messageId: providerMessageId } = await ctx.adapters.email.send({ to, subject: row.subject ?? '', text: body }));
    } else {
      return recordFailure(ctx.db, row, `Outbox: unknown channel ${JSON.stringify(row.channel.slice(0, 20))}`, true);
    }
  } catch (error) {
    const permanent = error instanceof NotificationSendError && error.permanent;
    return recordFailure(ctx.db, row, safeErrorMessage(error, [to, body]), permanent);
  }

  // Delivered: the text and the address are no longer needed (152-FZ: no longer than the purpose); the mask stays.
  await ctx.db.query(
    `update notifications_outbox
        set status = 'sent', body_enc = null, recipient_enc = '', provider_message_id = $2, sent_at = now(), last_error = null,
            meta = meta - 'leaseUntil' - 'retryAt' - 'kickedAt'
      where id = $1 and status = 'queued'`,
    [row.id, String(providerMessageId).slice(0, 200)],
  );
  return { status: 'sent', id: row.id, attempts: row.attempts, providerMessageId };
}

async function recordFailure(db: Queryable, row: ClaimedRow, error: string, permanent: boolean): Promise<DeliveryOutcome> {
  const final = permanent || row.attempts >= MAX_ATTEMPTS;
  await db.query(
    `update notifications_outbox
        set last_error = $2,
            status = case when $3::boolean then 'failed' else 'queued' end,
            body_enc = case when $3::boolean then null else body_enc end,
            recipient_enc = case when $3::boolean then '' else recipient_enc end,
            meta = (meta - 'leaseUntil') || jsonb_build_object('retryAt', now() + make_interval(secs => $4::int))
      where id = $1 and status = 'queued'`,
    [row.id, error, final, retryDelaySeconds(row.attempts)],
  );
  return final ? { status: 'failed', id: row.id, attempts: row.attempts, error } : { status: 'retry', id: row.id, attempts: row.attempts, error };
}
