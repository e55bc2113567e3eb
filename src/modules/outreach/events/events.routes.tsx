/** Outreach events: staff pages (list, record, edit, details with the code and its effect). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Actor } from '../../../platform/policy.js';
import type { Lang } from '../../../platform/i18n.js';
import type { FieldError } from '../../../platform/views/components.js';
import { listActivityTypes } from '../outreach.repository.js';
import { eventsMessages as t, type EventFieldError } from './events.messages.js';
import { canCreateEvent, canEditEvent, canListEvents, canViewEvent } from './events.policy.js';
import { eventEffect, findEvent, listEvents, listMunicipalities, listOrganisations, listPlanItemOptions, type EventView } from './events.repository.js';
import { createEvent, editEvent, EVENT_FIELDS, linksText, type EventChoices, type EventInput } from './save-event.js';
import { EventFormPage, EventListPage, EventPage, registrationLink, type EventFormChoices } from './events.views.js';

const EventParams = z.object({ id: z.string().uuid() });

/** Form fields as strings; anything else (missing, repeated) becomes ''. */
function formOf(request: FastifyRequest): EventInput {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(EVENT_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : ''])) as EventInput;
}

function translate(lang: Lang, errors: EventFieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.vars) }));
}

function isoToRu(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function eventValues(e: EventView): EventInput {
  return {
    municipalityId: e.municipalityId,
    heldOn: isoToRu(e.heldOn),
    title: e.title,
    format: e.format,
    formatOther: e.formatOther ?? '',
    place: e.place,
    organisationId: e.organisationId ?? '',
    audience: e.audience,
    peopleReached: e.peopleReached === null ? '' : String(e.peopleReached),
    links: linksText(e.links),
    planItemId: e.planItemId ?? '',
    activityTypeId: e.activityTypeId ?? '',
    notes: e.notes,
  };
}

/**
 * What the actor may choose from: a coordinator their own municipality; a regional
 * administrator every municipality of the region (an existing event keeps its region).
 */
async function choicesFor(ctx: AppContext, actor: Actor, regionId: string): Promise<EventChoices & EventFormChoices> {
  const all = await listMunicipalities(ctx.db, regionId);
  const municipalities = all.filter((m) => canEditEvent(actor, { regionId, municipalityId: m.id }));
  const only = municipalities.length === 1 ? municipalities[0]!.id : null;
  const types = await listActivityTypes(ctx.db, regionId);
  return {
    municipalities,
    organisations: (await listOrganisations(ctx.db, regionId, only)).filter((o) => municipalities.some((m) => m.id === o.municipalityId)),
    planItems: (await listPlanItemOptions(ctx.db, regionId, only)).filter((i) => i.municipalityId === null || municipalities.some((m) => m.id === i.municipalityId)),
    types,
    activityTypeIds: new Set(types.map((a) => a.id)),
  };
}

async function loadEvent(ctx: AppContext, id: string): Promise<EventView> {
  const event = await findEvent(ctx.db, id);
  if (!event) throw new HttpError(404, 'not_found');
  return event;
}

export async function registerOutreachEventRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  app.get('/outreach/events', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const actor = request.actor;
    const rows =
      actor.role === 'system_admin'
        ? await listEvents(ctx.db)
        : actor.role === 'regional_admin'
          ? await listEvents(ctx.db, { regionId: actor.regionId! })
          : actor.municipalityId
            ? await listEvents(ctx.db, { regionId: actor.regionId!, municipalityId: actor.municipalityId })
            : [];
    const events = rows.filter((e) => canViewEvent(actor, e));
    const showTerritory = actor.role === 'system_admin' || actor.role === 'regional_admin';
    return sendPage(reply, EventListPage({ ctx: pageContext(request), events, canCreate: canCreateEvent(actor, undefined), showTerritory }));
  });

  app.get('/outreach/events/new', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateEvent, undefined);
    const choices = await choicesFor(ctx, request.actor, request.actor.regionId!);
    const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, ''])) as EventInput;
    if (choices.municipalities.length === 1) values.municipalityId = choices.municipalities[0]!.id;
    return sendPage(reply, EventFormPage({ ctx: pageContext(request), choices, values, errors: [] }));
  });

  app.post('/outreach/events', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateEvent, undefined);
    const regionId = request.actor.regionId!;
    const choices = await choicesFor(ctx, request.actor, regionId);
    const form = formOf(request);
    const result = await createEvent(ctx.db, request.actor, regionId, form, choices);
    if (!result.ok) return sendPage(reply, EventFormPage({ ctx: pageContext(request), choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/events/${result.eventId}?created=1`, 303);
  });

  app.get('/outreach/events/:id', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canViewEvent, event);
    const effect = (await eventEffect(ctx.db, event.id))!;
    const planItem = event.planItemId ? ((await listPlanItemOptions(ctx.db, event.regionId, event.municipalityId)).find((i) => i.id === event.planItemId) ?? null) : null;
    const activityType = event.activityTypeId ? ((await listActivityTypes(ctx.db, event.regionId)).find((a) => a.id === event.activityTypeId) ?? null) : null;
    const q = request.query as Record<string, string | undefined>;
    const notice = q.created ? t(request.lang, 'eventCreated', { code: event.code }) : q.saved ? t(request.lang, 'eventSaved') : undefined;
    return sendPage(
      reply,
      EventPage({
        ctx: pageContext(request),
        event,
        effect,
        link: registrationLink(ctx.config.publicUrl, event.code),
        planItem,
        activityType,
        canEdit: canEditEvent(request.actor, event),
        notice,
      }),
    );
  });

  app.get('/outreach/events/:id/edit', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const choices = await choicesFor(ctx, request.actor, event.regionId);
    return sendPage(reply, EventFormPage({ ctx: pageContext(request), event, choices, values: eventValues(event), errors: [] }));
  });

  app.post('/outreach/events/:id', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const choices = await choicesFor(ctx, request.actor, event.regionId);
    const form = formOf(request);
    const result = await editEvent(ctx.db, request.actor, event.id, form, choices);
    if (!result.ok) return sendPage(reply, EventFormPage({ ctx: pageContext(request), event, choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/events/${event.id}?saved=1`, 303);
  });
}
