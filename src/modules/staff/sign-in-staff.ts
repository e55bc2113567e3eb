/**
 * Staff sign-in: throttled per login (LOGIN_MAX_FAILURES per LOGIN_WINDOW_MINUTES)
 * and per IP, constant-time whether or not the login exists, audited either way.
 * The answer never tells whether a login exists.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { dummyHash, verifyPassword } from '../../platform/passwords.js';
import type { StaffActor } from '../../platform/policy.js';
import { hitLimit, peekLimit, resetLimit } from '../../platform/rate-limit.js';
import { findStaffForSignIn, markStaffSignedIn, normalizeLogin } from './staff.repository.js';

export type SignInResult =
  | { ok: true; actor: StaffActor; token: string; idHash: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

const IP_LIMIT = 50;

export async function signInStaff(
  ctx: AppContext,
  input: { login: string; password: string; ip: string; userAgent?: string; previousSessionIdHash?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const login = normalizeLogin(input.login);
  const windowSeconds = ctx.config.login.windowMinutes * 60;
  const accountKey = `staff-login:${login}`;
  const ipKey = `staff-login-ip:${input.ip}`;

  const [account, ip] = await Promise.all([
    peekLimit(ctx.db, accountKey, ctx.config.login.maxFailures, windowSeconds, now),
    peekLimit(ctx.db, ipKey, IP_LIMIT, windowSeconds, now),
  ]);
  if (!account.allowed || !ip.allowed) {
    await appendAudit(ctx.db, { actorType: 'system', action: 'staff.sign_in_throttled', subjectType: 'staff_login', subjectId: login, details: { perAccount: !account.allowed } }, now);
    return { ok: false, reason: 'locked', retryAfterSeconds: Math.max(account.allowed ? 0 : account.retryAfterSeconds, ip.allowed ? 0 : ip.retryAfterSeconds) };
  }

  const found = await findStaffForSignIn(ctx.db, login);
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyHash()), input.password);
  if (!found || !passwordOk) {
    await Promise.all([hitLimit(ctx.db, accountKey, ctx.config.login.maxFailures, windowSeconds, now), hitLimit(ctx.db, ipKey, IP_LIMIT, windowSeconds, now)]);
    await appendAudit(ctx.db, { actorType: 'system', action: 'staff.sign_in_failed', subjectType: 'staff_login', subjectId: login }, now);
    return { ok: false, reason: 'invalid' };
  }

  // Rotate: the old session (if any) ends, a new token is issued.
  if (input.previousSessionIdHash) await ctx.sessions.destroy(input.previousSessionIdHash);
  const session = await ctx.sessions.create(found.actor.id, input.userAgent, now);
  await resetLimit(ctx.db, accountKey);
  await markStaffSignedIn(ctx.db, found.actor.id, now);
  await appendAudit(ctx.db, { actorType: 'staff', actorId: found.actor.id, action: 'staff.sign_in', subjectType: 'staff_user', subjectId: found.actor.id, organisationId: found.actor.organisationId }, now);
  return { ok: true, actor: found.actor, token: session.token, idHash: session.idHash };
}
