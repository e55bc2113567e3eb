/**
 * Citizen sign-in by phone, e-mail or SNILS with the password, and access
 * recovery by a code sent to a confirmed phone or e-mail. Neither ever tells
 * whether an account exists: the same answer, the same timing.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { checkSnils } from '../../platform/identifiers/index.js';
import type { Lang } from '../../platform/i18n.js';
import { checkPassword } from '../../platform/password-policy.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { hitLimit, peekLimit, resetLimit } from '../../platform/rate-limit.js';
import { enqueueNotification, kickDelivery } from '../notifications/index.js';
import { identityMessages as t } from './identity.messages.js';
import { contactIndex, findCitizenBySnils, findCitizenByVerifiedContact, getCitizen, listContacts, setCitizenPassword } from './identity.repository.js';
import { issueChallenge, verifyChallenge } from './otp.js';
import { checkEmail, checkMobile, type ContactInput, type FieldErrors } from './personal-data.js';

/** What a typed login could be: a phone, an e-mail, a SNILS (an 11-digit string may be either of the first and last). */
export function loginCandidates(login: string): Array<{ method: 'phone' | 'email' | 'snils'; value: string }> {
  const v = login.trim();
  const out: Array<{ method: 'phone' | 'email' | 'snils'; value: string }> = [];
  if (v.includes('@')) {
    const e = checkEmail('ru', v);
    if (e.ok) out.push({ method: 'email', value: e.value });
    return out;
  }
  const p = checkMobile('ru', v);
  if (p.ok) out.push({ method: 'phone', value: p.value });
  const s = checkSnils(v);
  if (s.valid) out.push({ method: 'snils', value: s.normalized });
  return out;
}

async function findByLogin(ctx: AppContext, login: string): Promise<{ citizenId: string; method: 'phone' | 'email' | 'snils' } | null> {
  for (const c of loginCandidates(login)) {
    const id = c.method === 'snils' ? await findCitizenBySnils(ctx.db, ctx.cipher, c.value) : await findCitizenByVerifiedContact(ctx.db, ctx.cipher, { kind: c.method, value: c.value });
    if (id) return { citizenId: id, method: c.method };
  }
  return null;
}

export type CitizenSignInResult = { ok: true; citizenId: string; mustChangePassword: boolean } | { ok: false; status: 401 | 422 | 429; errors: FieldErrors };

export async function signInCitizen(
  ctx: AppContext,
  input: { login: string; password: string; ip: string; userAgent?: string; lang: Lang },
  now = new Date(),
): Promise<CitizenSignInResult> {
  const { lang } = input;
  const errors: FieldErrors = {};
  if (!input.login.trim()) errors.login = t(lang, 'loginRequired');
  if (!input.password) errors.password = t(lang, 'passwordRequired');
  if (Object.keys(errors).length) return { ok: false, status: 422, errors };

  const windowSeconds = ctx.config.login.windowMinutes * 60;
  const keyOf = (s: string) => `citizen-login:${ctx.cipher.blindIndex(s.trim().toLowerCase(), 'login-throttle')}`;
  const found = await findByLogin(ctx, input.login);
  // Throttle per account when one matches, else per typed login (so guessing is throttled too).
  const key = found ? `citizen-login:${found.citizenId}` : keyOf(input.login);
  const ipKey = `citizen-login-ip:${input.ip}`;
  const [acc, ip] = await Promise.all([peekLimit(ctx.db, key, ctx.config.login.maxFailures, windowSeconds, now), peekLimit(ctx.db, ipKey, 100, windowSeconds, now)]);
  if (!acc.allowed || !ip.allowed) {
    return { ok: false, status: 429, errors: { login: t(lang, 'signInLocked', { minutes: Math.max(1, Math.ceil(Math.max(acc.retryAfterSeconds, ip.allowed ? 0 : ip.retryAfterSeconds) / 60)) }) } };
  }
  const citizen = found ? await getCitizen(ctx.db, ctx.cipher, found.citizenId) : null;
  const ok = await verifyPassword(citizen?.passwordHash ?? (await dummyHash()), input.password);
  if (!citizen || citizen.status !== 'active' || !ok) {
    await Promise.all([hitLimit(ctx.db, key, ctx.config.login.maxFailures, windowSeconds, now), hitLimit(ctx.db, ipKey, 100, windowSeconds, now)]);
    if (citizen) {
      await ctx.db.query('insert into citizen_sign_ins (citizen_id, at, success, method, user_agent) values ($1, $2, false, $3, $4)', [citizen.id, now, found!.method, input.userAgent?.slice(0, 300) ?? null]);
    }
    return { ok: false, status: 401, errors: { login: t(lang, 'signInFailed') } };
  }
  await resetLimit(ctx.db, key);
  await ctx.db.query('insert into citizen_sign_ins (citizen_id, at, success, method, user_agent) values ($1, $2, true, $3, $4)', [citizen.id, now, found!.method, input.userAgent?.slice(0, 300) ?? null]);
  await appendAudit(ctx.db, { actorType: 'citizen', actorId: citizen.id, action: 'citizen.sign_in', subjectType: 'citizen', subjectId: citizen.id, details: { method: found!.method } }, now);
  return { ok: true, citizenId: citizen.id, mustChangePassword: citizen.mustChangePassword };
}

