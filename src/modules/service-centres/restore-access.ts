/**
 * «Восстановить доступ»: after the passport check (series + number re-entered,
 * must match; mismatches count toward the same lock as confirmation), a new
 * one-time password goes by SMS to the confirmed phone or to a new phone the
 * citizen gives (which replaces the old one and becomes confirmed). The
 * password must be changed at the next sign-in; every session of the citizen
 * ends; earlier codes stop working; `access_restored` goes to the contacts
 * confirmed before (so the owner learns of it even if the phone changed).
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { hashPassword } from '../../platform/passwords.js';
import { resetLimit } from '../../platform/rate-limit.js';
import { enqueueNotification, kickDelivery, maskRecipient } from '../notifications/index.js';
import {
  deleteContactsOfKind,
  findCitizenByVerifiedContact,
  insertContact,
  isUniqueViolation,
  listContacts,
  lockCitizen,
  retireChallenges,
  setCitizenPassword,
} from '../identity/identity.repository.js';
import { checkMobile, cleanText, type FieldErrors } from '../identity/personal-data.js';
import { lockedErrors, refusePassport, type PassportCheckResult } from './confirm-identity.js';
import { deskAudit, type Desk } from './desk.js';
import { loadAccountState, restoreBlocker } from './eligibility.js';
import { generateOneTimePassword } from './one-time-password.js';
import { operatorMessages as t } from './operator.messages.js';
import { parsePassportEntry, passportMatches } from './passport-check.js';

export interface RestoreInput {
  passportSeries: string;
  passportNumber: string;
  /** 'current' (the confirmed phone) or 'new' */
  sendTo: string;
  newPhone: string;
}

export type RestoreResult = (PassportCheckResult & { ok: false }) | { ok: true; maskedPhone: string };

export async function restoreAccess(ctx: AppContext, desk: Desk, citizenId: string, input: RestoreInput, lang: Lang, now = new Date()): Promise<RestoreResult> {
  const state = await loadAccountState(ctx, citizenId);
  const blocker = restoreBlocker(state);
  if (blocker || !state?.pd) return { ok: false, status: blocker === 'not_found' ? 404 : 409, reason: blocker ?? 'no_personal_data' };

  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  const currentPhone = contacts.find((c) => c.kind === 'phone' && c.verifiedAt) ?? null;
  const { entry, errors } = parsePassportEntry(lang, input.passportSeries, input.passportNumber);
  const wantsNew = input.sendTo === 'new' || !currentPhone;
  let newPhone: string | null = null;
  const phoneErrors: FieldErrors = {};
  if (wantsNew) {
    if (!cleanText(input.newPhone)) phoneErrors.newPhone = t(lang, 'newPhoneRequired');
    else {
      const p = checkMobile(lang, input.newPhone);
      if (!p.ok) phoneErrors.newPhone = p.message;
      else {
        newPhone = p.value;
        const owner = await findCitizenByVerifiedContact(ctx.db, ctx.cipher, { kind: 'phone', value: newPhone });
        if (owner && owner !== citizenId) phoneErrors.newPhone = t(lang, 'phoneTaken');
      }
    }
  }
  if (!entry || Object.keys(phoneErrors).length) return { ok: false, status: 422, errors: { ...errors, ...phoneErrors } };
  const locked = await lockedErrors(ctx, desk, citizenId, lang, now);
  if (locked) return { ok: false, status: 429, errors: locked };
  if (!passportMatches(state.pd.data.passport, entry)) return { ok: false, ...(await refusePassport(ctx, desk, citizenId, 'staff.citizen.restore_refused', lang, now)) };

  const target = newPhone ?? currentPhone!.value;
  const phoneChanged = Boolean(newPhone && newPhone !== currentPhone?.value);
  const password = generateOneTimePassword();
  const hash = await hashPassword(password);
  // Everyone who could be reached before hears of it; with no contact at all, the new phone.
  const informed = contacts.filter((c) => c.verifiedAt).map((c) => ({ kind: c.kind, value: c.value }));
  if (informed.length === 0) informed.push({ kind: 'phone', value: target });
  try {
    const ids = await ctx.db.transaction(async (tx) => {
      const row = await lockCitizen(tx, citizenId);
      if (!row || row.status !== 'active') return null;
      if (phoneChanged) {
        await deleteContactsOfKind(tx, citizenId, 'phone');
        await insertContact(tx, ctx.cipher, citizenId, { kind: 'phone', value: target }, true);
      }
      await setCitizenPassword(tx, citizenId, hash, true);
      await retireChallenges(tx, citizenId, now);
      const out: string[] = [];
      out.push(await enqueueNotification(tx, ctx.cipher, { channel: 'sms', to: target, template: 'desk_one_time_password', vars: { password }, lang, citizenId }));
      for (const c of informed) {
        out.push(
          await enqueueNotification(tx, ctx.cipher, {
            channel: c.kind === 'phone' ? 'sms' : 'email',
            to: c.value,
            template: 'access_restored',
            vars: { centre: desk.centre.name },
            lang,
            citizenId,
          }),
        );
      }
      await appendAudit(tx, deskAudit(desk, 'staff.citizen.restore', citizenId, { phoneChanged, channel: 'sms' }), now);
      return out;
    });
    if (!ids) return { ok: false, status: 409, reason: 'not_active' };
    await ctx.sessions.destroyAllForCitizen(citizenId);
    await resetLimit(ctx.db, `citizen-login:${citizenId}`);
    for (const id of ids) await kickDelivery(ctx.jobs, id);
    return { ok: true, maskedPhone: maskRecipient('sms', target) };
  } catch (error) {
    if (isUniqueViolation(error, 'citizen_contacts_verified_unique')) return { ok: false, status: 422, errors: { newPhone: t(lang, 'phoneTaken') } };
    throw error;
  }
}
