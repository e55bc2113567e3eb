/**
 * /reception/reminders: staff who receive visitors see their notices and mark
 * them read; the regional administrator and municipal coordinators announce
 * updated materials and see who has not read them (the system administrator
 * may look at every region's).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Policy } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { addDays } from '../../outreach/deadlines/calendar-date.js';
import { regionToday } from '../../outreach/materials/materials.repository.js';
import { listRegions, regionTimeZone } from '../../territory/territory.repository.js';
import { isReceptionSupervisor, servesVisitors } from '../reception.policy.js';
import { receptionNav } from '../reception.routes.js';
import { reminderMessages as t } from './reminders.messages.js';
import { DEFAULT_READ_DAYS, findNotice, listMyNotices, listNotices, listReceipts, markNoticeRead, parseNotice, publishNotice, questionsChangedSinceLastNotice, type NoticeFormValues } from './reminders.js';
import { MyRemindersPage, NoticeFormPage, ReceiptsPage, RemindersPage } from './reminders.views.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const canUseReminders: Policy = (actor) => servesVisitors(actor) || isReceptionSupervisor(actor);

/** The regional administrator for the region, a coordinator for their municipality. */
export const canPublishNotice: Policy = (actor) => (actor.role === 'regional_admin' && actor.regionId !== null) || (actor.role === 'municipal_coordinator' && actor.regionId !== null && actor.municipalityId !== null);

/** A notice's receipts: the system administrator all; the regional administrator the region's; a coordinator their municipality's and the region-wide ones. */
export const canViewNotice: Policy<{ regionId: string; municipalityId: string | null }> = (actor, n) =>
  actor.role === 'system_admin' ||
  (actor.role === 'regional_admin' && actor.regionId === n.regionId) ||
  (actor.role === 'municipal_coordinator' && actor.regionId === n.regionId && (n.municipalityId === null || n.municipalityId === actor.municipalityId));

export async function registerReminderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const nav = (request: FastifyRequest) => receptionNav(request, 'reminders');

  app.get('/reception/reminders', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canUseReminders, undefined);
    const actor = request.actor;
    const q = request.query as Form;
    if (servesVisitors(actor)) {
      const [notices, today, timeZone] = await Promise.all([listMyNotices(ctx.db, actor.id), regionToday(ctx.db, actor.regionId!), regionTimeZone(ctx.db, actor.regionId)]);
      return sendPage(reply, <MyRemindersPage ctx={pageContext(request, nav(request))} notices={notices} today={today} timeZone={timeZone} notice={q.read ? t(request.lang, 'marked') : undefined} />);
    }
    const regions = actor.role === 'system_admin' ? (await listRegions(ctx.db)).map((r) => r.id) : [actor.regionId!];
    const notices = [];
    for (const regionId of regions) notices.push(...(await listNotices(ctx.db, { regionId, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null })));
    const today = await regionToday(ctx.db, regions[0]!);
    return sendPage(reply, <RemindersPage ctx={pageContext(request, nav(request))} notices={notices} canPublish={canPublishNotice(actor, undefined)} today={today} />);
  });

  app.post('/reception/reminders/:id/read', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canUseReminders, undefined);
    const id = str((request.params as Form).id);
    if (!UUID.test(id) || !(await markNoticeRead(ctx.db, request.actor, id))) throw new HttpError(404, 'not_found');
    return reply.redirect('/reception/reminders?read=1', 303);
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, values: NoticeFormValues, errors: FieldError[]) {
    return sendPage(reply, <NoticeFormPage ctx={pageContext(request, nav(request))} values={values} errors={errors} />, errors.length ? 400 : 200);
  }

  app.get('/reception/reminders/new', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canPublishNotice, undefined);
    const regionId = request.actor.regionId!;
    const [today, questionsChanged] = await Promise.all([regionToday(ctx.db, regionId), questionsChangedSinceLastNotice(ctx.db, regionId)]);
    return renderForm(request, reply, { materials: questionsChanged ? t(request.lang, 'questionsChanged') : '', links: '', readBy: addDays(today, DEFAULT_READ_DAYS).split('-').reverse().join('.') }, []);
  });

  app.post('/reception/reminders/new', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canPublishNotice, undefined);
    const actor = request.actor;
    const body = (request.body ?? {}) as Form;
    const values: NoticeFormValues = { materials: str(body.materials), links: str(body.links), readBy: str(body.readBy) };
    const parsed = parseNotice(values, await regionToday(ctx.db, actor.regionId!));
    if (!parsed.ok) return renderForm(request, reply, values, parsed.errors.map((e) => ({ field: e.field, message: t(request.lang, e.code) })));
    const { id, recipients } = await publishNotice(ctx.db, actor, { regionId: actor.regionId!, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null }, parsed.value);
    return reply.redirect(`/reception/reminders/${id}?sent=${recipients}`, 303);
  });

  app.get('/reception/reminders/:id', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canUseReminders, undefined);
    const id = str((request.params as Form).id);
    const notice = UUID.test(id) ? await findNotice(ctx.db, id) : null;
    if (!notice) throw new HttpError(404, 'not_found');
    if (servesVisitors(request.actor)) return reply.redirect('/reception/reminders', 303);
    authorize(request.actor, canViewNotice, notice);
    const [receipts, today, timeZone] = await Promise.all([
      listReceipts(ctx.db, notice.id, request.actor.role === 'municipal_coordinator' ? request.actor.municipalityId : null),
      regionToday(ctx.db, notice.regionId),
      regionTimeZone(ctx.db, notice.regionId),
    ]);
    const sent = str((request.query as Form).sent);
    return sendPage(
      reply,
      <ReceiptsPage ctx={pageContext(request, nav(request))} notice={notice} receipts={receipts} today={today} timeZone={timeZone} notice_={/^\d+$/.test(sent) ? t(request.lang, 'sent', { n: Number(sent) }) : undefined} />,
    );
  });
}
