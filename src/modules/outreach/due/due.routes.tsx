/**
 * «Сроки по планам»: what is due in the approved plans, the month calendar, and
 * marking an occurrence done (a form that works without JavaScript).
 *
 * Who sees what follows outreach.policy.ts: a coordinator their municipality;
 * a regional administrator the whole region with a summary per municipality;
 * operators, reception staff and officers the approved plans of their
 * municipality, read-only. Marking done needs canEditPlan on the item's plan.
 *
 * «Today» is the region's date (regions.time_zone) at the instant the clock
 * gives; tests inject a clock through the options.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Actor } from '../../../platform/policy.js';
import type { Lang } from '../../../platform/i18n.js';
import type { FieldError, SelectOption } from '../../../platform/views/components.js';
import { loadWorkingCalendar } from '../calendar/calendar.repository.js';
import { formatRu, isValidIsoDate, parseIsoDate, type IsoDate } from '../deadlines/index.js';
import { outreachNav } from '../outreach.nav.js';
import { canEditPlan, canUseOutreach, canViewApproved } from '../outreach.policy.js';
import { COMPLETION_FIELDS, completeOccurrence, uncompleteOccurrence } from './complete-occurrence.js';
import { dueMessages as t, MONTHS, ROMAN_QUARTERS, type DueFieldError } from './due.messages.js';
import {
  findCompletion,
  findDueItem,
  findRegion,
  listEventOptions,
  listRegionMunicipalities,
  listRegions,
  organisationNames,
  type MunicipalityRow,
  type RegionRow,
} from './due.repository.js';
import { CompletePage, DueCalendarPage, DueListPage, monthKey, type DueRow } from './due.views.js';
import { loadOccurrences, summariseByMunicipality } from './load-occurrences.js';
import {
  inRange,
  isStatusFilter,
  itemDueDates,
  makeOccurrence,
  matchesStatus,
  parsePeriod,
  periodKey,
  periodRange,
  systemClock,
  todayIn,
  type Clock,
  type DueItem,
  type Occurrence,
} from './occurrences.js';

export interface DueRoutesOptions {
  /** where «now» comes from (default: the system clock) */
  clock?: Clock;
}

const UUID = z.string().uuid();

function formOf(request: FastifyRequest, fields: readonly string[]): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']));
}

function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}

function translate(lang: Lang, errors: DueFieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.vars) }));
}

