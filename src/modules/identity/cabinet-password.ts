/**
 * Password change in the cabinet: the current password (or the one-time
 * password from a service centre, when must_change_password is set) and the
 * new one twice, under the portal's password policy. Wrong current passwords
 * are throttled like sign-in. Clears must_change_password; the caller ends
 * every other session.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { checkPassword } from '../../platform/password-policy.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { hitLimit, peekLimit, resetLimit } from '../../platform/rate-limit.js';
import { cabinetExtraMessages as m } from './cabinet-extra.messages.js';
import { identityMessages as t } from './identity.messages.js';
import { getCitizen, listContacts, setCitizenPassword } from './identity.repository.js';
import type { FieldErrors } from './personal-data.js';

export type ChangePasswordResult = { ok: true } | { ok: false; status: 400 | 422 | 429; errors: FieldErrors; score: number | null };

export async function changeCitizenPassword(
  ctx: AppContext,
  citizenId: string,
  input: { current: string; password: string; confirmation: string },
  lang: Lang,
  now = new Date(),
): Promise<ChangePasswordResult> {
  const citizen = await getCitizen(ctx.db, ctx.cipher, citizenId);
  if (!citizen || citizen.status !== 'active' || !citizen.passwordHash) return { ok: false, status: 400, errors: { currentPassword: m(lang, 'currentWrong') }, score: null };
  const windowSeconds = ctx.config.login.windowMinutes * 60;
  const key = `citizen-password:${citizenId}`;
  const gate = await peekLimit(ctx.db, key, ctx.config.login.maxFailures, windowSeconds, now);
  if (!gate.allowed) {
    return { ok: false, status: 429, errors: { currentPassword: t(lang, 'tooManyRequests', { minutes: Math.max(1, Math.ceil(gate.retryAfterSeconds / 60)) }) }, score: null };
  }

  const errors: FieldErrors = {};
  if (!input.current) errors.currentPassword = m(lang, 'currentRequired');
  else if (!(await verifyPassword(citizen.passwordHash, input.current))) {
    await hitLimit(ctx.db, key, ctx.config.login.maxFailures, windowSeconds, now);
    errors.currentPassword = m(lang, 'currentWrong');
  }
  const contacts = await listContacts(ctx.db, ctx.cipher, citizenId);
  const verdict = checkPassword(lang, input.password, [citizen.lastName, citizen.firstName, ...contacts.filter((c) => c.kind === 'email').map((c) => c.value.split('@')[0] ?? '')]);
  if (!verdict.ok) errors.password = verdict.message!;
  else if (input.password === input.current) errors.password = m(lang, 'sameAsCurrent');
  else if (input.password !== input.confirmation) errors.passwordConfirmation = t(lang, 'passwordRepeat');
  const score = input.password ? verdict.score : null;
  if (Object.keys(errors).length) return { ok: false, status: 422, errors, score };

  await resetLimit(ctx.db, key);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await setCitizenPassword(tx, citizenId, hash, false);
    await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.password_change', subjectType: 'citizen', subjectId: citizenId, details: { oneTime: citizen.mustChangePassword } }, now);
  });
  return { ok: true };
}
