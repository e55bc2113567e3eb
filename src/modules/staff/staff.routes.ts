/** Staff sign-in, sign-out, the staff dashboard and password change. Thin: validate → use case → view. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { checkPassword } from '../../platform/password-policy.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { anyStaff, authorize } from '../../platform/policy.js';
import { roleLabel } from '../../platform/roles.js';
import { SESSION_COOKIE } from '../../platform/sessions.js';
import { describePlace, regionTimeZone } from '../territory/territory.repository.js';
import { signInStaff } from './sign-in-staff.js';
import { staffMessages as t } from './staff.messages.js';
import { findStaffForSignIn, updateStaffPassword } from './staff.repository.js';
import { DashboardPage, LoginPage, PasswordPage, type DashboardSection } from './staff.views.js';
import { receptionSection } from '../reception/reception.nav.js';
import { readingNoticeCards } from '../reception/reminders/reminders.cards.js';

const LoginForm = z.object({ login: z.string().default(''), password: z.string().default(''), next: z.string().optional() });
const PasswordForm = z.object({ current: z.string().default(''), password: z.string().default(''), repeat: z.string().default('') });

/** Only same-site paths: never redirect to another host after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/staff';
}

export async function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };

  app.get('/staff/login', { schema: { hide: true } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/staff', 303);
    const q = request.query as Record<string, string | undefined>;
    const notice = q.signedOut ? t(request.lang, 'signedOut') : undefined;
    return sendPage(reply, LoginPage({ ctx: pageContext(request), next: q.next ? safeNext(q.next) : undefined, notice }));
  });

  app.post('/staff/login', { schema: { hide: true } }, async (request, reply) => {
    const lang = request.lang;
    const form = LoginForm.parse(request.body ?? {});
    const errors = [];
    if (!form.login.trim()) errors.push({ field: 'login', message: t(lang, 'loginRequired') });
    if (!form.password) errors.push({ field: 'password', message: t(lang, 'passwordRequired') });
    const next = form.next ? safeNext(form.next) : undefined;
    if (errors.length) return sendPage(reply, LoginPage({ ctx: pageContext(request), login: form.login, next, errors }), 400);

    const result = await signInStaff(ctx, {
      login: form.login,
      password: form.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      previousSessionIdHash: request.session?.idHash ?? null,
    });
    if (!result.ok) {
      const message = result.reason === 'locked' ? t(lang, 'locked', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) : t(lang, 'invalid');
      return sendPage(reply, LoginPage({ ctx: pageContext(request), login: form.login, next, errors: [{ field: 'login', message }] }), result.reason === 'locked' ? 429 : 401);
    }
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: ctx.config.session.absoluteHours * 3600 });
    return reply.redirect(result.actor.mustChangePassword ? '/staff/password' : (next ?? '/staff'), 303);
  });

  app.post('/staff/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.session) {
      await ctx.sessions.destroy(request.session.idHash);
      if (request.actor) await appendAudit(ctx.db, { actorType: 'staff', actorId: request.actor.id, action: 'staff.sign_out', subjectType: 'staff_user', subjectId: request.actor.id });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/staff/login?signedOut=1', 303);
  });

  app.get('/staff', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, anyStaff, undefined);
    const actor = request.actor;
    if (actor.mustChangePassword) return reply.redirect('/staff/password', 303);
    const lang = request.lang;
    const { rows } = await ctx.db.query<{ at: Date }>(
      "select at from audit_log where actor_type = 'staff' and actor_id = $1 and action = 'staff.sign_in' order by seq desc offset 1 limit 1",
      [actor.id],
    );
    const sections: DashboardSection[] = [
      ...(actor.role === 'operator' ? [{ href: '/operator', title: t(lang, 'operator'), text: t(lang, 'operatorText') }] : []),
      ...(actor.role === 'operator' || actor.role === 'regional_admin' || actor.role === 'municipal_coordinator' || actor.role === 'system_admin'
        ? [{ href: '/operator/figures', title: t(lang, 'figures'), text: t(lang, 'figuresText') }]
        : []),
      ...(actor.role === 'regional_admin' || actor.role === 'system_admin' ? [{ href: '/staff/reports', title: t(lang, 'reports'), text: t(lang, 'reportsText') }] : []),
      ...(actor.role === 'municipal_coordinator' || actor.role === 'regional_admin' || actor.role === 'system_admin'
        ? [{ href: '/outreach', title: t(lang, 'outreach'), text: t(lang, 'outreachText') }]
        : []),
      ...(actor.role === 'regional_admin' || actor.role === 'system_admin' ? [{ href: '/outreach/dashboard', title: t(lang, 'dashboard'), text: t(lang, 'dashboardText') }] : []),
      ...(await readingNoticeCards(ctx.db, actor, lang)),
      ...receptionSection(actor, lang),
      { href: '/staff/territory', title: t(lang, 'territory'), text: t(lang, 'territoryText') },
      { href: '/staff/password', title: t(lang, 'changePassword'), text: t(lang, 'changePasswordText') },
      { href: '/api/docs', title: t(lang, 'apiDocs'), text: t(lang, 'apiDocsText') },
    ];
    const q = request.query as Record<string, string | undefined>;
    return sendPage(
      reply,
      DashboardPage({
        ctx: pageContext(request),
        name: actor.fullName,
        roleLabel: roleLabel(lang, actor.role),
        scope: await describePlace(ctx.db, actor),
        lastSignIn: rows[0] ? new Date(rows[0].at) : null,
        timeZone: await regionTimeZone(ctx.db, actor.regionId),
        sections,
        notice: q.passwordChanged ? t(lang, 'passwordChanged') : undefined,
      }),
    );
  });

  app.get('/staff/password', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, anyStaff, undefined);
    return sendPage(reply, PasswordPage({ ctx: pageContext(request), mustChange: request.actor.mustChangePassword }));
  });

  app.post('/staff/password', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, anyStaff, undefined);
    const actor = request.actor;
    const lang = request.lang;
    const form = PasswordForm.parse(request.body ?? {});
    const found = await findStaffForSignIn(ctx.db, actor.login);
    if (!found) throw new HttpError(401, 'unauthenticated');
    const errors: { field: string; message: string }[] = [];
    if (!(await verifyPassword(found.passwordHash, form.current))) errors.push({ field: 'current', message: t(lang, 'currentWrong') });
    const verdict = checkPassword(lang, form.password, [actor.login, ...actor.fullName.split(/\s+/)]);
    if (!verdict.ok) errors.push({ field: 'password', message: verdict.message! });
    else if (form.password === form.current) errors.push({ field: 'password', message: t(lang, 'sameAsOld') });
    if (verdict.ok && form.repeat !== form.password) errors.push({ field: 'repeat', message: t(lang, 'repeatMismatch') });
    if (errors.length) return sendPage(reply, PasswordPage({ ctx: pageContext(request), mustChange: actor.mustChangePassword, errors }), 400);

    await updateStaffPassword(ctx.db, actor.id, await hashPassword(form.password));
    await ctx.sessions.destroyAllForStaff(actor.id, request.session?.idHash);
    await appendAudit(ctx.db, { actorType: 'staff', actorId: actor.id, action: 'staff.password_change', subjectType: 'staff_user', subjectId: actor.id });
    return reply.redirect('/staff?passwordChanged=1', 303);
  });
}
