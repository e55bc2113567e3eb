/** SQL for outreach plans, their items and approved versions, and the activity catalogue. */
import type { Queryable } from '../../db/client.js';
import type { PlanExecutor } from '../../db/schema/outreach.js';

export type PlanStatus = 'draft' | 'approved';

export interface PlanView {
  id: string;
  regionId: string;
  municipalityId: string | null;
  /** null for the region's own plan */
  municipalityName: string | null;
  regionName: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  status: PlanStatus;
  decreeNumber: string | null;
  decreeDate: string | null;
  currentVersion: number;
  source: string | null;
  createdBy: string | null;
  updatedAt: Date;
}

export interface PlanItemView {
  id: string;
  planId: string;
  sectionNumber: string;
  sectionTitle: string;
  itemNumber: string;
  sortOrder: number;
  content: string;
  executors: PlanExecutor[];
  deadlineText: string;
  deadline: unknown;
  expectedResult: string;
  indicatorNodeId: string | null;
  budgetRub: string | null;
  activityTypeId: string | null;
}

export interface PlanVersionView {
  planId: string;
  version: number;
  snapshot: PlanSnapshot;
  decreeNumber: string;
  decreeDate: string;
  approvedAt: Date;
  approvedBy: string | null;
  approvedByName: string | null;
}

/** What an approved version keeps: the plan and its items as they were. */
export interface PlanSnapshot {
  plan: Pick<PlanView, 'title' | 'periodFrom' | 'periodTo' | 'municipalityName' | 'regionName'>;
  items: Array<Omit<PlanItemView, 'planId'>>;
}

export interface ActivityTypeView {
  id: string;
  key: string;
  title: string;
  block: 1 | 2;
  description: string;
  audience: string;
  cadence: string;
  regionId: string | null;
}

const PLAN_SELECT = `select p.id, p.region_id, p.municipality_id, m.name as municipality_name, r.name as region_name, p.title,
       to_char(p.period_from, 'YYYY-MM-DD') as period_from, to_char(p.period_to, 'YYYY-MM-DD') as period_to,
       p.status, p.decree_number, to_char(p.decree_date, 'YYYY-MM-DD') as decree_date, p.current_version, p.source, p.created_by, p.updated_at
  from outreach_plans p join regions r on r.id = p.region_id left join municipalities m on m.id = p.municipality_id`;

function toPlan(r: Record<string, unknown>): PlanView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: r.municipality_id === null ? null : String(r.municipality_id),
    municipalityName: r.municipality_name === null ? null : String(r.municipality_name),
    regionName: String(r.region_name),
    title: String(r.title),
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    status: r.status === 'approved' ? 'approved' : 'draft',
    decreeNumber: r.decree_number === null ? null : String(r.decree_number),
    decreeDate: r.decree_date === null ? null : String(r.decree_date),
    currentVersion: Number(r.current_version),
    source: r.source === null ? null : String(r.source),
    createdBy: r.created_by === null ? null : String(r.created_by),
    updatedAt: new Date(r.updated_at as string),
  };
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toItem(r: Record<string, unknown>): PlanItemView {
  return {
    id: String(r.id),
    planId: String(r.plan_id),
    sectionNumber: String(r.section_number),
    sectionTitle: String(r.section_title),
    itemNumber: String(r.item_number),
    sortOrder: Number(r.sort_order),
    content: String(r.content),
    executors: json<PlanExecutor[]>(r.executors) ?? [],
    deadlineText: String(r.deadline_text),
    deadline: r.deadline === null ? null : json<unknown>(r.deadline),
    expectedResult: String(r.expected_result),
    indicatorNodeId: r.indicator_node_id === null ? null : String(r.indicator_node_id),
    budgetRub: r.budget_rub === null ? null : String(r.budget_rub),
    activityTypeId: r.activity_type_id === null ? null : String(r.activity_type_id),
  };
}

