/**
 * Outreach materials: each piece of the Ministry's repository a municipality has
 * posted (banner link, website section, news, stands, videos, leaflets…) and where
 * (a URL or a physical place: organisation and room), when posted and when last
 * updated. Every update is a row of outreach_material_updates. The status shown
 * (not posted / posted, not updated / posted and updated) is derived, never stored.
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, regions } from './territory.js';
import { staffUsers } from './platform.js';

export const outreachMaterials = pgTable(
  'outreach_materials',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    /** a key of MATERIAL_KINDS (materials/material-kinds.ts) */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** where a web material lives */
    url: text('url'),
    /** where a physical material lives: the organisation and the room */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    room: text('room'),
    /** null = not posted yet */
    postedOn: date('posted_on'),
    /** the latest outreach_material_updates.updated_on (kept here for listing) */
    lastUpdatedOn: date('last_updated_on'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_materials_municipality_idx').on(t.municipalityId, t.kind), index('outreach_materials_region_idx').on(t.regionId)],
);

export const outreachMaterialUpdates = pgTable(
  'outreach_material_updates',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    materialId: uuid('material_id')
      .notNull()
      .references(() => outreachMaterials.id, { onDelete: 'cascade' }),
    updatedOn: date('updated_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_material_updates_material_idx').on(t.materialId, t.updatedOn)],
);
