/**
 * What is due and when: the editable table of transferred days off that the
 * working-day calendar reads, the marks that an item's occurrence was done,
 * and the reminders sent about it (so each is sent once).
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './territory.js';
import { staffUsers } from './platform.js';
import { outreachPlanItems } from './outreach.js';
import { outreachEvents } from './outreach-events.js';

/**
 * A transfer of a day off (Labour Code art. 112): a weekday made a day off or a
 * weekend day made a working day. region_id null = the federal calendar (seeded
 * from deadlines/transfers-data.ts by migration 0007); a region adds its own
 * (regional holidays such as Sagaalgan).
 */
export const calendarTransfers = pgTable(
  'calendar_transfers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').references(() => regions.id),
    date: date('date').notNull(),
    /** day_off | working_day */
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    /** the act that makes it, e.g. «Постановление Правительства РФ от 24.09.2025 № 1466» */
    source: text('source').notNull().default(''),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_transfers_region_date_idx').on(sql`coalesce(${t.regionId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.date)],
);

/** One occurrence (due date) of a plan item marked as done, with what proves it. */
export const outreachItemCompletions = pgTable(
  'outreach_item_completions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => outreachPlanItems.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on').notNull(),
    note: text('note').notNull().default(''),
    eventId: uuid('event_id').references(() => outreachEvents.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outreach_item_completions_item_due_idx').on(t.planItemId, t.dueOn)],
);

/** A reminder sent about one occurrence: before it, when overdue, or the escalation to the region. */
export const outreachReminders = pgTable(
  'outreach_reminders',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => outreachPlanItems.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    /** upcoming | overdue | escalation */
    kind: text('kind').notNull(),
    recipientStaffId: uuid('recipient_staff_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** the notifications_outbox row that carries it */
    outboxId: uuid('outbox_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outreach_reminders_once_idx').on(t.planItemId, t.dueOn, t.kind, t.recipientStaffId),
    index('outreach_reminders_recipient_idx').on(t.recipientStaffId, t.sentAt),
  ],
);
