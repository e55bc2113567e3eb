/**
 * Step 1 of the citizen journey: a simplified account from a surname, a first
 * name and a phone (SMS code) or an e-mail (link), then a password.
 *
 * A contact that already belongs to an account is never revealed on screen:
 * the journey looks the same, and the message that arrives tells the owner
 * they already have an account (sign in or recover access).
 */
import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { checkPassword } from '../../platform/password-policy.js';
import { hashPassword } from '../../platform/passwords.js';
import { hitLimit } from '../../platform/rate-limit.js';
import { enqueueNotification, kickDelivery } from '../notifications/index.js';
import {
  activateCitizen,
  contactIndex,
  findCitizenByVerifiedContact,
  getCitizen,
  insertCitizen,
  insertContact,
  isUniqueViolation,
  listContacts,
  markContactVerified,
  setCitizenPassword,
} from './identity.repository.js';
import { identityMessages as t } from './identity.messages.js';
import { issueChallenge, latestChallenge, OTP_POLICY, verifyChallenge } from './otp.js';
import { checkName, cleanText, normaliseName, parseContact, type ContactInput, type FieldErrors } from './personal-data.js';

export interface StartInput {
  lastName: string;
  firstName: string;
  phone: string;
  email: string;
  lang: Lang;
  ip: string;
  eventCode?: string | null;
}

export type StartResult = { ok: true; registrationId: string; channel: 'phone' | 'email' } | { ok: false; errors: FieldErrors; status: 422 | 429 };

const REGISTRATIONS_PER_IP_PER_HOUR = 20;

export async function startRegistration(ctx: AppContext, input: StartInput, now = new Date()): Promise<StartResult> {
  const lang = input.lang;
  const errors: FieldErrors = {};
  const lastName = normaliseName(cleanText(input.lastName));
  const firstName = normaliseName(cleanText(input.firstName));
  const ln = checkName(lang, lastName, 'lastName');
  if (ln) errors.lastName = ln;
  const fn = checkName(lang, firstName, 'firstName');
  if (fn) errors.firstName = fn;
  const { contact, errors: contactErrors } = parseContact(lang, input.phone, input.email);
  Object.assign(errors, contactErrors);
  if (Object.keys(errors).length || !contact) return { ok: false, errors, status: 422 };

  const limit = await hitLimit(ctx.db, `register-ip:${input.ip}`, REGISTRATIONS_PER_IP_PER_HOUR, 3600, now);
  if (!limit.allowed) return { ok: false, errors: { lastName: t(lang, 'tooManyRequests', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) }, status: 429 };

  const existing = await findCitizenByVerifiedContact(ctx.db, ctx.cipher, contact);
  const outcome = await ctx.db.transaction(async (tx) => {
    const citizenId = await insertCitizen(tx, ctx.cipher, { lastName, firstName, status: 'pending', eventCode: input.eventCode ?? null });
    const contactId = await insertContact(tx, ctx.cipher, citizenId, contact, false);
    const issued = await issueChallenge(
      tx,
      ctx.config.secrets.sessionSecret,
      { purpose: 'registration', citizenId, contactId, channel: contact.kind, contactValueIndex: contactIndex(ctx.cipher, contact.kind, contact.value) },
      now,
    );
    if (!issued.ok) return { issued, citizenId, notificationId: null };
    const notificationId = await enqueueRegistrationMessage(tx, ctx, { contact, issued, alreadyRegistered: Boolean(existing), lang, citizenId });
    await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.registration.start', subjectType: 'citizen', subjectId: citizenId, details: { channel: contact.kind } }, now);
    return { issued, citizenId, notificationId };
  });
  if (!outcome.issued.ok) {
    const seconds = outcome.issued.retryAfterSeconds;
    return {
      ok: false,
      status: 429,
      errors: { [contact.kind]: outcome.issued.reason === 'too_soon' ? resendWaitMessage(lang, seconds) : t(lang, 'resendHourly', { minutes: Math.ceil(seconds / 60) }) },
    };
  }
  await kickDelivery(ctx.jobs, outcome.notificationId!);
  return { ok: true, registrationId: outcome.citizenId, channel: contact.kind };
}

