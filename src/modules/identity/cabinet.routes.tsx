/**
 * The rest of the personal cabinet — contacts, password, sign-in history,
 * account history, sessions, «Это был не я» — and the staff list of those
 * reports. Thin: who may → validate → use case → view. Every citizen query is
 * keyed by the signed-in citizen; someone else's id is «not found».
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { formatDateTime } from '../../platform/i18n.js';
import { authorize } from '../../platform/policy.js';
import { SESSION_COOKIE } from '../../platform/sessions.js';
import { cabinetExtraMessages as m } from './cabinet-extra.messages.js';
import { ContactCodePage, ContactsPage, ChangePasswordPage, HistoryPage, ReportPage, SessionsPage, SignInsPage, StaffReportsPage, type StaffReportRow } from './cabinet-extra.views.js';
import { cancelContactChange, confirmContactChange, contactsOverview, removeContact, requestContactChange, resendContactCode } from './cabinet-contacts.js';
import { citizenTimeZone, defaultTimeZone, listAccountHistory, listSignIns } from './cabinet-history.js';
import { changeCitizenPassword } from './cabinet-password.js';
import { createCitizenReport, describeReported, findCitizenReport, listReportsForStaff, resolveCitizenReport } from './cabinet-reports.js';
import { endCitizenSession, endOtherCitizenSessions, listCitizenSessions } from './cabinet-sessions.js';
import { identityMessages as t } from './identity.messages.js';
import { canSeeCitizenReports, mustChangeRedirect, requireCitizen } from './identity.policy.js';
import { regionTimeZone } from '../territory/territory.repository.js';

type Form = Record<string, string | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const notFound = () => new HttpError(404, 'not_found');

export async function registerCabinetRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };

  /** The signed-in citizen's id, after the must-change-password gate (true = already redirected). */
  function citizenOf(request: FastifyRequest, reply: FastifyReply): string | null {
    requireCitizen(request.citizen);
    if (mustChangeRedirect(request, reply)) return null;
    return request.citizen.id;
  }

  // ------------------------------------------------------------ contacts

  async function renderContacts(request: FastifyRequest, reply: FastifyReply, citizenId: string, extra: { values?: { phone?: string; email?: string }; errors?: Record<string, string>; notice?: string; problem?: string } = {}, status = 200) {
    const overview = await contactsOverview(ctx, citizenId);
    return sendPage(reply, <ContactsPage ctx={pageContext(request)} overview={overview} {...extra} />, status);
  }

  app.get('/cabinet/contacts', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const q = request.query as Form;
    const notice = q.changed ? m(request.lang, q.changed === 'replaced' ? 'contactChanged' : 'contactAdded') : q.removed ? m(request.lang, 'contactRemoved') : q.cancelled ? m(request.lang, 'contactCancelled') : undefined;
    return renderContacts(request, reply, id, { notice });
  });

  app.post('/cabinet/contacts', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const form = (request.body ?? {}) as Form;
    const kind = form.kind === 'email' ? 'email' : 'phone';
    const typed = str(kind === 'phone' ? form.phone : form.email);
    const result = await requestContactChange(ctx, id, kind, typed, request.lang);
    if (!result.ok) return renderContacts(request, reply, id, { values: { [kind]: typed }, errors: result.errors }, result.status);
    return reply.redirect('/cabinet/contacts/confirm', 303);
  });

  async function renderCode(request: FastifyRequest, reply: FastifyReply, citizenId: string, extra: { error?: string; notice?: string; resendError?: string } = {}, status = 200) {
    const { pending } = await contactsOverview(ctx, citizenId);
    if (!pending) return reply.redirect('/cabinet/contacts', 303);
    return sendPage(reply, <ContactCodePage ctx={pageContext(request)} pending={pending} {...extra} />, status);
  }

  app.get('/cabinet/contacts/confirm', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    return renderCode(request, reply, id);
  });

  app.post('/cabinet/contacts/confirm', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const result = await confirmContactChange(ctx, id, str((request.body as Form)?.code), request.lang);
    if (result.ok) return reply.redirect(`/cabinet/contacts?changed=${result.replaced ? 'replaced' : 'added'}`, 303);
    if (result.status === 404) return reply.redirect('/cabinet/contacts', 303);
    if (result.status === 409) return renderContacts(request, reply, id, { problem: result.message }, 409);
    return renderCode(request, reply, id, { error: result.message }, result.status);
  });

  app.post('/cabinet/contacts/resend', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const result = await resendContactCode(ctx, id, request.lang);
    if (!result.ok) return result.status === 404 ? reply.redirect('/cabinet/contacts', 303) : renderCode(request, reply, id, { resendError: result.message }, 429);
    return renderCode(request, reply, id, { notice: t(request.lang, 'codeSent') });
  });

  app.post('/cabinet/contacts/cancel', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const cancelled = await cancelContactChange(ctx, id);
    return reply.redirect(cancelled ? '/cabinet/contacts?cancelled=1' : '/cabinet/contacts', 303);
  });

  app.post('/cabinet/contacts/:contactId/remove', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const result = await removeContact(ctx, id, (request.params as { contactId: string }).contactId, request.lang);
    if (result.ok) return reply.redirect('/cabinet/contacts?removed=1', 303);
    if (result.status === 404) throw notFound();
    return renderContacts(request, reply, id, { problem: result.message }, result.status);
  });

  // ------------------------------------------------------------ password

  app.get('/cabinet/password', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    const q = request.query as Form;
    return sendPage(reply, <ChangePasswordPage ctx={pageContext(request)} mustChange={request.citizen.mustChangePassword} notice={q.changed ? m(request.lang, 'passwordChanged') : undefined} />);
  });

  app.post('/cabinet/password', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    const me = request.citizen;
    const form = (request.body ?? {}) as Form;
    const result = await changeCitizenPassword(ctx, me.id, { current: str(form.currentPassword), password: str(form.password), confirmation: str(form.passwordConfirmation) }, request.lang);
    if (!result.ok) return sendPage(reply, <ChangePasswordPage ctx={pageContext(request)} mustChange={me.mustChangePassword} errors={result.errors} score={result.score} />, result.status);
    // Every other session ends; this one is rotated (a new token for the new password).
    const s = await ctx.sessions.create({ citizenId: me.id }, request.headers['user-agent']);
    await ctx.sessions.destroyAllForCitizen(me.id, s.idHash);
    reply.setCookie(SESSION_COOKIE, s.token, { ...cookie, maxAge: ctx.config.session.absoluteHours * 3600 });
    return reply.redirect('/cabinet/password?changed=1', 303);
  });

  // ------------------------------------------------------------ sign-in history

  app.get('/cabinet/sign-ins', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const list = await listSignIns(ctx, id, (request.query as Form).page);
    return sendPage(reply, <SignInsPage ctx={pageContext(request)} {...list} timeZone={await citizenTimeZone(ctx, id)} />);
  });

  app.post('/cabinet/sign-ins/:signInId/report', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const reportId = await createCitizenReport(ctx, id, 'sign_in', (request.params as { signInId: string }).signInId, request.lang);
    if (!reportId) throw notFound();
    return reply.redirect(`/cabinet/reports/${reportId}`, 303);
  });

  // ------------------------------------------------------------ account history

  app.get('/cabinet/history', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const list = await listAccountHistory(ctx, id, request.lang, (request.query as Form).page);
    return sendPage(reply, <HistoryPage ctx={pageContext(request)} {...list} timeZone={await citizenTimeZone(ctx, id)} />);
  });

  app.post('/cabinet/history/:seq/report', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const reportId = await createCitizenReport(ctx, id, 'audit', (request.params as { seq: string }).seq, request.lang);
    if (!reportId) throw notFound();
    return reply.redirect(`/cabinet/reports/${reportId}`, 303);
  });

  app.get('/cabinet/reports/:reportId', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const report = await findCitizenReport(ctx, id, (request.params as { reportId: string }).reportId);
    if (!report) throw notFound();
    const tz = await citizenTimeZone(ctx, id);
    return sendPage(
      reply,
      <ReportPage ctx={pageContext(request)} what={await describeReported(ctx, report, request.lang, tz)} sentAt={formatDateTime(request.lang, report.createdAt, tz)} resolved={report.status === 'resolved'} />,
    );
  });

  // ------------------------------------------------------------ sessions

  app.get('/cabinet/sessions', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const q = request.query as Form;
    const ended = typeof q.ended === 'string' && /^\d{1,4}$/.test(q.ended) ? q.ended : null;
    const notice = ended !== null ? m(request.lang, 'othersEnded', { count: ended }) : q.endedOne ? m(request.lang, 'sessionEnded') : undefined;
    const sessions = await listCitizenSessions(ctx, id, request.session?.idHash ?? null);
    return sendPage(reply, <SessionsPage ctx={pageContext(request)} sessions={sessions} timeZone={await citizenTimeZone(ctx, id)} notice={notice} />);
  });

  app.post('/cabinet/sessions/end-others', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const count = await endOtherCitizenSessions(ctx, id, request.session?.idHash ?? null);
    return reply.redirect(`/cabinet/sessions?ended=${count}`, 303);
  });

  app.post('/cabinet/sessions/:ref/end', { schema: { hide: true } }, async (request, reply) => {
    const id = citizenOf(request, reply);
    if (!id) return reply;
    const ref = (request.params as { ref: string }).ref;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(ref) || !(await endCitizenSession(ctx, id, ref, request.session?.idHash ?? null))) throw notFound();
    return reply.redirect('/cabinet/sessions?endedOne=1', 303);
  });

  // ------------------------------------------------------------ staff: «Это был не я» reports

  app.get('/staff/reports', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canSeeCitizenReports, undefined);
    const actor = request.actor;
    if (actor.mustChangePassword) return reply.redirect('/staff/password', 303);
    const lang = request.lang;
    const q = request.query as Form;
    const status = q.status === 'resolved' ? 'resolved' : 'open';
    const list = await listReportsForStaff(ctx, actor, status, q.page);
    const tz = actor.regionId ? await regionTimeZone(ctx.db, actor.regionId) : await defaultTimeZone(ctx.db);
    const rows: StaffReportRow[] = [];
    for (const r of list.reports) {
      rows.push({
        id: r.id,
        date: formatDateTime(lang, r.createdAt, tz),
        citizenShort: r.citizenId.slice(0, 8),
        what: await describeReported(ctx, r, lang, tz),
        resolvedAt: r.resolvedAt ? formatDateTime(lang, r.resolvedAt, tz) : null,
      });
    }
    return sendPage(
      reply,
      <StaffReportsPage ctx={pageContext(request)} status={status} rows={rows} page={list.page} pageCount={list.pageCount} notice={q.resolved ? m(lang, 'resolvedNotice') : undefined} />,
    );
  });

  app.post('/staff/reports/:reportId/resolve', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canSeeCitizenReports, undefined);
    if (!(await resolveCitizenReport(ctx, request.actor, (request.params as { reportId: string }).reportId))) throw notFound();
    return reply.redirect('/staff/reports?resolved=1', 303);
  });
}
