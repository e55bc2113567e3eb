/**
 * «Подтвердить личность»: the operator re-enters the passport series and
 * number from the document shown; when they match the stored data, the account
 * becomes «подтверждённая» (centre, operator and time recorded), and the
 * citizen gets `account_confirmed`. A mismatch is refused and audited; three
 * within an hour lock the check for that account for an hour. The citizen's
 * sessions are kept (their level is read on every request).
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { formatDateTime, type Lang } from '../../platform/i18n.js';
import { enqueueNotification, kickDelivery } from '../notifications/index.js';
import { listContacts, lockCitizen, setLevel, setMunicipalityIfMissing, type ContactRow } from '../identity/identity.repository.js';
import type { FieldErrors } from '../identity/personal-data.js';
import { regionTimeZone } from '../territory/territory.repository.js';
import { deskAudit, type Desk } from './desk.js';
import { confirmationBlocker, loadAccountState, type IneligibleReason } from './eligibility.js';
import { operatorMessages as t } from './operator.messages.js';
import { parsePassportEntry, passportLock, passportMatches } from './passport-check.js';
import { linkVisitResult } from '../reception/visits/serve-visitor.js';

export type PassportCheckResult =
  | { ok: true; visitId?: string }
  | { ok: false; status: 404 | 409; reason: IneligibleReason }
  | { ok: false; status: 422 | 429; errors: FieldErrors };

/** The confirmed contact a notice goes to: the phone, else the e-mail. */
export function noticeContact(contacts: readonly ContactRow[]): ContactRow | null {
  const confirmed = contacts.filter((c) => c.verifiedAt);
  return confirmed.find((c) => c.kind === 'phone') ?? confirmed[0] ?? null;
}

/** The message for a refused passport entry, and the audit of the mismatch. Shared with restoring access. */
export async function refusePassport(ctx: AppContext, desk: Desk, citizenId: string, action: string, lang: Lang, now: Date): Promise<{ status: 422 | 429; errors: FieldErrors }> {
  await appendAudit(ctx.db, deskAudit(desk, action, citizenId, { reason: 'passport_mismatch' }), now);
  const lock = await passportLock(ctx.db, citizenId, now);
  if (lock.locked) return { status: 429, errors: { passportSeries: lockedMessage(lang, lock.until!, await regionTimeZone(ctx.db, desk.centre.regionId)) } };
  return { status: 422, errors: { passportSeries: t(lang, 'passportMismatch', { left: lock.attemptsLeft }) } };
}

export function lockedMessage(lang: Lang, until: Date, timeZone: string): string {
  return t(lang, 'passportLocked', { time: formatDateTime(lang, until, timeZone) });
}

/** Before comparing: is the check locked for this account? */
export async function lockedErrors(ctx: AppContext, desk: Desk, citizenId: string, lang: Lang, now: Date): Promise<FieldErrors | null> {
  const lock = await passportLock(ctx.db, citizenId, now);
  if (!lock.locked) return null;
  return { passportSeries: lockedMessage(lang, lock.until!, await regionTimeZone(ctx.db, desk.centre.regionId)) };
}

export async function confirmIdentity(
  ctx: AppContext,
  desk: Desk,
  citizenId: string,
  input: { passportSeries: string; passportNumber: string; visit?: string | null },
  lang: Lang,
  now = new Date(),
): Promise<PassportCheckResult> {
  const state = await loadAccountState(ctx, citizenId);
  const blocker = confirmationBlocker(state);
  if (blocker || !state?.pd) return { ok: false, status: blocker === 'not_found' ? 404 : 409, reason: blocker ?? 'no_personal_data' };
  const { entry, errors } = parsePassportEntry(lang, input.passportSeries, input.passportNumber);
  if (!entry) return { ok: false, status: 422, errors };
  const locked = await lockedErrors(ctx, desk, citizenId, lang, now);
  if (locked) return { ok: false, status: 429, errors: locked };
  if (!passportMatches(state.pd.data.passport, entry)) return { ok: false, ...(await refusePassport(ctx, desk, citizenId, 'staff.citizen.confirm_refused', lang, now)) };

  const contact = noticeContact(await listContacts(ctx.db, ctx.cipher, citizenId));
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await lockCitizen(tx, citizenId);
    // Re-checked under the row lock: two desks cannot confirm twice.
    if (!row || row.status !== 'active' || row.level === 'confirmed') return { ok: false as const };
    await setLevel(tx, citizenId, 'confirmed', now, { centreId: desk.centre.id, staffId: desk.actor.id });
    await setMunicipalityIfMissing(tx, citizenId, desk.centre.municipalityId);
    const notificationId = contact
      ? await enqueueNotification(tx, ctx.cipher, {
          channel: contact.kind === 'phone' ? 'sms' : 'email',
          to: contact.value,
          template: 'account_confirmed',
          vars: { centre: desk.centre.name },
          lang,
          citizenId,
        })
      : null;
    await appendAudit(tx, deskAudit(desk, 'staff.citizen.confirm', citizenId, { level: 'confirmed', previousLevel: row.level, dataVersion: state.pd!.version, ...(input.visit ? { visitId: input.visit } : {}) }), now);
    const visitLinked = input.visit ? await linkVisitResult(tx, { visitId: input.visit, staffUserId: desk.actor.id, result: 'confirmed', citizenId }, now) : false;
    return { ok: true as const, notificationId, visitLinked };
  });
  if (!outcome.ok) return { ok: false, status: 409, reason: 'already_confirmed' };
  if (outcome.notificationId) await kickDelivery(ctx.jobs, outcome.notificationId);
  return outcome.visitLinked && input.visit ? { ok: true, visitId: input.visit } : { ok: true };
}
