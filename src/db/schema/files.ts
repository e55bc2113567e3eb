/**
 * Files people attach as evidence: photos and documents of an outreach event,
 * the scan of the decree that approved a plan. Kept in the database (bytea) so
 * that a file is as durable as the record it proves, on PostgreSQL and PGlite
 * alike, and goes with the database's backups. Size is limited by config
 * (FILE_MAX_BYTES); the media type is sniffed from the content, not trusted
 * from the browser.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './territory.js';
import { staffUsers } from './platform.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** what the file belongs to: 'outreach_event' | 'outreach_plan' | … */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** why it is attached: 'evidence' | 'decree_scan' | … */
    purpose: text('purpose').notNull(),
    /** the name as uploaded, cleaned of any path */
    fileName: text('file_name').notNull(),
    /** sniffed from the content: image/jpeg, image/png, application/pdf, … */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** a caption typed by the person who attached it */
    caption: text('caption').notNull().default(''),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId, t.createdAt)],
);
