/**
 * Reception, continued (issue 6): attestation sessions of the competencies of
 * seed 004 (4.1.2–4.1.5) and the 4.1.7 reminders to re-read updated materials.
 *
 * - reception_attestations: a session scheduled by a municipal coordinator
 *   (municipality_id set) or the region (municipality_id null): the window of
 *   days it may be taken in (region's dates, inclusive), the time allowed, how
 *   many questions are drawn from the region's bank and the pass mark.
 * - reception_attestation_results: one row per employee summoned; the attempt
 *   (questions frozen at the start, answers, score) is filled in when they take
 *   it — once: the primary key forbids a second attempt.
 * - reception_reading_notices: «Обновлены материалы: …, прочтите до …» — what
 *   changed, where to read it, by when; for a region or one municipality.
 * - reception_reading_receipts: one row per employee the notice was sent to;
 *   read_at is set when they mark it read.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, regions } from './territory.js';
import { staffUsers } from './platform.js';

export const receptionAttestations = pgTable(
  'reception_attestations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** null: a regional session */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    minutes: integer('minutes').notNull(),
    questionCount: integer('question_count').notNull(),
    /** percent of right answers needed to pass */
    passPercent: integer('pass_percent').notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reception_attestations_region_idx').on(t.regionId, t.opensOn)],
);

export const receptionAttestationResults = pgTable(
  'reception_attestation_results',
  {
    attestationId: uuid('attestation_id')
      .notNull()
      .references(() => receptionAttestations.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** the questions as asked (id, topic, text, options, correct), frozen at the start */
    questions: jsonb('questions').$type<Array<{ id: string; topic: string; question: string; options: string[]; correct: number }>>(),
    answers: jsonb('answers').$type<Array<number | null>>(),
    score: integer('score'),
    total: integer('total'),
    /** submitted after the time allowed: nothing counted */
    expired: boolean('expired').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.attestationId, t.staffUserId] }), index('reception_attestation_results_staff_idx').on(t.staffUserId)],
);

export const receptionReadingNotices = pgTable(
  'reception_reading_notices',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** null: every reception employee of the region */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    /** what was updated, in words («Вопросы самопроверки», «Раздел 3 Репозитория…») */
    materials: text('materials').notNull(),
    /** where to read them: [{url, title}] */
    links: jsonb('links').$type<Array<{ url: string; title: string }>>().notNull().default(sql`'[]'::jsonb`),
    readBy: date('read_by').notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reception_reading_notices_region_idx').on(t.regionId, t.createdAt)],
);

export const receptionReadingReceipts = pgTable(
  'reception_reading_receipts',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => receptionReadingNotices.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.staffUserId] }), index('reception_reading_receipts_staff_idx').on(t.staffUserId)],
);