/** Only back to the due pages themselves (never an open redirect). */
export function safeBack(value: string | undefined): string {
  if (value && /^\/outreach\/due(\/calendar)?(\?[^\s#\\]*)?$/.test(value)) return value;
  return '/outreach/due';
}

function withNotice(back: string, params: Record<string, string>): string {
  const url = new URL(back, 'http://localhost');
  for (const k of ['completed', 'uncompleted', 'due']) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

interface DueScope {
  region: RegionRow;
  /** the regional view: a summary per municipality and a municipality filter */
  regional: boolean;
  /** undefined = every plan of the region; null = the region's own plan */
  municipalityId: string | null | undefined;
  /** the query value that selects it: a municipality id, 'region' or '' */
  municipalityParam: string;
  scopeName: string;
  municipalities: MunicipalityRow[];
  /** kept in links for the system administrator, who chooses the region */
  regionParam: string;
}

async function resolveScope(ctx: AppContext, actor: Actor, lang: Lang, q: Record<string, string | undefined>): Promise<DueScope> {
  let region: RegionRow | null = null;
  let regionParam = '';
  if (actor.role === 'system_admin') {
    const wanted = q.region && UUID.safeParse(q.region).success ? await findRegion(ctx.db, q.region) : null;
    region = wanted ?? (await listRegions(ctx.db))[0] ?? null;
    if (!region) throw new HttpError(404, 'not_found');
    regionParam = wanted ? wanted.id : '';
  } else if (actor.regionId) {
    region = await findRegion(ctx.db, actor.regionId);
  }
  if (!region) throw new HttpError(403, 'forbidden');
  const municipalities = await listRegionMunicipalities(ctx.db, region.id);
  const regional = actor.role === 'system_admin' || actor.role === 'regional_admin';
  if (regional) {
    const param = q.municipality ?? '';
    if (!param) return { region, regional, municipalityId: undefined, municipalityParam: '', scopeName: region.name, municipalities, regionParam };
    if (param === 'region') return { region, regional, municipalityId: null, municipalityParam: param, scopeName: `${t(lang, 'regionPlan')}: ${region.name}`, municipalities, regionParam };
    const m = municipalities.find((x) => x.id === param);
    if (!m) throw new HttpError(404, 'not_found');
    return { region, regional, municipalityId: m.id, municipalityParam: m.id, scopeName: m.name, municipalities, regionParam };
  }
  // Everyone else: their own municipality only.
  const own = municipalities.find((x) => x.id === actor.municipalityId);
  if (!own) throw new HttpError(403, 'forbidden');
  return { region, regional, municipalityId: own.id, municipalityParam: '', scopeName: own.name, municipalities: [own], regionParam };
}

function visibleTo(actor: Actor, o: Occurrence | { item: DueItem }): boolean {
  const i = o.item;
  return canViewApproved(actor, { regionId: i.regionId, municipalityId: i.municipalityId, currentVersion: i.currentVersion });
}

function mayMark(actor: Actor, item: DueItem): boolean {
  return item.currentVersion > 0 && canEditPlan(actor, { regionId: item.regionId, municipalityId: item.municipalityId });
}

function periodOptions(lang: Lang, years: number[]): SelectOption[] {
  const out: SelectOption[] = [];
  for (const year of [...new Set(years)].sort()) {
    for (let q = 1 as 1 | 2 | 3 | 4; q <= 4; q = (q + 1) as 1 | 2 | 3 | 4) {
      out.push({ value: periodKey({ kind: 'quarter', year, quarter: q }), label: t(lang, 'quarterOption', { q: ROMAN_QUARTERS[q - 1]!, n: q, year }) });
      for (let m = (q - 1) * 3 + 1; m <= q * 3; m++) out.push({ value: periodKey({ kind: 'month', year, month: m }), label: `${MONTHS[lang][m - 1]} ${year}` });
    }
  }
  return out;
}

export async function registerDueRoutes(appBase: FastifyInstance, ctx: AppContext, options: DueRoutesOptions = {}): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;
  const clock = options.clock ?? systemClock;
  const daysBefore = ctx.config.reminders.daysBefore;

  /** The occurrences of the scope the actor may see (all of the region for the regional view). */
  async function scopedOccurrences(actor: Actor, scope: DueScope) {
    const loaded = await loadOccurrences(ctx.db, {
      regionId: scope.region.id,
      ...(scope.regional ? {} : { municipalityId: scope.municipalityId }),
      now: clock(),
      daysBefore,
    });
    return {
      ...loaded,
      items: loaded.items.filter((i) => visibleTo(actor, { item: i })),
      occurrences: loaded.occurrences.filter((o) => visibleTo(actor, o)),
    };
  }

  const inScope = (scope: DueScope) => (o: Occurrence) => scope.municipalityId === undefined || o.item.municipalityId === scope.municipalityId;

  app.get('/outreach/due', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const actor = request.actor;
    const lang = request.lang;
    const q = queryOf(request);
    const scope = await resolveScope(ctx, actor, request.lang, q);
    const { today, items, occurrences } = await scopedOccurrences(actor, scope);
    const status = isStatusFilter(q.status) ? q.status : 'open';
    const period = parsePeriod(q.period);
    const range = period ? periodRange(period) : null;
    const shown = occurrences.filter(inScope(scope)).filter((o) => matchesStatus(o, status) && (!range || inRange(o.dueOn, range)));
    const years = [parseIsoDate(today).year, ...occurrences.map((o) => parseIsoDate(o.dueOn).year)];
    // The notice after a redirect names an item number and a date, nothing else.
    const itemNo = (v: string | undefined) => (v && /^[\p{L}\p{N}.-]{1,20}$/u.test(v) ? v : undefined);
    const dueText = q.due && isValidIsoDate(q.due) ? (lang === 'ru' ? formatRu(q.due) : q.due) : undefined;
    const notice =
      dueText && itemNo(q.completed)
        ? t(lang, 'completedNotice', { item: itemNo(q.completed)!, date: dueText })
        : dueText && itemNo(q.uncompleted)
          ? t(lang, 'uncompletedNotice', { item: itemNo(q.uncompleted)!, date: dueText })
          : undefined;
    const rows: DueRow[] = shown.map((o) => ({ occurrence: o, canMark: mayMark(actor, o.item) }));
    return sendPage(
      reply,
      DueListPage({
        ctx: pageContext(request, outreachNav(request, 'due')),
        today,
        daysBefore,
        scopeName: scope.scopeName,
        rows,
        orgNames: await organisationNames(ctx.db, scope.region.id),
        showPlace: scope.regional && scope.municipalityId === undefined,
        ...(scope.regional
          ? {
              summary: summariseByMunicipality(occurrences, scope.municipalities, today),
              municipalityOptions: [
                ...(occurrences.some((o) => o.item.municipalityId === null) ? [{ value: 'region', label: t(lang, 'regionPlan') }] : []),
                ...scope.municipalities.map((m) => ({ value: m.id, label: m.name })),
              ],
            }
          : {}),
        filters: { status, period: period ? periodKey(period) : '', municipality: scope.municipalityParam, region: scope.regionParam },
        periodOptions: periodOptions(lang, years),
        readOnly: items.length > 0 && !items.some((i) => mayMark(actor, i)),
        hasPlans: items.some((i) => scope.municipalityId === undefined || i.municipalityId === scope.municipalityId),
        self: request.url,
        notice,
      }),
    );
  });

  app.get('/outreach/due/calendar', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const actor = request.actor;
    const q = queryOf(request);
    const scope = await resolveScope(ctx, actor, request.lang, q);
    const { today, calendar, occurrences } = await scopedOccurrences(actor, scope);
    const asked = parsePeriod(q.month);
    const badMonth = q.month !== undefined && q.month !== '' && asked?.kind !== 'month';
    const { year, month } = asked?.kind === 'month' ? asked : { year: parseIsoDate(today).year, month: parseIsoDate(today).month };
    const range = periodRange({ kind: 'month', year, month });
    const rows = occurrences.filter(inScope(scope)).filter((o) => inRange(o.dueOn, range)).map((o) => ({ occurrence: o, canMark: mayMark(actor, o.item) }));
    return sendPage(
      reply,
      DueCalendarPage({
        ctx: pageContext(request, outreachNav(request, 'due')),
        year,
        month,
        today,
        calendar,
        scopeName: scope.scopeName,
        rows,
        params: { municipality: scope.municipalityParam || undefined, region: scope.regionParam || undefined },
        showPlace: scope.regional && scope.municipalityId === undefined,
        badMonth,
        self: `/outreach/due/calendar?month=${monthKey(year, month)}${scope.municipalityParam ? `&municipality=${scope.municipalityParam}` : ''}${scope.regionParam ? `&region=${scope.regionParam}` : ''}`,
      }),
    );
  });

  /** The occurrence a completion form is about: 404 unless it is a due date of an approved plan's item; 403 unless the actor may edit the plan. */
  async function target(actor: Actor, itemId: string | undefined, dueOn: string | undefined) {
    if (!itemId || !UUID.safeParse(itemId).success || !dueOn || !isValidIsoDate(dueOn)) throw new HttpError(404, 'not_found');
    const item = await findDueItem(ctx.db, itemId);
    if (!item || item.currentVersion === 0) throw new HttpError(404, 'not_found');
    authorize(actor, canEditPlan, { regionId: item.regionId, municipalityId: item.municipalityId });
    const region = (await findRegion(ctx.db, item.regionId))!;
    const calendar = await loadWorkingCalendar(ctx.db, region.id);
    if (!itemDueDates(item, calendar).includes(dueOn)) throw new HttpError(404, 'not_found');
    const today = todayIn(region.timeZone, clock());
    const existing = await findCompletion(ctx.db, item.itemId, dueOn);
    const occurrence = makeOccurrence(item, dueOn, existing, calendar, { today, daysBefore });
    return { item, region, today, existing, occurrence };
  }

  async function renderComplete(request: FastifyRequest, actor: Actor, found: Awaited<ReturnType<typeof target>>, values: Record<string, string>, errors: FieldError[], back: string) {
    const { item } = found;
    return CompletePage({
      ctx: pageContext(request, outreachNav(request, 'due')),
      occurrence: found.occurrence,
      orgNames: await organisationNames(ctx.db, item.regionId),
      events: await listEventOptions(ctx.db, { regionId: item.regionId, municipalityId: item.municipalityId, planItemId: item.itemId }),
      existing: found.existing,
      values,
      errors,
      today: found.today,
      back,
    });
  }

  app.get('/outreach/due/complete', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const q = queryOf(request);
    const found = await target(request.actor, q.item, q.due);
    const e = found.existing;
    const values = e ? { doneOn: formatRu(e.doneOn), note: e.note, eventId: e.eventId ?? '' } : { doneOn: formatRu(found.today), note: '', eventId: '' };
    return sendPage(reply, await renderComplete(request, request.actor, found, values, [], safeBack(q.back)));
  });

  app.post('/outreach/due/complete', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const form = formOf(request, [...COMPLETION_FIELDS, 'back']);
    const found = await target(request.actor, form.planItemId, form.dueOn);
    const back = safeBack(form.back);
    const result = await completeOccurrence(ctx.db, request.actor, found.item, found.occurrence.dueOn, { doneOn: form.doneOn!, note: form.note!, eventId: form.eventId! }, found.today);
    if (!result.ok) {
      const values = { doneOn: form.doneOn!, note: form.note!, eventId: form.eventId! };
      return sendPage(reply, await renderComplete(request, request.actor, found, values, translate(request.lang, result.errors), back), 400);
    }
    return reply.redirect(withNotice(back, { completed: found.item.itemNumber, due: found.occurrence.dueOn }), 303);
  });

  app.post('/outreach/due/uncomplete', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const form = formOf(request, ['planItemId', 'dueOn', 'back']);
    const found = await target(request.actor, form.planItemId, form.dueOn);
    const removed = await uncompleteOccurrence(ctx.db, request.actor, found.item, found.occurrence.dueOn);
    const back = safeBack(form.back);
    return reply.redirect(removed ? withNotice(back, { uncompleted: found.item.itemNumber, due: found.occurrence.dueOn }) : back, 303);
  });
}
