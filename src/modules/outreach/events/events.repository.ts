/** SQL for outreach events, the choices their form offers, and the effect of their codes. */
import type { Queryable } from '../../../db/client.js';
import type { OutreachEventLink } from '../../../db/schema/outreach-events.js';

export interface EventView {
  id: string;
  regionId: string;
  municipalityId: string;
  municipalityName: string;
  municipalityKey: string;
  planId: string | null;
  planItemId: string | null;
  activityTypeId: string | null;
  title: string;
  format: string;
  formatOther: string | null;
  /** YYYY-MM-DD */
  heldOn: string;
  place: string;
  organisationId: string | null;
  organisationName: string | null;
  audience: string;
  peopleReached: number | null;
  code: string;
  links: OutreachEventLink[];
  notes: string;
  createdBy: string | null;
  updatedAt: Date;
}

export interface ChannelCounts {
  online: number;
  atCentre: number;
  total: number;
}

/** Sign-ups attributed to an event by its code. */
export interface EventEffect {
  /** the window, YYYY-MM-DD inclusive, in the region's time zone */
  from: string;
  to: string;
  registrations: ChannelCounts;
  confirmations: ChannelCounts;
}

export type EventListRow = EventView & { registrations: number; confirmations: number };

/** Days after the event (besides its own day) whose sign-ups with the code count for it. */
export const EFFECT_DAYS_AFTER = 30;

// The window: from the start of the event's day to the end of the 30th day after, in the region's time zone.
const WINDOW = `cross join lateral (select (e.held_on::timestamp at time zone r.time_zone) as from_ts,
                                         ((e.held_on + ${EFFECT_DAYS_AFTER + 1})::timestamp at time zone r.time_zone) as to_ts) w`;

// Registrations: accounts created with the code inside the window (deleted ones too: deletion does not undo a
// sign-up; registrations never completed — status 'pending' — are not sign-ups and are erased after 24 h).
// Confirmations: those of them confirmed inside the window. Channel: registered at a service centre or online.
const EFFECT = `left join lateral (
  select count(*) filter (where c.registered_at_centre_id is null)::int as reg_online,
         count(*) filter (where c.registered_at_centre_id is not null)::int as reg_centre,
         count(*) filter (where c.confirmed_at is not null and c.confirmed_at < w.to_ts and c.registered_at_centre_id is null)::int as conf_online,
         count(*) filter (where c.confirmed_at is not null and c.confirmed_at < w.to_ts and c.registered_at_centre_id is not null)::int as conf_centre
    from citizens c
   where upper(btrim(c.event_code)) = e.code and c.status <> 'pending' and c.created_at >= w.from_ts and c.created_at < w.to_ts
) x on true`;

const EVENT_SELECT = `select e.id, e.region_id, e.municipality_id, m.name as municipality_name, m.key as municipality_key, e.plan_id, e.plan_item_id,
       e.activity_type_id, e.title, e.format, e.format_other, to_char(e.held_on, 'YYYY-MM-DD') as held_on, e.place, e.organisation_id,
       o.name as organisation_name, e.audience, e.people_reached, e.code, e.links, e.notes, e.created_by, e.updated_at,
       to_char(e.held_on, 'YYYY-MM-DD') as window_from, to_char(e.held_on + ${EFFECT_DAYS_AFTER}, 'YYYY-MM-DD') as window_to,
       x.reg_online, x.reg_centre, x.conf_online, x.conf_centre
  from outreach_events e
  join regions r on r.id = e.region_id
  join municipalities m on m.id = e.municipality_id
  left join organisations o on o.id = e.organisation_id
  ${WINDOW}
  ${EFFECT}`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toEvent(r: Record<string, unknown>): EventView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: String(r.municipality_id),
    municipalityName: String(r.municipality_name),
    municipalityKey: String(r.municipality_key),
    planId: str(r.plan_id),
    planItemId: str(r.plan_item_id),
    activityTypeId: str(r.activity_type_id),
    title: String(r.title),
    format: String(r.format),
    formatOther: str(r.format_other),
    heldOn: String(r.held_on),
    place: String(r.place),
    organisationId: str(r.organisation_id),
    organisationName: str(r.organisation_name),
    audience: String(r.audience),
    peopleReached: r.people_reached === null ? null : Number(r.people_reached),
    code: String(r.code),
    links: json<OutreachEventLink[]>(r.links) ?? [],
    notes: String(r.notes),
    createdBy: str(r.created_by),
    updatedAt: new Date(r.updated_at as string),
  };
}

function toEffect(r: Record<string, unknown>): EventEffect {
  const n = (v: unknown) => Number(v ?? 0);
  const reg = { online: n(r.reg_online), atCentre: n(r.reg_centre) };
  const conf = { online: n(r.conf_online), atCentre: n(r.conf_centre) };
  return {
    from: String(r.window_from),
    to: String(r.window_to),
    registrations: { ...reg, total: reg.online + reg.atCentre },
    confirmations: { ...conf, total: conf.online + conf.atCentre },
  };
}

