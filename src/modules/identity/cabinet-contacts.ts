/**
 * The cabinet's contacts: a new phone or e-mail gets a 6-digit code (purpose
 * `contact_change`, template `contact_code`) under the registration limits —
 * 5 minutes, 5 tries, a new code after 60 s and at most 5 an hour per contact.
 * The new contact stays unconfirmed until the code is entered; then it
 * replaces the confirmed one of the same kind. A contact confirmed on another
 * account is refused without naming that account. At least one confirmed
 * contact always remains.
 *
 * «Pending» is the contact of the citizen's latest live contact_change
 * challenge: cancelling consumes that challenge. Unconfirmed rows are never
 * deleted while a code sent to them still counts toward the hourly limit.
 */
import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { hitLimit } from '../../platform/rate-limit.js';
import { enqueueNotification, kickDelivery, maskRecipient } from '../notifications/index.js';
import { cabinetExtraMessages as m } from './cabinet-extra.messages.js';
import { identityMessages as t } from './identity.messages.js';
import { contactIndex, findCitizenByVerifiedContact, insertContact, isUniqueViolation, listContacts, markContactVerified, type ContactRow } from './identity.repository.js';
import { issueChallenge, OTP_POLICY, verifyChallenge, type IssueResult } from './otp.js';
import { checkEmail, checkMobile, type ContactInput, type FieldErrors } from './personal-data.js';
import { resendWaitMessage } from './register-citizen.js';

export type ContactKind = 'phone' | 'email';

export interface PendingContact {
  id: string;
  kind: ContactKind;
  masked: string;
  /** seconds until a new code may be requested (0 = now) */
  resendInSeconds: number;
}

export interface ContactsOverview {
  confirmed: Array<{ id: string; kind: ContactKind; masked: string }>;
  pending: PendingContact | null;
}

/** New contacts (codes sent to different numbers/addresses) per citizen per hour, on top of the per-contact limits. */
const CHANGE_REQUESTS_PER_HOUR = 10;

export const maskContact = (c: { kind: ContactKind; value: string }) => maskRecipient(c.kind === 'phone' ? 'sms' : 'email', c.value);

async function pendingRow(ctx: AppContext, citizenId: string, contacts: ContactRow[]): Promise<{ contact: ContactRow; challengeCreatedAt: Date } | null> {
  const { rows } = await ctx.db.query<{ contact_id: string | null; consumed_at: Date | null; created_at: Date }>(
    "select contact_id, consumed_at, created_at from otp_challenges where citizen_id = $1 and purpose = 'contact_change' order by created_at desc limit 1",
    [citizenId],
  );
  const ch = rows[0];
  if (!ch || ch.consumed_at || !ch.contact_id) return null;
  const contact = contacts.find((c) => c.id === ch.contact_id && !c.verifiedAt);
  return contact ? { contact, challengeCreatedAt: new Date(ch.created_at) } : null;
}

export async function contactsOverview(ctx: AppContext, citizenId: string, now = new Date()): Promise<ContactsOverview> {
  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  const p = await pendingRow(ctx, citizenId, contacts);
  return {
    confirmed: contacts.filter((c) => c.verifiedAt).map((c) => ({ id: c.id, kind: c.kind, masked: maskContact(c) })),
    pending: p
      ? {
          id: p.contact.id,
          kind: p.contact.kind,
          masked: maskContact(p.contact),
          resendInSeconds: Math.max(0, Math.ceil((p.challengeCreatedAt.getTime() + OTP_POLICY.resendAfterMs - now.getTime()) / 1000)),
        }
      : null,
  };
}

function waitMessage(lang: Lang, issued: Extract<IssueResult, { ok: false }>): string {
  return issued.reason === 'too_soon' ? resendWaitMessage(lang, issued.retryAfterSeconds) : t(lang, 'resendHourly', { minutes: Math.ceil(issued.retryAfterSeconds / 60) });
}

class NotIssued extends Error {
  constructor(readonly issued: Extract<IssueResult, { ok: false }>) {
    super('not issued');
  }
}

