/**
 * SQL for what is due: the items of approved plans (working copy), the marks
 * that an occurrence was done, the events a mark may point to, the staff who
 * receive reminders, and the reminders already sent.
 */
import type { Queryable } from '../../../db/client.js';
import type { PlanExecutor } from '../../../db/schema/outreach.js';
import type { CompletionMark, DueItem } from './occurrences.js';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const ITEM_SELECT = `select p.id as plan_id, p.title as plan_title, p.region_id, p.municipality_id, m.name as municipality_name, r.name as region_name,
       p.current_version, to_char(p.period_from, 'YYYY-MM-DD') as period_from, to_char(p.period_to, 'YYYY-MM-DD') as period_to,
       i.id as item_id, i.item_number, i.sort_order, i.content, i.executors, i.deadline
  from outreach_plan_items i
  join outreach_plans p on p.id = i.plan_id
  join regions r on r.id = p.region_id
  left join municipalities m on m.id = p.municipality_id`;

function toItem(r: Record<string, unknown>): DueItem {
  return {
    planId: String(r.plan_id),
    planTitle: String(r.plan_title),
    regionId: String(r.region_id),
    municipalityId: str(r.municipality_id),
    municipalityName: str(r.municipality_name),
    regionName: String(r.region_name),
    currentVersion: Number(r.current_version),
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    itemId: String(r.item_id),
    itemNumber: String(r.item_number),
    sortOrder: Number(r.sort_order),
    content: String(r.content),
    executors: json<PlanExecutor[]>(r.executors) ?? [],
    deadline: r.deadline === null || r.deadline === undefined ? null : json<unknown>(r.deadline),
  };
}

/**
 * Items of the working copies of plans approved at least once (current_version > 0):
 * of a region, optionally of one municipality (null = the region's own plan).
 */
export async function listDueItems(db: Queryable, filter: { regionId: string; municipalityId?: string | null }): Promise<DueItem[]> {
  const params: unknown[] = [filter.regionId];
  let where = 'p.current_version > 0 and p.region_id = $1';
  if (filter.municipalityId === null) where += ' and p.municipality_id is null';
  else if (filter.municipalityId !== undefined) {
    params.push(filter.municipalityId);
    where += ` and p.municipality_id = $${params.length}`;
  }
  const { rows } = await db.query<Record<string, unknown>>(`${ITEM_SELECT} where ${where} order by p.period_from, m.name nulls first, p.id, i.sort_order`, params);
  return rows.map(toItem);
}

/** One item with its plan (approved or not; the caller checks). */
export async function findDueItem(db: Queryable, itemId: string): Promise<DueItem | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${ITEM_SELECT} where i.id = $1`, [itemId]);
  return rows[0] ? toItem(rows[0]) : null;
}

const COMPLETION_SELECT = `select c.plan_item_id, to_char(c.due_on, 'YYYY-MM-DD') as due_on, to_char(c.done_on, 'YYYY-MM-DD') as done_on, c.note, c.event_id,
       e.title as event_title, c.created_by
  from outreach_item_completions c
  left join outreach_events e on e.id = c.event_id`;

function toCompletion(r: Record<string, unknown>): CompletionMark {
  return {
    planItemId: String(r.plan_item_id),
    dueOn: String(r.due_on),
    doneOn: String(r.done_on),
    note: String(r.note),
    eventId: str(r.event_id),
    eventTitle: str(r.event_title),
    createdBy: str(r.created_by),
  };
}

/** Completion marks of the plans of a region (optionally one municipality / the region's own plan). */
export async function listCompletions(db: Queryable, filter: { regionId: string; municipalityId?: string | null }): Promise<CompletionMark[]> {
  const params: unknown[] = [filter.regionId];
  let where = 'p.region_id = $1';
  if (filter.municipalityId === null) where += ' and p.municipality_id is null';
  else if (filter.municipalityId !== undefined) {
    params.push(filter.municipalityId);
    where += ` and p.municipality_id = $${params.length}`;
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `${COMPLETION_SELECT} join outreach_plan_items i on i.id = c.plan_item_id join outreach_plans p on p.id = i.plan_id where ${where}`,
    params,
  );
  return rows.map(toCompletion);
}

export async function findCompletion(db: Queryable, planItemId: string, dueOn: string): Promise<CompletionMark | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${COMPLETION_SELECT} where c.plan_item_id = $1 and c.due_on = $2`, [planItemId, dueOn]);
  return rows[0] ? toCompletion(rows[0]) : null;
}

export interface CompletionFields {
  planItemId: string;
  dueOn: string;
  doneOn: string;
  note: string;
  eventId: string | null;
  createdBy: string;
}

/** Marks an occurrence done, or replaces its mark; says which. */
export async function upsertCompletion(db: Queryable, c: CompletionFields): Promise<{ id: string; replaced: boolean }> {
  const { rows } = await db.query<{ id: string; inserted: boolean }>(
    `insert into outreach_item_completions (plan_item_id, due_on, done_on, note, event_id, created_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (plan_item_id, due_on) do update
        set done_on = excluded.done_on, note = excluded.note, event_id = excluded.event_id, created_by = excluded.created_by, created_at = now()
     returning id, (xmax = 0) as inserted`,
    [c.planItemId, c.dueOn, c.doneOn, c.note, c.eventId, c.createdBy],
  );
  return { id: rows[0]!.id, replaced: !rows[0]!.inserted };
}