/** Events of a region or a municipality (or all), newest first, with their code's registrations and confirmations. */
export async function listEvents(db: Queryable, filter: { regionId?: string; municipalityId?: string } = {}): Promise<EventListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionId) {
    params.push(filter.regionId);
    where.push(`e.region_id = $${params.length}`);
  }
  if (filter.municipalityId) {
    params.push(filter.municipalityId);
    where.push(`e.municipality_id = $${params.length}`);
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `${EVENT_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by e.held_on desc, e.created_at desc`,
    params,
  );
  return rows.map((r) => {
    const effect = toEffect(r);
    return { ...toEvent(r), registrations: effect.registrations.total, confirmations: effect.confirmations.total };
  });
}

export async function findEvent(db: Queryable, id: string): Promise<EventView | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${EVENT_SELECT} where e.id = $1`, [id]);
  return rows[0] ? toEvent(rows[0]) : null;
}

/** Where an event is held (for policies), without the effect figures; null when there is no such event. */
export async function findEventPlace(db: Queryable, id: string): Promise<{ regionId: string; municipalityId: string } | null> {
  const { rows } = await db.query<{ region_id: string; municipality_id: string }>('select region_id, municipality_id from outreach_events where id = $1', [id]);
  return rows[0] ? { regionId: String(rows[0].region_id), municipalityId: String(rows[0].municipality_id) } : null;
}

/** The effect of an event's code; null when there is no such event. */
export async function eventEffect(db: Queryable, eventId: string): Promise<EventEffect | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${EVENT_SELECT} where e.id = $1`, [eventId]);
  return rows[0] ? toEffect(rows[0]) : null;
}

export async function eventCodeExists(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from outreach_events where code = $1', [code]);
  return rows.length > 0;
}

export interface EventFields {
  municipalityId: string;
  planId: string | null;
  planItemId: string | null;
  activityTypeId: string | null;
  title: string;
  format: string;
  formatOther: string | null;
  heldOn: string;
  place: string;
  organisationId: string | null;
  audience: string;
  peopleReached: number | null;
  links: OutreachEventLink[];
  notes: string;
}

export async function insertEvent(db: Queryable, e: EventFields & { regionId: string; code: string; createdBy: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into outreach_events (region_id, municipality_id, plan_id, plan_item_id, activity_type_id, title, format, format_other, held_on, place,
                                  organisation_id, audience, people_reached, code, links, notes, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
    [
      e.regionId,
      e.municipalityId,
      e.planId,
      e.planItemId,
      e.activityTypeId,
      e.title,
      e.format,
      e.formatOther,
      e.heldOn,
      e.place,
      e.organisationId,
      e.audience,
      e.peopleReached,
      e.code,
      JSON.stringify(e.links),
      e.notes,
      e.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function updateEvent(db: Queryable, id: string, e: EventFields): Promise<void> {
  await db.query(
    `update outreach_events set municipality_id = $2, plan_id = $3, plan_item_id = $4, activity_type_id = $5, title = $6, format = $7, format_other = $8,
            held_on = $9, place = $10, organisation_id = $11, audience = $12, people_reached = $13, links = $14, notes = $15, updated_at = now()
      where id = $1`,
    [id, e.municipalityId, e.planId, e.planItemId, e.activityTypeId, e.title, e.format, e.formatOther, e.heldOn, e.place, e.organisationId, e.audience, e.peopleReached, JSON.stringify(e.links), e.notes],
  );
}

// --- what the form offers ------------------------------------------------------

export interface MunicipalityOption {
  id: string;
  key: string;
  name: string;
}

export async function listMunicipalities(db: Queryable, regionId: string): Promise<MunicipalityOption[]> {
  const { rows } = await db.query<Record<string, unknown>>('select id, key, name from municipalities where region_id = $1 order by name', [regionId]);
  return rows.map((r) => ({ id: String(r.id), key: String(r.key), name: String(r.name) }));
}

export interface OrganisationOption {
  id: string;
  municipalityId: string | null;
  name: string;
}

/** Organisations of the region's municipalities (one municipality's when given). */
export async function listOrganisations(db: Queryable, regionId: string, municipalityId: string | null): Promise<OrganisationOption[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select o.id, o.municipality_id, o.short_name from organisations o left join municipalities m on m.id = o.municipality_id
      where o.region_id = $1 and o.municipality_id is not null and ($2::uuid is null or o.municipality_id = $2::uuid) order by m.name, o.short_name`,
    [regionId, municipalityId],
  );
  return rows.map((r) => ({ id: String(r.id), municipalityId: str(r.municipality_id), name: String(r.short_name) }));
}

export interface PlanItemOption {
  id: string;
  planId: string;
  /** null = the region's own plan */
  municipalityId: string | null;
  planTitle: string;
  itemNumber: string;
  content: string;
  activityTypeId: string | null;
}

/** Items of the region's plans: one municipality's and the region's own when a municipality is given, all otherwise. */
export async function listPlanItemOptions(db: Queryable, regionId: string, municipalityId: string | null): Promise<PlanItemOption[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select i.id, i.plan_id, p.municipality_id, p.title as plan_title, i.item_number, i.content, i.activity_type_id
       from outreach_plan_items i join outreach_plans p on p.id = i.plan_id
      where p.region_id = $1 and ($2::uuid is null or p.municipality_id is null or p.municipality_id = $2::uuid)
      order by p.period_from desc, p.title, i.sort_order`,
    [regionId, municipalityId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    planId: String(r.plan_id),
    municipalityId: str(r.municipality_id),
    planTitle: String(r.plan_title),
    itemNumber: String(r.item_number),
    content: String(r.content),
    activityTypeId: str(r.activity_type_id),
  }));
}