/** Sends a code to the contact (in the caller's transaction); throws NotIssued under the resend limits. */
async function sendCode(ctx: AppContext, tx: Queryable, citizenId: string, contactId: string, contact: ContactInput, lang: Lang, now: Date): Promise<string> {
  const issued = await issueChallenge(
    tx,
    ctx.config.secrets.sessionSecret,
    { purpose: 'contact_change', citizenId, contactId, channel: contact.kind, contactValueIndex: contactIndex(ctx.cipher, contact.kind, contact.value), format: 'code' },
    now,
  );
  if (!issued.ok) throw new NotIssued(issued);
  return enqueueNotification(tx, ctx.cipher, {
    channel: contact.kind === 'phone' ? 'sms' : 'email',
    to: contact.value,
    template: 'contact_code',
    vars: { code: issued.secret },
    lang,
    citizenId,
  });
}

export type RequestResult = { ok: true } | { ok: false; status: 409 | 422 | 429; errors: FieldErrors };

/** «Получить код» for a new phone (field `phone`) or e-mail (field `email`). */
export async function requestContactChange(ctx: AppContext, citizenId: string, kind: ContactKind, typed: string, lang: Lang, now = new Date()): Promise<RequestResult> {
  const field = kind;
  let contact: ContactInput;
  if (kind === 'phone') {
    if (!typed.trim()) return { ok: false, status: 422, errors: { phone: m(lang, 'phoneRequired') } };
    const p = checkMobile(lang, typed);
    if (!p.ok) return { ok: false, status: 422, errors: { phone: p.message } };
    contact = { kind, value: p.value };
  } else {
    const e = checkEmail(lang, typed);
    if (!e.ok) return { ok: false, status: 422, errors: { email: e.message } };
    contact = { kind, value: e.value };
  }
  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  if (contacts.some((c) => c.verifiedAt && c.kind === contact.kind && c.value === contact.value)) return { ok: false, status: 409, errors: { [field]: m(lang, 'contactOwn') } };
  const owner = await findCitizenByVerifiedContact(ctx.db, ctx.cipher, contact);
  if (owner && owner !== citizenId) return { ok: false, status: 409, errors: { [field]: m(lang, 'contactOtherAccount') } };
  const limit = await hitLimit(ctx.db, `contact-change:${citizenId}`, CHANGE_REQUESTS_PER_HOUR, 3600, now);
  if (!limit.allowed) return { ok: false, status: 429, errors: { [field]: t(lang, 'tooManyRequests', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) } };

  let notificationId: string;
  try {
    notificationId = await ctx.db.transaction(async (tx) => {
      // Earlier unconfirmed contacts of this flow whose codes no longer count toward any limit.
      await tx.query(
        `delete from citizen_contacts cc where cc.citizen_id = $1 and cc.verified_at is null
            and exists (select 1 from otp_challenges ch where ch.contact_id = cc.id and ch.purpose = 'contact_change')
            and not exists (select 1 from otp_challenges ch where ch.contact_id = cc.id and ch.created_at > $2)`,
        [citizenId, new Date(now.getTime() - 3_600_000)],
      );
      const { rows } = await tx.query<{ id: string }>(
        'select id from citizen_contacts where citizen_id = $1 and kind = $2 and value_index = $3 and verified_at is null order by created_at desc limit 1',
        [citizenId, contact.kind, contactIndex(ctx.cipher, contact.kind, contact.value)],
      );
      const contactId = rows[0]?.id ?? (await insertContact(tx, ctx.cipher, citizenId, contact, false));
      const id = await sendCode(ctx, tx, citizenId, contactId, contact, lang, now);
      await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.contact.add_request', subjectType: 'citizen', subjectId: citizenId, details: { kind: contact.kind } }, now);
      return id;
    });
  } catch (error) {
    if (error instanceof NotIssued) return { ok: false, status: 429, errors: { [field]: waitMessage(lang, error.issued) } };
    throw error;
  }
  await kickDelivery(ctx.jobs, notificationId);
  return { ok: true };
}

export type SimpleResult = { ok: true } | { ok: false; status: 404 | 409 | 422 | 429; message: string };

/** «Получить новый код» for the pending contact. */
export async function resendContactCode(ctx: AppContext, citizenId: string, lang: Lang, now = new Date()): Promise<SimpleResult> {
  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  const p = await pendingRow(ctx, citizenId, contacts);
  if (!p) return { ok: false, status: 404, message: t(lang, 'codeExpired') };
  let id: string;
  try {
    id = await ctx.db.transaction((tx) => sendCode(ctx, tx, citizenId, p.contact.id, p.contact, lang, now));
  } catch (error) {
    if (error instanceof NotIssued) return { ok: false, status: 429, message: waitMessage(lang, error.issued) };
    throw error;
  }
  await kickDelivery(ctx.jobs, id);
  return { ok: true };
}

