/**
 * Reception (issue 6): the informing dialog of seed 004 at every desk that
 * meets the public.
 *
 * - reception_settings: per region, the age threshold of step 1.1 («на вид до
 *   55 лет») and the region's key services that fill «[+ключевые госуслуги
 *   региона]» in the scripts. No row: the defaults in
 *   src/modules/reception/settings/defaults.ts.
 * - reception_staff_profiles: per employee, what their duties include —
 *   registration in ЕСИА (reception staff: gives branch 1.2.2; operators get it
 *   from their centre's «register» capability), receiving documents (the extra
 *   competencies of seed 004 4.1.3) — and whether they are registered on the
 *   portal themselves (4.1.7).
 * - reception_visits: one row per visitor served with the dialog. No personal
 *   data: the organisation, the employee, the answers given (path), the
 *   outcome and, only when the visitor registered or confirmed at the desk, the
 *   citizen account it produced (citizen_id).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, regions, serviceCentres } from './territory.js';
import { staffUsers } from './platform.js';

export const receptionSettings = pgTable('reception_settings', {
  regionId: uuid('region_id').primaryKey().references(() => regions.id),
  ageThreshold: integer('age_threshold').notNull().default(55),
  /** phrases that continue «Также на портале можно: …», in order */
  keyServices: jsonb('key_services').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedBy: uuid('updated_by').references(() => staffUsers.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const receptionStaffProfiles = pgTable('reception_staff_profiles', {
  staffUserId: uuid('staff_user_id').primaryKey().references(() => staffUsers.id, { onDelete: 'cascade' }),
  /** reception staff whose duties include registration in ЕСИА (seed 004 1.2.2) */
  registersInEsia: boolean('registers_in_esia').notNull().default(false),
  /** receives and issues applicants' documents: competencies 4.1.3 on top of 4.1.2 */
  receivesDocuments: boolean('receives_documents').notNull().default(false),
  /** registered on the portal themselves (4.1.7); null: not known */
  registeredOnPortal: boolean('registered_on_portal'),
  updatedBy: uuid('updated_by').references(() => staffUsers.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const receptionVisits = pgTable(
  'reception_visits',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    serviceCentreId: uuid('service_centre_id').references(() => serviceCentres.id),
    staffUserId: uuid('staff_user_id').notNull().references(() => staffUsers.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** open | finished | cancelled (a visit entered by mistake; not counted) */
    status: text('status').notNull().default('open'),
    /** the dialog's options when the visit began: the threshold and the employee's authority */
    ageThreshold: integer('age_threshold').notNull(),
    /** 'desk' | 'declared' | null */
    registerVia: text('register_via'),
    /** 'desk' | null */
    confirmVia: text('confirm_via'),
    /** the answers given, in order (src/modules/reception/dialog/machine.ts) */
    path: jsonb('path').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** consulted | informed | offered | agreed | refused | registered | confirmed */
    outcome: text('outcome').notNull(),
    /** the account registered or confirmed at the desk in this visit */
    citizenId: uuid('citizen_id'),
  },
  (t) => [
    index('reception_visits_region_idx').on(t.regionId, t.startedAt),
    index('reception_visits_staff_idx').on(t.staffUserId, t.startedAt),
    index('reception_visits_organisation_idx').on(t.organisationId, t.startedAt),
  ],
);

/**
 * The question bank of the self-test (seed 004 4.1.2–4.1.3: the portal,
 * account levels, confirmation, payments, the region's services), per region.
 * A region without questions gets the shipped default bank
 * (src/modules/reception/competencies/default-questions.ts) copied in.
 */
export const receptionQuestions = pgTable(
  'reception_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** portal | levels | confirmation | payments | region */
    topic: text('topic').notNull(),
    question: text('question').notNull(),
    /** the answer options, in order */
    options: jsonb('options').$type<string[]>().notNull(),
    /** index into options */
    correct: integer('correct').notNull(),
    active: boolean('active').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => staffUsers.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reception_questions_region_idx').on(t.regionId)],
);

/** One self-test taken by an employee: the questions drawn, the time allowed, the answers and the score. */
export const receptionTestAttempts = pgTable(
  'reception_test_attempts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    staffUserId: uuid('staff_user_id').notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** the questions as asked (id, topic, text, options, correct), frozen at the start */
    questions: jsonb('questions').$type<Array<{ id: string; topic: string; question: string; options: string[]; correct: number }>>().notNull(),
    /** chosen option per question (null: unanswered) */
    answers: jsonb('answers').$type<Array<number | null>>(),
    score: integer('score'),
    total: integer('total').notNull(),
    /** true when submitted after the time allowed: nothing counted */
    expired: boolean('expired').notNull().default(false),
  },
  (t) => [index('reception_test_attempts_staff_idx').on(t.staffUserId, t.startedAt)],
);