/** Recovery, step 1: a code to the contact if it is a confirmed contact of an account; the same answer either way. */
export async function requestRecovery(ctx: AppContext, input: { contact: string; ip: string; lang: Lang }, now = new Date()): Promise<{ ok: true; challengeId: string } | { ok: false; status: 422 | 429; errors: FieldErrors }> {
  const { lang } = input;
  const v = input.contact.trim();
  let contact: ContactInput | null = null;
  if (v.includes('@')) {
    const e = checkEmail(lang, v);
    if (!e.ok) return { ok: false, status: 422, errors: { contact: e.message } };
    contact = { kind: 'email', value: e.value };
  } else {
    const p = checkMobile(lang, v);
    if (!p.ok) return { ok: false, status: 422, errors: { contact: v ? p.message : t(lang, 'contactRequired') } };
    contact = { kind: 'phone', value: p.value };
  }
  const ipLimit = await hitLimit(ctx.db, `recovery-ip:${input.ip}`, 20, 3600, now);
  if (!ipLimit.allowed) return { ok: false, status: 429, errors: { contact: t(lang, 'tooManyRequests', { minutes: Math.ceil(ipLimit.retryAfterSeconds / 60) }) } };

  const citizenId = await findCitizenByVerifiedContact(ctx.db, ctx.cipher, contact);
  const citizen = citizenId ? await getCitizen(ctx.db, ctx.cipher, citizenId) : null;
  if (!citizen || citizen.status !== 'active') {
    // A decoy challenge id: the next page looks the same and every code is "wrong".
    return { ok: true, challengeId: crypto.randomUUID() };
  }
  const contacts = await listContacts(ctx.db, ctx.cipher, citizen.id);
  const row = contacts.find((c) => c.kind === contact.kind && c.value === contact.value && c.verifiedAt)!;
  const res = await ctx.db.transaction(async (tx) => {
    const issued = await issueChallenge(tx, ctx.config.secrets.sessionSecret, { purpose: 'recovery', citizenId: citizen.id, contactId: row.id, channel: contact.kind, contactValueIndex: contactIndex(ctx.cipher, contact.kind, contact.value), format: 'code' }, now);
    if (!issued.ok) return { issued, id: null };
    const id = await enqueueNotification(tx, ctx.cipher, {
      channel: contact.kind === 'phone' ? 'sms' : 'email',
      to: contact.value,
      template: 'recovery_code',
      vars: { code: issued.secret },
      lang,
      citizenId: citizen.id,
    });
    await appendAudit(tx, { actorType: 'citizen', actorId: citizen.id, action: 'citizen.recovery.request', subjectType: 'citizen', subjectId: citizen.id, details: { channel: contact.kind } }, now);
    return { issued, id };
  });
  if (!res.issued.ok) return { ok: false, status: 429, errors: { contact: t(lang, 'tooManyRequests', { minutes: Math.ceil(res.issued.retryAfterSeconds / 60) }) } };
  await kickDelivery(ctx.jobs, res.id!);
  return { ok: true, challengeId: res.issued.challengeId };
}

/** Recovery, step 2: the code and a new password; every other session of the account ends. */
export async function completeRecovery(
  ctx: AppContext,
  input: { challengeId: string; code: string; password: string; confirmation: string; lang: Lang },
  now = new Date(),
): Promise<{ ok: true; citizenId: string } | { ok: false; status: 422; errors: FieldErrors }> {
  const { lang } = input;
  const code = input.code.replace(/\s+/g, '');
  const errors: FieldErrors = {};
  if (!code) errors.code = t(lang, 'codeRequired');
  const verdict = checkPassword(lang, input.password);
  if (!verdict.ok) errors.password = verdict.message!;
  else if (input.password !== input.confirmation) errors.passwordConfirmation = t(lang, 'passwordRepeat');
  if (Object.keys(errors).length) return { ok: false, status: 422, errors };
  const hash = await hashPassword(input.password);
  const result = await ctx.db.transaction(async (tx) => {
    const exists = await tx.query('select 1 from otp_challenges where id = $1', [input.challengeId]).catch(() => ({ rows: [] }));
    if (exists.rows.length === 0) return { ok: false as const, message: t(lang, 'codeWrong', { left: 4 }) };
    const v = await verifyChallenge(tx, ctx.config.secrets.sessionSecret, { challengeId: input.challengeId }, code, now);
    if (!v.ok) {
      return {
        ok: false as const,
        message: v.reason === 'wrong' ? t(lang, 'codeWrong', { left: v.attemptsLeft }) : v.reason === 'expired' ? t(lang, 'codeExpired') : t(lang, 'codeBurned'),
      };
    }
    await setCitizenPassword(tx, v.citizenId, hash);
    await appendAudit(tx, { actorType: 'citizen', actorId: v.citizenId, action: 'citizen.recovery.complete', subjectType: 'citizen', subjectId: v.citizenId }, now);
    return { ok: true as const, citizenId: v.citizenId };
  });
  if (!result.ok) return { ok: false, status: 422, errors: { code: result.message } };
  await ctx.sessions.destroyAllForCitizen(result.citizenId);
  return { ok: true, citizenId: result.citizenId };
}
