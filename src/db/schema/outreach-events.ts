/**
 * Outreach events: a record for each activity held (date, place, topic,
 * format, audience, people reached, links) with a code printed on its
 * materials. Registrations and confirmations made with that code
 * (citizens.event_code) count for the event.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, regions } from './territory.js';
import { staffUsers } from './platform.js';
import { activityTypes, outreachPlanItems, outreachPlans } from './outreach.js';

export interface OutreachEventLink {
  url: string;
  title: string;
}

export const outreachEvents = pgTable(
  'outreach_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    planId: uuid('plan_id').references(() => outreachPlans.id, { onDelete: 'set null' }),
    planItemId: uuid('plan_item_id').references(() => outreachPlanItems.id, { onDelete: 'set null' }),
    activityTypeId: uuid('activity_type_id').references(() => activityTypes.id),
    /** the topic */
    title: text('title').notNull(),
    /** a key of EVENT_FORMATS (events.formats.ts) or 'other' */
    format: text('format').notNull(),
    /** the format in words when format = 'other' */
    formatOther: text('format_other'),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    audience: text('audience').notNull().default(''),
    peopleReached: integer('people_reached'),
    /** upper case, e.g. KALGA-2026-K7QM; citizens.event_code is matched case-insensitively */
    code: text('code').notNull(),
    links: jsonb('links').$type<OutreachEventLink[]>().notNull().default(sql`'[]'::jsonb`),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outreach_events_code_idx').on(t.code),
    index('outreach_events_municipality_idx').on(t.municipalityId, t.heldOn),
    index('outreach_events_region_idx').on(t.regionId, t.heldOn),
  ],
);
