/**
 * The outreach programme: the catalogue of activity types (seeds 000/001),
 * plans approved by decree (seeds 002/003), their items and the approved
 * versions («a changed plan keeps what it was when approved»).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities, regions } from './territory.js';
import { staffUsers } from './platform.js';

/** An executor of a plan item: an organisation of the territory tree, or a post / unit named in words. */
export type PlanExecutor = { organisationId: string; name?: string } | { post: string };

export const activityTypes = pgTable(
  'activity_types',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** 1 = no funding needed, 2 = funded */
    block: integer('block').notNull(),
    description: text('description').notNull(),
    audience: text('audience').notNull(),
    /** «постоянно», «раз в квартал», «еженедельно»… */
    cadence: text('cadence').notNull(),
    /** null = built into the platform (seeds 000/001) */
    regionId: uuid('region_id').references(() => regions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_types_key_region_idx').on(t.key, sql`coalesce(${t.regionId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

export const outreachPlans = pgTable(
  'outreach_plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** null = the region's own plan */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** draft | approved */
    status: text('status').notNull().default('draft'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    /** the number of the newest approved version; 0 = never approved */
    currentVersion: integer('current_version').notNull().default(0),
    /** where the plan came from: template key or 'copy:<plan id>' */
    source: text('source'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_plans_region_idx').on(t.regionId), index('outreach_plans_municipality_idx').on(t.municipalityId)],
);

export const outreachPlanItems = pgTable(
  'outreach_plan_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id').notNull().references(() => outreachPlans.id, { onDelete: 'cascade' }),
    sectionNumber: text('section_number').notNull(),
    sectionTitle: text('section_title').notNull(),
    itemNumber: text('item_number').notNull(),
    sortOrder: integer('sort_order').notNull(),
    content: text('content').notNull(),
    executors: jsonb('executors').$type<PlanExecutor[]>().notNull().default(sql`'[]'::jsonb`),
    /** the deadline exactly as typed («II квартал 2016 года», «На постоянной основе») */
    deadlineText: text('deadline_text').notNull(),
    /** the parsed deadline (filled by the deadline parser; null until then or when it cannot parse) */
    deadline: jsonb('deadline').$type<unknown>(),
    expectedResult: text('expected_result').notNull().default(''),
    /** a node of the scoring model, e.g. 'P2.3' */
    indicatorNodeId: text('indicator_node_id'),
    /** block-2 (funded) items */
    budgetRub: numeric('budget_rub', { precision: 14, scale: 2 }),
    activityTypeId: uuid('activity_type_id').references(() => activityTypes.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_plan_items_plan_idx').on(t.planId, t.sortOrder)],
);

export const outreachPlanVersions = pgTable(
  'outreach_plan_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id').notNull().references(() => outreachPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<unknown>().notNull(),
    decreeNumber: text('decree_number').notNull(),
    decreeDate: date('decree_date').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('outreach_plan_versions_plan_version_idx').on(t.planId, t.version)],
);