export type ConfirmContactResult = { ok: true; replaced: boolean } | { ok: false; status: 404 | 409 | 422; message: string };

/** The code confirms the pending contact; it replaces the confirmed contact of the same kind. */
export async function confirmContactChange(ctx: AppContext, citizenId: string, code: string, lang: Lang, now = new Date()): Promise<ConfirmContactResult> {
  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  const p = await pendingRow(ctx, citizenId, contacts);
  if (!p) return { ok: false, status: 404, message: t(lang, 'codeExpired') };
  const trimmed = code.replace(/\s+/g, '');
  if (!trimmed) return { ok: false, status: 422, message: p.contact.kind === 'phone' ? t(lang, 'codeRequired') : m(lang, 'codeRequiredEmail') };
  if (!/^\d{6}$/.test(trimmed)) return { ok: false, status: 422, message: t(lang, 'codeFormat') };
  try {
    return await ctx.db.transaction(async (tx): Promise<ConfirmContactResult> => {
      const v = await verifyChallenge(tx, ctx.config.secrets.sessionSecret, { citizenId, purpose: 'contact_change' }, trimmed, now);
      if (!v.ok) {
        const message = v.reason === 'wrong' ? t(lang, 'codeWrong', { left: v.attemptsLeft }) : v.reason === 'expired' ? t(lang, 'codeExpired') : t(lang, 'codeBurned');
        return { ok: false, status: v.reason === 'missing' ? 404 : 422, message };
      }
      if (v.contactId !== p.contact.id) return { ok: false, status: 404, message: t(lang, 'codeExpired') };
      const owner = await findCitizenByVerifiedContact(tx, ctx.cipher, p.contact);
      if (owner && owner !== citizenId) return { ok: false, status: 409, message: m(lang, 'contactOtherAccount') };
      const { rows } = await tx.query<{ id: string }>('delete from citizen_contacts where citizen_id = $1 and kind = $2 and verified_at is not null and id <> $3 returning id', [
        citizenId,
        p.contact.kind,
        p.contact.id,
      ]);
      await markContactVerified(tx, p.contact.id, now);
      await appendAudit(
        tx,
        { actorType: 'citizen', actorId: citizenId, action: 'citizen.contact.change', subjectType: 'citizen', subjectId: citizenId, details: { kind: p.contact.kind, replaced: rows.length > 0 } },
        now,
      );
      return { ok: true, replaced: rows.length > 0 };
    });
  } catch (error) {
    // Confirmed by another account between the check and the commit.
    if (isUniqueViolation(error)) return { ok: false, status: 409, message: m(lang, 'contactOtherAccount') };
    throw error;
  }
}

/** «Отменить изменение»: the pending code stops working; the unconfirmed row stays until its codes leave the hourly window. */
export async function cancelContactChange(ctx: AppContext, citizenId: string, now = new Date()): Promise<boolean> {
  const { rows } = await ctx.db.query<{ id: string }>(
    "update otp_challenges set consumed_at = $2 where citizen_id = $1 and purpose = 'contact_change' and consumed_at is null returning id",
    [citizenId, now],
  );
  if (rows.length === 0) return false;
  await appendAudit(ctx.db, { actorType: 'citizen', actorId: citizenId, action: 'citizen.contact.cancel', subjectType: 'citizen', subjectId: citizenId }, now);
  return true;
}

/** Removes a confirmed contact of this citizen; the last confirmed one is refused. Another citizen's id is «not found». */
export async function removeContact(ctx: AppContext, citizenId: string, contactId: string, lang: Lang, now = new Date()): Promise<SimpleResult> {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return { ok: false, status: 404, message: '' };
  return ctx.db.transaction(async (tx): Promise<SimpleResult> => {
    const { rows } = await tx.query<{ id: string; kind: ContactKind; verified_at: Date | null }>(
      'select id, kind, verified_at from citizen_contacts where citizen_id = $1 order by created_at for update',
      [citizenId],
    );
    const target = rows.find((r) => r.id === contactId && r.verified_at);
    if (!target) return { ok: false, status: 404, message: '' };
    if (rows.filter((r) => r.verified_at).length <= 1) return { ok: false, status: 409, message: m(lang, 'lastContact') };
    await tx.query('delete from citizen_contacts where id = $1 and citizen_id = $2', [contactId, citizenId]);
    await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.contact.remove', subjectType: 'citizen', subjectId: citizenId, details: { kind: target.kind } }, now);
    return { ok: true };
  });
}
