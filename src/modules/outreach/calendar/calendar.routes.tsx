/** The working-day calendar: staff read it; the system administrator edits federal transfers, a regional administrator the region's. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize } from '../../../platform/policy.js';
import type { Lang } from '../../../platform/i18n.js';
import type { FieldError } from '../../../platform/views/components.js';
import { formatRu } from '../deadlines/index.js';
import { outreachNav } from '../outreach.nav.js';
import { calendarMessages as t, type CalendarFieldError } from './calendar.messages.js';
import { canEditTransfer, canViewCalendar, transferScopeFor } from './calendar.policy.js';
import { findTransfer, listTransfers, loadWorkingCalendar, type TransferRow } from './calendar.repository.js';
import { CalendarPage, DeleteTransferPage, EditTransferPage } from './calendar.views.js';
import { addTransfer, changeTransfer, removeTransfer, type TransferInput } from './save-transfer.js';

const FIELDS = ['date', 'kind', 'note', 'source'] as const;
const IdParams = z.object({ id: z.string().uuid() });
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), added: z.string().optional(), saved: z.string().optional(), deleted: z.string().optional() });

function formOf(request: FastifyRequest): TransferInput {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : ''])) as unknown as TransferInput;
}

function translate(lang: Lang, errors: CalendarFieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.vars) }));
}

function valuesOf(x: TransferRow): Record<string, string> {
  return { date: formatRu(x.date), kind: x.kind, note: x.note, source: x.source };
}

export async function registerCalendarRoutes(appBase: FastifyInstance, ctx: AppContext, options: { today?: () => Date } = {}): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;
  const today = options.today ?? (() => new Date());
  const page = (request: FastifyRequest) => pageContext(request, outreachNav(request, 'calendar'));

  const renderYear = async (request: FastifyRequest, year: number, values: Record<string, string>, errors: FieldError[], notice?: string) => {
    const actor = request.actor!;
    const regionId = actor.regionId;
    return CalendarPage({
      ctx: page(request),
      year,
      calendar: await loadWorkingCalendar(ctx.db, regionId),
      transfers: await listTransfers(ctx.db, regionId, { year }),
      scope: transferScopeFor(actor),
      canEdit: (x) => canEditTransfer(actor, x),
      values,
      errors,
      notice,
    });
  };

  app.get('/outreach/calendar', { schema: { ...hide, querystring: YearQuery } }, async (request, reply) => {
    authorize(request.actor, canViewCalendar, undefined);
    const q = request.query;
    const year = q.year ?? today().getUTCFullYear();
    const lang = request.lang;
    const notice = q.added ? t(lang, 'added', { date: q.added }) : q.saved ? t(lang, 'saved', { date: q.saved }) : q.deleted ? t(lang, 'deleted', { date: q.deleted }) : undefined;
    return sendPage(reply, await renderYear(request, year, {}, [], notice));
  });

  app.post('/outreach/calendar', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canViewCalendar, undefined);
    const scope = transferScopeFor(request.actor);
    if (!scope) throw new HttpError(403, 'forbidden');
    authorize(request.actor, canEditTransfer, scope);
    const form = formOf(request);
    const result = await addTransfer(ctx.db, request.actor, scope, form, request.lang);
    if (!result.ok) {
      const year = Number(/\d{4}$/.exec(form.date.trim())?.[0] ?? today().getUTCFullYear());
      return sendPage(reply, await renderYear(request, year >= 2000 && year <= 2100 ? year : today().getUTCFullYear(), { ...form }, translate(request.lang, result.errors)), 400);
    }
    return reply.redirect(`/outreach/calendar?year=${result.date.slice(0, 4)}&added=${formatRu(result.date)}`, 303);
  });

  const editable = async (request: FastifyRequest, id: string) => {
    authorize(request.actor, canViewCalendar, undefined);
    const transfer = await findTransfer(ctx.db, id);
    if (!transfer) throw new HttpError(404, 'not_found');
    authorize(request.actor, canEditTransfer, transfer);
    return transfer;
  };

  app.get('/outreach/calendar/:id/edit', { schema: { ...hide, params: IdParams } }, async (request, reply) => {
    const transfer = await editable(request, request.params.id);
    return sendPage(reply, EditTransferPage({ ctx: page(request), transfer, values: valuesOf(transfer), errors: [] }));
  });

  app.post('/outreach/calendar/:id', { schema: { ...hide, params: IdParams } }, async (request, reply) => {
    const transfer = await editable(request, request.params.id);
    const form = formOf(request);
    const result = await changeTransfer(ctx.db, request.actor!, transfer.id, transfer.regionId, form, request.lang);
    if (!result.ok) return sendPage(reply, EditTransferPage({ ctx: page(request), transfer, values: { ...form }, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/calendar?year=${result.date.slice(0, 4)}&saved=${formatRu(result.date)}`, 303);
  });

  app.get('/outreach/calendar/:id/delete', { schema: { ...hide, params: IdParams } }, async (request, reply) => {
    const transfer = await editable(request, request.params.id);
    return sendPage(reply, DeleteTransferPage({ ctx: page(request), transfer }));
  });

  app.post('/outreach/calendar/:id/delete', { schema: { ...hide, params: IdParams } }, async (request, reply) => {
    const transfer = await editable(request, request.params.id);
    await removeTransfer(ctx.db, request.actor!, transfer.id);
    return reply.redirect(`/outreach/calendar?year=${transfer.date.slice(0, 4)}&deleted=${formatRu(transfer.date)}`, 303);
  });
}
