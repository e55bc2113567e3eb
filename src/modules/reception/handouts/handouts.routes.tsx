/**
 * /reception/handouts: the page; /reception/handouts/memo.pdf and
 * /reception/handouts/poster.pdf: the PDFs (GET, so a plain link downloads
 * them; nothing is changed, nothing audited). Who: staff who receive visitors
 * (their municipality's centres), coordinators (their municipality's), the
 * regional administrator (the region's) and the system administrator (all).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { formatDate } from '../../../platform/i18n.js';
import { renderPdf } from '../../../platform/pdf/index.js';
import { authorize, type Policy, type StaffActor } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { listEvents } from '../../outreach/events/events.repository.js';
import { listRegions, listServiceCentres, type ServiceCentreView } from '../../territory/territory.repository.js';
import { isReceptionSupervisor, servesVisitors } from '../reception.policy.js';
import { receptionNav } from '../reception.routes.js';
import { centreLines, eventCodeLine, memoSpec, posterSpec, type HandoutData } from './handout-content.js';
import { handoutMessages as t } from './handouts.messages.js';
import { HandoutsPage } from './handouts.views.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const canMakeHandouts: Policy = (actor) => servesVisitors(actor) || isReceptionSupervisor(actor);

/** The municipality an employee works in: their own, or their organisation's. */
export async function actorMunicipalityId(db: AppContext['db'], actor: StaffActor): Promise<string | null> {
  if (actor.municipalityId) return actor.municipalityId;
  if (!actor.organisationId) return null;
  const { rows } = await db.query<{ municipality_id: string | null }>('select municipality_id from organisations where id = $1', [actor.organisationId]);
  return rows[0]?.municipality_id ?? null;
}

export async function registerHandoutRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** The centres the actor may print for, in the order offered (their own centre first). */
  async function centresFor(actor: StaffActor): Promise<ServiceCentreView[]> {
    if (actor.role === 'system_admin') {
      const all: ServiceCentreView[] = [];
      for (const r of await listRegions(ctx.db)) all.push(...(await listServiceCentres(ctx.db, { regionId: r.id })));
      return all;
    }
    if (!actor.regionId) return [];
    if (actor.role === 'regional_admin') return listServiceCentres(ctx.db, { regionId: actor.regionId });
    const municipalityId = await actorMunicipalityId(ctx.db, actor);
    const own = municipalityId ? await listServiceCentres(ctx.db, { regionId: actor.regionId, municipalityId }) : [];
    const list = own.length > 0 ? own : servesVisitors(actor) ? await listServiceCentres(ctx.db, { regionId: actor.regionId }) : [];
    const mine = list.findIndex((c) => c.id === actor.serviceCentreId);
    return mine > 0 ? [list[mine]!, ...list.slice(0, mine), ...list.slice(mine + 1)] : list;
  }

  interface Choice {
    centres: ServiceCentreView[];
    centre: ServiceCentreView | null;
    events: Array<{ id: string; code: string; title: string; heldOn: string }>;
    event: { id: string; code: string; title: string; heldOn: string } | null;
    errors: FieldError[];
  }

  async function choose(request: FastifyRequest): Promise<Choice> {
    authorize(request.actor, canMakeHandouts, undefined);
    const q = request.query as Form;
    const centres = await centresFor(request.actor);
    const errors: FieldError[] = [];
    const wanted = str(q.centre);
    let centre = wanted ? (centres.find((c) => c.id === wanted) ?? null) : (centres[0] ?? null);
    if (wanted && !centre) {
      errors.push({ field: 'centre', message: t(request.lang, 'badCentre') });
      centre = centres[0] ?? null;
    }
    const events = centre ? (await listEvents(ctx.db, { municipalityId: centre.municipalityId })).map((e) => ({ id: e.id, code: e.code, title: e.title, heldOn: e.heldOn })) : [];
    events.sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
    const wantedEvent = str(q.event);
    const event = wantedEvent ? (events.find((e) => e.id === wantedEvent) ?? null) : null;
    if (wantedEvent && !event) errors.push({ field: 'event', message: t(request.lang, 'badEvent') });
    return { centres, centre, events, event, errors };
  }

  function dataOf(c: Choice): HandoutData {
    const centre = c.centre!;
    return {
      centre: { name: centre.name, address: centre.address, phone: centre.phone, hours: centre.hours },
      event: c.event ? { code: c.event.code, title: c.event.title } : null,
      registerUrl: c.event ? `${ctx.config.publicUrl}/register?event=${encodeURIComponent(c.event.code)}` : `${ctx.config.publicUrl}/register`,
    };
  }

  app.get('/reception/handouts', { schema: { hide: true } }, async (request, reply) => {
    const c = await choose(request);
    const lang = request.lang;
    const multiMunicipality = new Set(c.centres.map((x) => x.municipalityId)).size > 1;
    return sendPage(
      reply,
      <HandoutsPage
        ctx={pageContext(request, receptionNav(request, 'handouts'))}
        centres={c.centres.map((x) => ({ value: x.id, label: multiMunicipality ? `${x.municipalityName}: ${x.name}` : x.name }))}
        events={c.events.map((e) => ({ value: e.id, label: `${e.code} — ${e.title} (${formatDate(lang, new Date(`${e.heldOn}T12:00:00Z`), 'UTC')})` }))}
        centre={c.centre?.id ?? ''}
        event={c.event?.id ?? ''}
        preview={c.centre ? [...centreLines(dataOf(c).centre), ...(c.event ? [eventCodeLine(c.event.code)] : [])] : []}
        errors={c.errors}
      />,
      c.errors.length ? 400 : 200,
    );
  });

  async function sendHandout(request: FastifyRequest, reply: FastifyReply, kind: 'memo' | 'poster') {
    const c = await choose(request);
    if (!c.centre || c.errors.length) throw new HttpError(404, 'not_found');
    const data = dataOf(c);
    const pdf = await renderPdf(kind === 'memo' ? memoSpec(data) : posterSpec(data));
    const fileName = `${kind === 'memo' ? 'Памятка_регистрация_на_госуслугах' : 'Плакат_госуслуги'}${c.event ? `_${c.event.code}` : ''}.pdf`;
    return reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition('attachment', fileName))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  }

  app.get('/reception/handouts/memo.pdf', { schema: { hide: true } }, (request, reply) => sendHandout(request, reply, 'memo'));
  app.get('/reception/handouts/poster.pdf', { schema: { hide: true } }, (request, reply) => sendHandout(request, reply, 'poster'));
}
