/**
 * «Зарегистрировать» at the desk: the operator has seen the passport and the
 * SNILS in person, so the account is created ACTIVE at level «подтверждённая»
 * at once, with the phone confirmed (the one-time password goes there), the
 * personal data encrypted, the centre and operator recorded, the municipality
 * set to the centre's, and a one-time password by SMS that must be changed at
 * the first sign-in. The registry checks are queued all the same.
 *
 * One account per SNILS: an existing one is named (its card), not duplicated;
 * a phone confirmed on another account is refused.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { hashPassword } from '../../platform/passwords.js';
import { enqueueNotification, kickDelivery, maskRecipient } from '../notifications/index.js';
import { kickRegistryChecks, requestRegistryChecks } from '../verification/index.js';
import {
  activateCitizen,
  findCitizenByVerifiedContact,
  findCitizenIdsBySnils,
  insertCitizen,
  insertContact,
  isUniqueViolation,
  savePersonalData,
  setCitizenPassword,
  setLevel,
} from '../identity/identity.repository.js';
import { checkEmail, checkMobile, cleanText, parsePersonalData, type FieldErrors, type PersonalDataForm } from '../identity/personal-data.js';
import { deskAudit, type Desk } from './desk.js';
import { generateOneTimePassword } from './one-time-password.js';
import { operatorMessages as t } from './operator.messages.js';
import { nameEmptyFields } from './required-fields.js';
import { linkVisitResult } from '../reception/visits/serve-visitor.js';

export type DeskRegistrationForm = PersonalDataForm & { phone?: string; email?: string; eventCode?: string; visit?: string };

export type DeskRegistrationResult =
  | { ok: true; citizenId: string; maskedPhone: string; visitId?: string }
  | { ok: false; status: 409 | 422; errors: FieldErrors; existingCitizenId?: string };

const EVENT_CODE_RE = /^[A-Za-zА-ЯЁа-яё0-9][A-Za-zА-ЯЁа-яё0-9_-]{0,39}$/;

/** The reception module's visit id, passed through to the audit record when it looks like one. */
export function cleanVisit(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : null;
}

export async function registerAtDesk(ctx: AppContext, desk: Desk, form: DeskRegistrationForm, lang: Lang, now = new Date()): Promise<DeskRegistrationResult> {
  const { data, errors } = parsePersonalData(lang, form, now);
  const phoneRaw = cleanText(form.phone);
  let phone: string | null = null;
  if (!phoneRaw) errors.phone = t(lang, 'phoneRequired');
  else {
    const p = checkMobile(lang, phoneRaw);
    if (p.ok) phone = p.value;
    else errors.phone = p.message;
  }
  let email: string | null = null;
  if (cleanText(form.email)) {
    const e = checkEmail(lang, cleanText(form.email));
    if (e.ok) email = e.value;
    else errors.email = e.message;
  }
  const eventCode = cleanText(form.eventCode) || null;
  if (eventCode && !EVENT_CODE_RE.test(eventCode)) errors.eventCode = t(lang, 'eventCodeInvalid');
  if (!data || !phone || Object.keys(errors).length) return { ok: false, status: 422, errors: nameEmptyFields(lang, form, errors) };

  const existing = await findCitizenIdsBySnils(ctx.db, ctx.cipher, data.snils);
  if (existing[0]) return { ok: false, status: 409, errors: { snils: t(lang, 'snilsRegistered') }, existingCitizenId: existing[0] };
  if (await findCitizenByVerifiedContact(ctx.db, ctx.cipher, { kind: 'phone', value: phone })) return { ok: false, status: 409, errors: { phone: t(lang, 'phoneTaken') } };
  if (email && (await findCitizenByVerifiedContact(ctx.db, ctx.cipher, { kind: 'email', value: email }))) return { ok: false, status: 409, errors: { email: t(lang, 'emailTaken') } };

  const password = generateOneTimePassword();
  const hash = await hashPassword(password);
  const visit = cleanVisit(form.visit);
  const { centre, actor } = desk;
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const citizenId = await insertCitizen(tx, ctx.cipher, {
        lastName: data.lastName,
        firstName: data.firstName,
        middleName: data.middleName,
        status: 'active',
        level: 'confirmed',
        municipalityId: centre.municipalityId,
        registeredAtCentreId: centre.id,
        registeredByStaffId: actor.id,
        eventCode,
      });
      await activateCitizen(tx, citizenId, now);
      await setLevel(tx, citizenId, 'confirmed', now, { centreId: centre.id, staffId: actor.id });
      await setCitizenPassword(tx, citizenId, hash, true);
      await insertContact(tx, ctx.cipher, citizenId, { kind: 'phone', value: phone }, true);
      if (email) await insertContact(tx, ctx.cipher, citizenId, { kind: 'email', value: email }, false);
      const version = await savePersonalData(tx, ctx.cipher, citizenId, data);
      await requestRegistryChecks(tx, citizenId, version);
      const notificationId = await enqueueNotification(tx, ctx.cipher, {
        channel: 'sms',
        to: phone,
        template: 'desk_one_time_password',
        vars: { password },
        lang,
        citizenId,
      });
      await appendAudit(
        tx,
        deskAudit(desk, 'staff.citizen.register', citizenId, {
          level: 'confirmed',
          dataVersion: version,
          emailGiven: Boolean(email),
          ...(eventCode ? { eventCode } : {}),
          ...(visit ? { visitId: visit } : {}),
        }),
        now,
      );
      const visitLinked = visit ? await linkVisitResult(tx, { visitId: visit, staffUserId: actor.id, result: 'registered', citizenId }, now) : false;
      return { citizenId, version, notificationId, visitLinked };
    });
    await kickDelivery(ctx.jobs, out.notificationId);
    // If the kick is lost, verification.resume finds the queued checks.
    await kickRegistryChecks(ctx.jobs, out.citizenId, out.version).catch(() => null);
    return { ok: true, citizenId: out.citizenId, maskedPhone: maskRecipient('sms', phone), ...(out.visitLinked && visit ? { visitId: visit } : {}) };
  } catch (error) {
    // Someone registered the same SNILS or confirmed the phone in the meantime.
    if (isUniqueViolation(error, 'citizen_personal_data_snils_unique')) {
      const again = await findCitizenIdsBySnils(ctx.db, ctx.cipher, data.snils);
      return { ok: false, status: 409, errors: { snils: t(lang, 'snilsRegistered') }, ...(again[0] ? { existingCitizenId: again[0] } : {}) };
    }
    if (isUniqueViolation(error, 'citizen_contacts_verified_unique')) return { ok: false, status: 409, errors: { phone: t(lang, 'phoneTaken') } };
    throw error;
  }
}