/** Plans in a region (all of them, or one municipality's, or the region's own with municipalityId null). */
export async function listPlans(db: Queryable, filter: { regionId?: string; municipalityId?: string | null } = {}): Promise<PlanView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionId) {
    params.push(filter.regionId);
    where.push(`p.region_id = $${params.length}`);
  }
  if (filter.municipalityId === null) where.push('p.municipality_id is null');
  else if (filter.municipalityId) {
    params.push(filter.municipalityId);
    where.push(`p.municipality_id = $${params.length}`);
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `${PLAN_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by p.period_from desc, m.name nulls first, p.created_at desc`,
    params,
  );
  return rows.map(toPlan);
}

export async function findPlan(db: Queryable, id: string): Promise<PlanView | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${PLAN_SELECT} where p.id = $1`, [id]);
  return rows[0] ? toPlan(rows[0]) : null;
}

export async function listItems(db: Queryable, planId: string): Promise<PlanItemView[]> {
  const { rows } = await db.query<Record<string, unknown>>('select * from outreach_plan_items where plan_id = $1 order by sort_order', [planId]);
  return rows.map(toItem);
}

export async function findItem(db: Queryable, planId: string, itemId: string): Promise<PlanItemView | null> {
  const { rows } = await db.query<Record<string, unknown>>('select * from outreach_plan_items where plan_id = $1 and id = $2', [planId, itemId]);
  return rows[0] ? toItem(rows[0]) : null;
}

export interface NewPlan {
  regionId: string;
  municipalityId: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  source: string;
  createdBy: string;
}

export async function insertPlan(db: Queryable, p: NewPlan): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into outreach_plans (region_id, municipality_id, title, period_from, period_to, source, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [p.regionId, p.municipalityId, p.title, p.periodFrom, p.periodTo, p.source, p.createdBy],
  );
  return rows[0]!.id;
}

export type NewItem = Omit<PlanItemView, 'id' | 'planId' | 'deadline'> & { deadline?: unknown };

export async function insertItems(db: Queryable, planId: string, items: NewItem[]): Promise<void> {
  for (const i of items) {
    await db.query(
      `insert into outreach_plan_items (plan_id, section_number, section_title, item_number, sort_order, content, executors, deadline_text, deadline,
                                        expected_result, indicator_node_id, budget_rub, activity_type_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        planId,
        i.sectionNumber,
        i.sectionTitle,
        i.itemNumber,
        i.sortOrder,
        i.content,
        JSON.stringify(i.executors),
        i.deadlineText,
        i.deadline === undefined || i.deadline === null ? null : JSON.stringify(i.deadline),
        i.expectedResult,
        i.indicatorNodeId,
        i.budgetRub,
        i.activityTypeId,
      ],
    );
  }
}

export interface ItemChanges {
  content: string;
  executors: PlanExecutor[];
  deadlineText: string;
  /** the parsed deadline (src/modules/outreach/deadlines) */
  deadline: unknown;
  expectedResult: string;
  indicatorNodeId: string | null;
  budgetRub: string | null;
  activityTypeId: string | null;
}

export async function updateItem(db: Queryable, itemId: string, c: ItemChanges): Promise<void> {
  await db.query(
    `update outreach_plan_items set content = $2, executors = $3, deadline = $9, deadline_text = $4,
            expected_result = $5, indicator_node_id = $6, budget_rub = $7, activity_type_id = $8, updated_at = now()
      where id = $1`,
    [itemId, c.content, JSON.stringify(c.executors), c.deadlineText, c.expectedResult, c.indicatorNodeId, c.budgetRub, c.activityTypeId, c.deadline === null || c.deadline === undefined ? null : JSON.stringify(c.deadline)],
  );
}

export async function deleteItem(db: Queryable, itemId: string): Promise<void> {
  // Events that named this item keep their record; their link to the item is cleared (on delete set null).
  await db.query('delete from outreach_plan_items where id = $1', [itemId]);
}

/** Organisations that can be executors of a plan's items: those of its municipality, or for a region's plan the regional bodies. */
export async function listExecutorOrganisations(db: Queryable, regionId: string, municipalityId: string | null): Promise<Array<{ id: string; name: string; kind: string }>> {
  const { rows } = await db.query<{ id: string; short_name: string; kind: string }>(
    `select id, short_name, kind from organisations where region_id = $1 and municipality_id is not distinct from $2
      order by case kind when 'administration' then 0 when 'mfc' then 1 else 2 end, short_name`,
    [regionId, municipalityId],
  );
  return rows.map((r) => ({ id: r.id, name: r.short_name, kind: r.kind }));
}