/**
 * The message of a registration step: the SMS code or the e-mail link — or, when the
 * contact already belongs to an account, a note to its owner instead (nothing on screen differs).
 */
function enqueueRegistrationMessage(
  tx: Queryable,
  ctx: AppContext,
  m: { contact: ContactInput; issued: { challengeId: string; secret: string }; alreadyRegistered: boolean; lang: Lang; citizenId: string },
): Promise<string> {
  const { contact, issued } = m;
  return enqueueNotification(tx, ctx.cipher, {
    channel: contact.kind === 'phone' ? 'sms' : 'email',
    to: contact.value,
    template: m.alreadyRegistered ? 'already_registered' : contact.kind === 'phone' ? 'registration_code' : 'registration_link',
    vars: m.alreadyRegistered
      ? { link: `${ctx.config.publicUrl}/login` }
      : contact.kind === 'phone'
        ? { code: issued.secret }
        : { link: `${ctx.config.publicUrl}/register/email/${issued.challengeId}/${issued.secret}` },
    lang: m.lang,
    citizenId: m.citizenId,
  });
}

export function resendWaitMessage(lang: Lang, seconds: number): string {
  return t(lang, 'resendWait', { seconds, unit: secondsUnit(lang, seconds) });
}

export function secondsUnit(lang: Lang, n: number): string {
  if (lang === 'en') return n === 1 ? 'second' : 'seconds';
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'секунду';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'секунды';
  return 'секунд';
}

export interface RegistrationState {
  registrationId: string;
  status: 'pending' | 'active' | 'deleted';
  contact: ContactInput & { verified: boolean; id: string };
  /** seconds until a new code may be requested (0 = now) */
  resendInSeconds: number;
}

export async function registrationState(ctx: AppContext, registrationId: string, now = new Date()): Promise<RegistrationState | null> {
  const citizen = await getCitizen(ctx.db, ctx.cipher, registrationId).catch(() => null);
  if (!citizen || citizen.status === 'deleted') return null;
  const contacts = await listContacts(ctx.db, ctx.cipher, registrationId);
  const c = contacts[0];
  if (!c) return null;
  const last = await latestChallenge(ctx.db, registrationId, 'registration');
  const resendInSeconds = last ? Math.max(0, Math.ceil((last.createdAt.getTime() + OTP_POLICY.resendAfterMs - now.getTime()) / 1000)) : 0;
  return { registrationId, status: citizen.status, contact: { kind: c.kind, value: c.value, verified: Boolean(c.verifiedAt), id: c.id }, resendInSeconds };
}

export type ResendResult = { ok: true } | { ok: false; message: string; status: 404 | 429 };

export async function resendRegistrationCode(ctx: AppContext, registrationId: string, lang: Lang, now = new Date()): Promise<ResendResult> {
  const state = await registrationState(ctx, registrationId, now);
  if (!state || state.status !== 'pending' || state.contact.verified) return { ok: false, status: 404, message: t(lang, 'linkInvalid') };
  const contact = state.contact;
  const existing = await findCitizenByVerifiedContact(ctx.db, ctx.cipher, contact);
  const res = await ctx.db.transaction(async (tx) => {
    const issued = await issueChallenge(
      tx,
      ctx.config.secrets.sessionSecret,
      { purpose: 'registration', citizenId: registrationId, contactId: contact.id, channel: contact.kind, contactValueIndex: contactIndex(ctx.cipher, contact.kind, contact.value) },
      now,
    );
    if (!issued.ok) return { issued, id: null };
    const id = await enqueueRegistrationMessage(tx, ctx, { contact, issued, alreadyRegistered: Boolean(existing), lang, citizenId: registrationId });
    return { issued, id };
  });
  if (!res.issued.ok) {
    const s = res.issued.retryAfterSeconds;
    return { ok: false, status: 429, message: res.issued.reason === 'too_soon' ? resendWaitMessage(lang, s) : t(lang, 'resendHourly', { minutes: Math.ceil(s / 60) }) };
  }
  await kickDelivery(ctx.jobs, res.id!);
  return { ok: true };
}

