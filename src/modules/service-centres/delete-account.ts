/**
 * «Удалить учётную запись» (152-FZ: destruction when consent is withdrawn or
 * the purpose is gone). With a reason and the operator's confirmation, in one
 * transaction: `account_deleted` is queued to the confirmed contact first
 * (the outbox keeps the encrypted recipient until it is sent), then the
 * personal data and everything holding it are erased, the `citizens` row
 * stays as a tombstone, and the audit record (with the reason code) is
 * written; its number is the number of the act of destruction.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { enqueueNotification, kickDelivery } from '../notifications/index.js';
import { eraseCitizen, listContacts, lockCitizen } from '../identity/identity.repository.js';
import { cleanText, type FieldErrors } from '../identity/personal-data.js';
import { noticeContact } from './confirm-identity.js';
import { deskAudit, type Desk } from './desk.js';
import { operatorMessages as t } from './operator.messages.js';

export const DELETION_REASONS = ['citizen_request', 'death', 'duplicate', 'other'] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

export function isDeletionReason(v: unknown): v is DeletionReason {
  return typeof v === 'string' && (DELETION_REASONS as readonly string[]).includes(v);
}

/** What is destroyed (for the act); the keys of the `cat_*` messages. */
export const DESTROYED_CATEGORIES = ['names', 'birth', 'passport', 'snils', 'addresses', 'contacts', 'credentials', 'history', 'notifications'] as const;
export type DestroyedCategory = (typeof DESTROYED_CATEGORIES)[number];

export interface DeleteInput {
  reason: string;
  reasonText: string;
  confirm: string;
}

export type DeleteResult = { ok: true; auditSeq: number } | { ok: false; status: 404 | 409 | 422; errors: FieldErrors };

export const REASON_TEXT_MAX = 200;

export async function deleteAccount(ctx: AppContext, desk: Desk, citizenId: string, input: DeleteInput, lang: Lang, now = new Date()): Promise<DeleteResult> {
  const errors: FieldErrors = {};
  const reason = isDeletionReason(input.reason) ? input.reason : null;
  if (!reason) errors.reason = t(lang, 'reasonRequired');
  const text = cleanText(input.reasonText);
  if (reason === 'other' && !text) errors.reasonText = t(lang, 'reasonTextRequired');
  else if (text.length > REASON_TEXT_MAX) errors.reasonText = t(lang, 'reasonTextTooLong', { max: REASON_TEXT_MAX });
  if (input.confirm !== 'on') errors.confirm = t(lang, 'deleteConfirmRequired');
  if (Object.keys(errors).length || !reason) return { ok: false, status: 422, errors };

  const stored = reason === 'other' ? `other: ${text}` : reason;
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockCitizen(tx, citizenId);
    if (!row) return { status: 404 as const };
    if (row.status === 'deleted') return { status: 409 as const };
    const contact = noticeContact(await listContacts(tx, ctx.cipher, citizenId));
    const keep: string[] = [];
    if (contact) {
      keep.push(
        await enqueueNotification(tx, ctx.cipher, {
          channel: contact.kind === 'phone' ? 'sms' : 'email',
          to: contact.value,
          template: 'account_deleted',
          vars: { centre: desk.centre.name },
          lang,
          citizenId,
        }),
      );
    }
    const removed = await eraseCitizen(tx, citizenId, { at: now, reason: stored, keepNotificationIds: keep });
    const audit = await appendAudit(
      tx,
      deskAudit(desk, 'staff.citizen.delete', citizenId, { reason, categories: [...DESTROYED_CATEGORIES], removed, level: row.level, previousStatus: row.status }),
      now,
    );
    return { status: 200 as const, seq: audit.seq, notificationIds: keep };
  });
  if (result.status === 404) return { ok: false, status: 404, errors: { reason: t(lang, 'citizenNotFound') } };
  if (result.status === 409) return { ok: false, status: 409, errors: { reason: t(lang, 'alreadyDeleted') } };
  for (const id of result.notificationIds) await kickDelivery(ctx.jobs, id);
  return { ok: true, auditSeq: result.seq };
}