/** A change to the working copy: an approved plan goes back to draft; its approved versions stay. */
export async function markPlanChanged(db: Queryable, planId: string): Promise<void> {
  await db.query("update outreach_plans set status = 'draft', updated_at = now() where id = $1", [planId]);
}

export async function insertVersion(
  db: Queryable,
  v: { planId: string; version: number; snapshot: PlanSnapshot; decreeNumber: string; decreeDate: string; approvedBy: string },
): Promise<void> {
  await db.query(
    `insert into outreach_plan_versions (plan_id, version, snapshot, decree_number, decree_date, approved_by) values ($1, $2, $3, $4, $5, $6)`,
    [v.planId, v.version, JSON.stringify(v.snapshot), v.decreeNumber, v.decreeDate, v.approvedBy],
  );
  await db.query(
    "update outreach_plans set status = 'approved', decree_number = $2, decree_date = $3, current_version = $4, updated_at = now() where id = $1",
    [v.planId, v.decreeNumber, v.decreeDate, v.version],
  );
}

/** Locks the plan row for the rest of the transaction (two approvals cannot take the same number). */
export async function lockPlan(db: Queryable, planId: string): Promise<{ currentVersion: number } | null> {
  const { rows } = await db.query<{ current_version: number }>('select current_version from outreach_plans where id = $1 for update', [planId]);
  return rows[0] ? { currentVersion: Number(rows[0].current_version) } : null;
}

function toVersion(r: Record<string, unknown>): PlanVersionView {
  return {
    planId: String(r.plan_id),
    version: Number(r.version),
    snapshot: json<PlanSnapshot>(r.snapshot),
    decreeNumber: String(r.decree_number),
    decreeDate: String(r.decree_date),
    approvedAt: new Date(r.approved_at as string),
    approvedBy: r.approved_by === null ? null : String(r.approved_by),
    approvedByName: r.approved_by_name === null || r.approved_by_name === undefined ? null : String(r.approved_by_name),
  };
}

const VERSION_SELECT = `select v.plan_id, v.version, v.snapshot, v.decree_number, to_char(v.decree_date, 'YYYY-MM-DD') as decree_date, v.approved_at, v.approved_by,
       s.full_name as approved_by_name
  from outreach_plan_versions v left join staff_users s on s.id = v.approved_by`;

export async function listVersions(db: Queryable, planId: string): Promise<PlanVersionView[]> {
  const { rows } = await db.query<Record<string, unknown>>(`${VERSION_SELECT} where v.plan_id = $1 order by v.version desc`, [planId]);
  return rows.map(toVersion);
}

export async function findVersion(db: Queryable, planId: string, version: number): Promise<PlanVersionView | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${VERSION_SELECT} where v.plan_id = $1 and v.version = $2`, [planId, version]);
  return rows[0] ? toVersion(rows[0]) : null;
}

// --- activity catalogue ------------------------------------------------------

function toType(r: Record<string, unknown>): ActivityTypeView {
  return {
    id: String(r.id),
    key: String(r.key),
    title: String(r.title),
    block: Number(r.block) === 2 ? 2 : 1,
    description: String(r.description),
    audience: String(r.audience),
    cadence: String(r.cadence),
    regionId: r.region_id === null ? null : String(r.region_id),
  };
}

/** Built-in types and, when given, the region's own. */
export async function listActivityTypes(db: Queryable, regionId: string | null): Promise<ActivityTypeView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select * from activity_types where region_id is null or region_id = $1 order by block, region_id nulls first, created_at, key',
    [regionId],
  );
  return rows.map(toType);
}

export async function activityTypeKeyExists(db: Queryable, key: string, regionId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from activity_types where key = $1 and (region_id is null or region_id = $2)', [key, regionId]);
  return rows.length > 0;
}

export async function insertActivityType(db: Queryable, a: Omit<ActivityTypeView, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into activity_types (key, title, block, description, audience, cadence, region_id) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [a.key, a.title, a.block, a.description, a.audience, a.cadence, a.regionId],
  );
  return rows[0]!.id;
}
