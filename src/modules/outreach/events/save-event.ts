/**
 * Records an outreach event (a coordinator for their municipality, a regional
 * administrator for any municipality of the region) and changes it later. A new
 * event gets a unique code; the code never changes, because it is printed.
 */
import type { Database } from '../../../db/client.js';
import type { OutreachEventLink } from '../../../db/schema/outreach-events.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { parseDecreeDate } from '../approve-plan.js';
import { generateEventCode } from './event-code.js';
import { isEventFormat, type EventFieldError } from './events.messages.js';
import {
  eventCodeExists,
  findEvent,
  insertEvent,
  updateEvent,
  type EventFields,
  type MunicipalityOption,
  type OrganisationOption,
  type PlanItemOption,
} from './events.repository.js';

export const EVENT_FIELDS = [
  'municipalityId',
  'heldOn',
  'title',
  'format',
  'formatOther',
  'place',
  'organisationId',
  'audience',
  'peopleReached',
  'links',
  'planItemId',
  'activityTypeId',
  'notes',
] as const;

export type EventInput = Record<(typeof EVENT_FIELDS)[number], string>;

/** What the actor may pick from (the route loads them for the form too). */
export interface EventChoices {
  municipalities: MunicipalityOption[];
  organisations: OrganisationOption[];
  planItems: PlanItemOption[];
  activityTypeIds: Set<string>;
}

export type SaveEventResult = { ok: true; eventId: string; code: string } | { ok: false; errors: EventFieldError[] };

const LIMITS = { title: 500, formatOther: 200, place: 500, audience: 500, notes: 4000, link: 2000, links: 20 } as const;

/** Lines of «URL caption» or «caption URL»; the URL must be http(s). */
export function parseLinks(text: string): { links: OutreachEventLink[]; error?: EventFieldError } {
  const links: OutreachEventLink[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /(https?:\/\/\S+)/i.exec(line);
    let url: URL | null = null;
    try {
      url = m ? new URL(m[1]!) : null;
    } catch {
      url = null;
    }
    if (!m || !url || !/^https?:$/.test(url.protocol) || line.length > LIMITS.link) return { links, error: { field: 'links', code: 'errLinks', vars: { line: i + 1 } } };
    const title = line.replace(m[1]!, ' ').replace(/\s+/g, ' ').replace(/^[\s—–:-]+|[\s—–:-]+$/g, '');
    links.push({ url: m[1]!, title });
  }
  if (links.length > LIMITS.links) return { links, error: { field: 'links', code: 'errLinksMany', vars: { max: LIMITS.links } } };
  return { links };
}

export function linksText(links: OutreachEventLink[]): string {
  return links.map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n');
}

export function validateEvent(input: EventInput, choices: EventChoices): { fields?: EventFields; errors: EventFieldError[] } {
  const errors: EventFieldError[] = [];
  const text = (field: keyof typeof LIMITS & keyof EventInput, required: EventFieldError['code'] | null): string => {
    const v = input[field].trim();
    if (!v && required) errors.push({ field, code: required });
    else if (v.length > LIMITS[field]) errors.push({ field, code: 'errTooLong', vars: { max: LIMITS[field] } });
    return v;
  };

  const municipalityId = input.municipalityId.trim() || (choices.municipalities.length === 1 ? choices.municipalities[0]!.id : '');
  if (!choices.municipalities.some((m) => m.id === municipalityId)) errors.push({ field: 'municipalityId', code: 'errMunicipality' });
  const heldOn = parseDecreeDate(input.heldOn);
  if (!heldOn) errors.push({ field: 'heldOn', code: 'errHeldOn' });
  const title = text('title', 'errTitle');
  const format = input.format.trim();
  if (!isEventFormat(format)) errors.push({ field: 'format', code: 'errFormat' });
  const formatOther = format === 'other' ? text('formatOther', 'errFormatOther') : '';
  const place = text('place', 'errPlace');
  const audience = text('audience', null);
  const notes = text('notes', null);
  const peopleRaw = input.peopleReached.replace(/[\s\u00a0\u202f]/g, '');
  let peopleReached: number | null = null;
  if (peopleRaw) {
    if (/^\d{1,7}$/.test(peopleRaw) && Number(peopleRaw) <= 1_000_000) peopleReached = Number(peopleRaw);
    else errors.push({ field: 'peopleReached', code: 'errPeople' });
  }
  const { links, error: linkError } = parseLinks(input.links);
  if (linkError) errors.push(linkError);
  const organisationId = input.organisationId.trim();
  if (organisationId && !choices.organisations.some((o) => o.id === organisationId && o.municipalityId === municipalityId)) {
    errors.push({ field: 'organisationId', code: 'errOrganisation' });
  }
  const planItemId = input.planItemId.trim();
  const item = planItemId ? choices.planItems.find((i) => i.id === planItemId && (i.municipalityId === null || i.municipalityId === municipalityId)) : undefined;
  if (planItemId && !item) errors.push({ field: 'planItemId', code: 'errPlanItem' });
  const activityTypeId = input.activityTypeId.trim();
  if (activityTypeId && !choices.activityTypeIds.has(activityTypeId)) errors.push({ field: 'activityTypeId', code: 'errActivityType' });
  if (errors.length) return { errors };
  return {
    errors,
    fields: {
      municipalityId,
      planId: item?.planId ?? null,
      planItemId: item?.id ?? null,
      // the plan item's activity type when none is chosen
      activityTypeId: activityTypeId || item?.activityTypeId || null,
      title,
      format,
      formatOther: formatOther || null,
      heldOn: heldOn!,
      place,
      organisationId: organisationId || null,
      audience,
      peopleReached,
      links,
      notes,
    },
  };
}

export async function createEvent(db: Database, actor: StaffActor, regionId: string, input: EventInput, choices: EventChoices): Promise<SaveEventResult> {
  const { fields, errors } = validateEvent(input, choices);
  if (!fields) return { ok: false, errors };
  const municipalityKey = choices.municipalities.find((m) => m.id === fields.municipalityId)!.key;
  return db.transaction(async (tx) => {
    let code = '';
    for (let attempt = 0; attempt < 20 && !code; attempt++) {
      const candidate = generateEventCode(municipalityKey, fields.heldOn);
      if (!(await eventCodeExists(tx, candidate))) code = candidate;
    }
    if (!code) throw new Error(`no free event code for ${municipalityKey} ${fields.heldOn}`);
    const id = await insertEvent(tx, { ...fields, regionId, code, createdBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.event.create',
      subjectType: 'outreach_event',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { municipalityId: fields.municipalityId, code, heldOn: fields.heldOn, format: fields.format, planItemId: fields.planItemId },
    });
    return { ok: true as const, eventId: id, code };
  });
}

export async function editEvent(db: Database, actor: StaffActor, eventId: string, input: EventInput, choices: EventChoices): Promise<SaveEventResult> {
  const { fields, errors } = validateEvent(input, choices);
  if (!fields) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const before = await findEvent(tx, eventId);
    if (!before) throw new Error(`event ${eventId} not found`);
    await updateEvent(tx, eventId, fields);
    const changed = (Object.keys(fields) as Array<keyof EventFields>).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(before[k]));
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.event.update',
      subjectType: 'outreach_event',
      subjectId: eventId,
      organisationId: actor.organisationId,
      details: { code: before.code, changed },
    });
    return { ok: true as const, eventId, code: before.code };
  });
}