export type ConfirmResult = { ok: true } | { ok: false; field: 'code'; message: string; status: 404 | 409 | 422 };

/** The SMS code (or the e-mail link's token) confirms the contact of a registration in progress. */
export async function confirmRegistrationContact(
  ctx: AppContext,
  registrationId: string,
  code: string,
  lang: Lang,
  by?: { challengeId: string },
  now = new Date(),
): Promise<ConfirmResult> {
  const trimmed = code.replace(/\s+/g, '');
  if (!by) {
    if (!trimmed) return { ok: false, field: 'code', message: t(lang, 'codeRequired'), status: 422 };
    if (!/^\d{6}$/.test(trimmed)) return { ok: false, field: 'code', message: t(lang, 'codeFormat'), status: 422 };
  }
  try {
    return await ctx.db.transaction(async (tx): Promise<ConfirmResult> => {
      const { rows } = await tx.query<{ status: string }>('select status from citizens where id = $1', [registrationId]);
      if (rows[0]?.status !== 'pending') return { ok: false, field: 'code', message: t(lang, 'linkInvalid'), status: 404 };
      const v = await verifyChallenge(tx, ctx.config.secrets.sessionSecret, by ?? { citizenId: registrationId, purpose: 'registration' }, trimmed, now);
      if (!v.ok) {
        const message =
          v.reason === 'wrong' ? t(lang, 'codeWrong', { left: v.attemptsLeft }) : v.reason === 'expired' ? t(lang, 'codeExpired') : v.reason === 'burned' ? t(lang, 'codeBurned') : t(lang, 'linkInvalid');
        return { ok: false, field: 'code', message, status: v.reason === 'missing' ? 404 : 422 };
      }
      if (v.citizenId !== registrationId) return { ok: false, field: 'code', message: t(lang, 'linkInvalid'), status: 404 };
      await markContactVerified(tx, v.contactId!, now);
      await appendAudit(tx, { actorType: 'citizen', actorId: registrationId, action: 'citizen.registration.contact_confirmed', subjectType: 'citizen', subjectId: registrationId }, now);
      return { ok: true };
    });
  } catch (error) {
    // The contact was confirmed by another account in the meantime.
    if (isUniqueViolation(error)) return { ok: false, field: 'code', message: t(lang, 'contactTaken'), status: 409 };
    throw error;
  }
}

export type CompleteResult = { ok: true; citizenId: string } | { ok: false; errors: FieldErrors; status: 404 | 409 | 422 };

/** The password (entered twice) finishes registration: the account becomes active at level «упрощённая». */
export async function completeRegistration(ctx: AppContext, registrationId: string, password: string, confirmation: string, lang: Lang, now = new Date()): Promise<CompleteResult> {
  const citizen = await getCitizen(ctx.db, ctx.cipher, registrationId).catch(() => null);
  if (!citizen || citizen.status !== 'pending') return { ok: false, status: 404, errors: { password: t(lang, 'linkInvalid') } };
  const contact = (await listContacts(ctx.db, ctx.cipher, registrationId))[0];
  if (!contact?.verifiedAt) return { ok: false, status: 409, errors: { password: t(lang, 'linkInvalid') } };
  const state = { contact: { kind: contact.kind, value: contact.value } };
  const verdict = checkPassword(lang, password, [citizen.lastName, citizen.firstName, contact.value.split('@')[0] ?? '']);
  const errors: FieldErrors = {};
  if (!verdict.ok) errors.password = verdict.message!;
  else if (password !== confirmation) errors.passwordConfirmation = t(lang, 'passwordRepeat');
  if (Object.keys(errors).length) return { ok: false, status: 422, errors };
  const hash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await setCitizenPassword(tx, registrationId, hash);
    await activateCitizen(tx, registrationId, now);
    await appendAudit(tx, { actorType: 'citizen', actorId: registrationId, action: 'citizen.register', subjectType: 'citizen', subjectId: registrationId, details: { level: 'simplified', channel: state.contact.kind } }, now);
  });
  return { ok: true, citizenId: registrationId };
}