/** Removes the mark; returns what it was, or null when there was none. */
export async function deleteCompletion(db: Queryable, planItemId: string, dueOn: string): Promise<{ id: string; doneOn: string } | null> {
  const { rows } = await db.query<{ id: string; done_on: string }>(
    `delete from outreach_item_completions where plan_item_id = $1 and due_on = $2 returning id, to_char(done_on, 'YYYY-MM-DD') as done_on`,
    [planItemId, dueOn],
  );
  return rows[0] ? { id: rows[0].id, doneOn: String(rows[0].done_on) } : null;
}

// --- events a completion may point to ---------------------------------------------

export interface EventOption {
  id: string;
  title: string;
  heldOn: string;
  municipalityName: string;
  /** the event was recorded against this very plan item */
  forItem: boolean;
}

/**
 * Recent events of the item's municipality (of the whole region for the region's own
 * plan): those recorded against the item first, then the newest.
 */
export async function listEventOptions(db: Queryable, q: { regionId: string; municipalityId: string | null; planItemId: string; limit?: number }): Promise<EventOption[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select e.id, e.title, to_char(e.held_on, 'YYYY-MM-DD') as held_on, m.name as municipality_name,
            coalesce(e.plan_item_id = $3::uuid, false) as for_item
       from outreach_events e join municipalities m on m.id = e.municipality_id
      where e.region_id = $1 and ($2::uuid is null or e.municipality_id = $2::uuid)
      order by (case when e.plan_item_id = $3::uuid then 0 else 1 end), e.held_on desc, e.created_at desc
      limit $4`,
    [q.regionId, q.municipalityId, q.planItemId, q.limit ?? 40],
  );
  return rows.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    heldOn: String(r.held_on),
    municipalityName: String(r.municipality_name),
    forItem: r.for_item === true || r.for_item === 't',
  }));
}

/** An event of the same municipality (of the region for the region's own plan). */
export async function eventBelongsTo(db: Queryable, eventId: string, place: { regionId: string; municipalityId: string | null }): Promise<boolean> {
  const { rows } = await db.query('select 1 from outreach_events where id = $1 and region_id = $2 and ($3::uuid is null or municipality_id = $3::uuid)', [
    eventId,
    place.regionId,
    place.municipalityId,
  ]);
  return rows.length > 0;
}

// --- territory ------------------------------------------------------------------------

export interface RegionRow {
  id: string;
  name: string;
  timeZone: string;
}

export async function listRegions(db: Queryable): Promise<RegionRow[]> {
  const { rows } = await db.query<Record<string, unknown>>('select id, name, time_zone from regions order by name');
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), timeZone: String(r.time_zone) }));
}

export async function findRegion(db: Queryable, id: string): Promise<RegionRow | null> {
  const { rows } = await db.query<Record<string, unknown>>('select id, name, time_zone from regions where id = $1', [id]);
  return rows[0] ? { id: String(rows[0].id), name: String(rows[0].name), timeZone: String(rows[0].time_zone) } : null;
}

export interface MunicipalityRow {
  id: string;
  name: string;
}

export async function listRegionMunicipalities(db: Queryable, regionId: string): Promise<MunicipalityRow[]> {
  const { rows } = await db.query<Record<string, unknown>>('select id, name from municipalities where region_id = $1 order by name', [regionId]);
  return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}

/** Names of the region's organisations, for executors given by organisation. */
export async function organisationNames(db: Queryable, regionId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<Record<string, unknown>>('select id, short_name from organisations where region_id = $1', [regionId]);
  return new Map(rows.map((r) => [String(r.id), String(r.short_name)]));
}

// --- reminders ------------------------------------------------------------------------

export interface StaffRecipient {
  id: string;
  email: string | null;
  role: string;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
}

/** Active staff of a region (everyone a reminder about its plans can go to). */
export async function listActiveRegionStaff(db: Queryable, regionId: string): Promise<StaffRecipient[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select id, email, role, region_id, municipality_id, organisation_id from staff_users where active and region_id = $1 order by created_at, id',
    [regionId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    email: str(r.email)?.trim() || null,
    role: String(r.role),
    regionId: str(r.region_id),
    municipalityId: str(r.municipality_id),
    organisationId: str(r.organisation_id),
  }));
}

export type ReminderKind = 'upcoming' | 'overdue' | 'escalation';

/** Records a reminder once per (item, dueOn, kind, recipient): the new row's id, or null when it was sent before. */
export async function insertReminder(db: Queryable, r: { planItemId: string; dueOn: string; kind: ReminderKind; recipientStaffId: string }): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `insert into outreach_reminders (plan_item_id, due_on, kind, recipient_staff_id) values ($1, $2, $3, $4)
     on conflict do nothing returning id`,
    [r.planItemId, r.dueOn, r.kind, r.recipientStaffId],
  );
  return rows[0]?.id ?? null;
}

export async function setReminderOutbox(db: Queryable, reminderId: string, outboxId: string): Promise<void> {
  await db.query('update outreach_reminders set outbox_id = $2 where id = $1', [reminderId, outboxId]);
}
