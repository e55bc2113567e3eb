/** Outreach events: staff pages (list, record, edit, details with the code and its effect). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { outreachNav } from '../outreach.nav.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Actor } from '../../../platform/policy.js';
import type { Lang } from '../../../platform/i18n.js';
import type { FieldError } from '../../../platform/views/components.js';
import { countAttachments, listAttachments } from '../../../platform/files/index.js';
import { listActivityTypes } from '../outreach.repository.js';
import { attachEventEvidence } from './attach-event-evidence.js';
import { EVENT_OWNER, EVIDENCE, registerEventFiles } from './event-evidence.js';
import { eventsMessages as t, type EventFieldError } from './events.messages.js';
import { canCreateEvent, canEditEvent, canListEvents, canViewEvent } from './events.policy.js';
import { eventEffect, findEvent, listEvents, listMunicipalities, listOrganisations, listPlanItemOptions, type EventView } from './events.repository.js';
import { findEventEvidence, removeEventEvidence } from './remove-event-evidence.js';
import { createEvent, editEvent, EVENT_FIELDS, linksText, type EventChoices, type EventInput } from './save-event.js';
import { DeleteEvidencePage, EventFormPage, EventListPage, EventPage, registrationLink, type EventFormChoices } from './events.views.js';

const EventParams = z.object({ id: z.string().uuid() });
const EvidenceParams = z.object({ id: z.string().uuid(), fileId: z.string().uuid() });

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

/** The event's page; `evidence` carries the evidence form's caption and errors after a failed upload. */
async function sendEventPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  event: EventView,
  extra: { notice?: string; evidence?: { caption: string; errors: FieldError[] } } = {},
  status = 200,
) {
  const effect = (await eventEffect(ctx.db, event.id))!;
  const planItem = event.planItemId ? ((await listPlanItemOptions(ctx.db, event.regionId, event.municipalityId)).find((i) => i.id === event.planItemId) ?? null) : null;
  const activityType = event.activityTypeId ? ((await listActivityTypes(ctx.db, event.regionId)).find((a) => a.id === event.activityTypeId) ?? null) : null;
  return sendPage(
    reply,
    EventPage({
      ctx: pageContext(request, outreachNav(request, 'events')),
      event,
      effect,
      link: registrationLink(ctx.config.publicUrl, event.code),
      planItem,
      activityType,
      canEdit: canEditEvent(request.actor!, event),
      notice: extra.notice,
      attachments: await listAttachments(ctx.db, EVENT_OWNER, event.id, EVIDENCE),
      evidence: { caption: extra.evidence?.caption ?? '', errors: extra.evidence?.errors ?? [], maxBytes: ctx.config.files.maxBytes },
    }),
    status,
  );
}

export async function registerOutreachEventRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;
  registerEventFiles();

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
    const evidenceCounts = await countAttachments(ctx.db, EVENT_OWNER, events.map((e) => e.id), EVIDENCE);
    return sendPage(reply, EventListPage({ ctx: pageContext(request, outreachNav(request, 'events')), events, evidenceCounts, canCreate: canCreateEvent(actor, undefined), showTerritory }));
  });

  app.get('/outreach/events/new', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateEvent, undefined);
    const choices = await choicesFor(ctx, request.actor, request.actor.regionId!);
    const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, ''])) as EventInput;
    if (choices.municipalities.length === 1) values.municipalityId = choices.municipalities[0]!.id;
    return sendPage(reply, EventFormPage({ ctx: pageContext(request, outreachNav(request, 'events')), choices, values, errors: [] }));
  });

  app.post('/outreach/events', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateEvent, undefined);
    const regionId = request.actor.regionId!;
    const choices = await choicesFor(ctx, request.actor, regionId);
    const form = formOf(request);
    const result = await createEvent(ctx.db, request.actor, regionId, form, choices);
    if (!result.ok) return sendPage(reply, EventFormPage({ ctx: pageContext(request, outreachNav(request, 'events')), choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/events/${result.eventId}?created=1`, 303);
  });

  app.get('/outreach/events/:id', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canViewEvent, event);
    const q = request.query as Record<string, string | undefined>;
    const added = Number(q.filesAdded);
    const notice = q.created
      ? t(request.lang, 'eventCreated', { code: event.code })
      : q.saved
        ? t(request.lang, 'eventSaved')
        : Number.isInteger(added) && added > 0
          ? t(request.lang, 'evidenceAdded', { n: added })
          : q.fileDeleted
            ? t(request.lang, 'evidenceDeleted')
            : undefined;
    return sendEventPage(ctx, request, reply, event, { notice });
  });

  // Evidence: photos and documents (multipart form; see platform/http/uploads.ts).
  app.post('/outreach/events/:id/files', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const caption = typeof body.caption === 'string' ? body.caption : '';
    const result = await attachEventEvidence(ctx.db, request.actor, event, { caption, uploads: request.uploads }, { maxBytes: ctx.config.files.maxBytes, lang: request.lang });
    if (!result.ok) {
      const errors = [...result.uploadErrors, ...translate(request.lang, result.errors)];
      return sendEventPage(ctx, request, reply, event, { evidence: { caption, errors } }, 400);
    }
    return reply.redirect(`/outreach/events/${event.id}?filesAdded=${result.stored.length}#evidence`, 303);
  });

  app.get('/outreach/events/:id/files/:fileId/delete', { schema: { ...hide, params: EvidenceParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const attachment = await findEventEvidence(ctx.db, event.id, request.params.fileId);
    if (!attachment) throw new HttpError(404, 'not_found');
    return sendPage(reply, DeleteEvidencePage({ ctx: pageContext(request, outreachNav(request, 'events')), event, attachment }));
  });

  app.post('/outreach/events/:id/files/:fileId/delete', { schema: { ...hide, params: EvidenceParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const gone = await removeEventEvidence(ctx.db, request.actor, event.id, request.params.fileId);
    if (!gone) throw new HttpError(404, 'not_found');
    return reply.redirect(`/outreach/events/${event.id}?fileDeleted=1#evidence`, 303);
  });

  app.get('/outreach/events/:id/edit', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const choices = await choicesFor(ctx, request.actor, event.regionId);
    return sendPage(reply, EventFormPage({ ctx: pageContext(request, outreachNav(request, 'events')), event, choices, values: eventValues(event), errors: [] }));
  });

  app.post('/outreach/events/:id', { schema: { ...hide, params: EventParams } }, async (request, reply) => {
    authorize(request.actor, canListEvents, undefined);
    const event = await loadEvent(ctx, request.params.id);
    authorize(request.actor, canEditEvent, event);
    const choices = await choicesFor(ctx, request.actor, event.regionId);
    const form = formOf(request);
    const result = await editEvent(ctx.db, request.actor, event.id, form, choices);
    if (!result.ok) return sendPage(reply, EventFormPage({ ctx: pageContext(request, outreachNav(request, 'events')), event, choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/events/${event.id}?saved=1`, 303);
  });
}
