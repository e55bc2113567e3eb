/**
 * Citizens' accounts (ЕСИА-like). Personal data is stored only encrypted
 * (`*_enc`, AES-256-GCM via platform/crypto.ts) and found through keyed HMAC
 * indexes (`*_index`); plaintext personal data never reaches these tables.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import { municipalities, serviceCentres } from './territory.js';
import { staffUsers } from './platform.js';

export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** simplified | standard | confirmed */
    level: text('level').notNull().default('simplified'),
    /** pending (contact not yet confirmed or no password) | active | deleted */
    status: text('status').notNull().default('pending'),
    lastNameEnc: text('last_name_enc'),
    firstNameEnc: text('first_name_enc'),
    middleNameEnc: text('middle_name_enc'),
    /** HMAC of normalised «фамилия|имя|yyyy-mm-dd», for the operator's name + birth-date search */
    nameBirthIndex: text('name_birth_index'),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** where the citizen lives, chosen by them or set by the desk: counts toward that municipality's figures */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    registeredAtCentreId: uuid('registered_at_centre_id').references(() => serviceCentres.id),
    registeredByStaffId: uuid('registered_by_staff_id').references(() => staffUsers.id),
    /** an outreach event code given at registration (attribution of sign-ups to events) */
    eventCode: text('event_code'),
    standardAt: timestamp('standard_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedAtCentreId: uuid('confirmed_at_centre_id').references(() => serviceCentres.id),
    confirmedByStaffId: uuid('confirmed_by_staff_id').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletionReason: text('deletion_reason'),
  },
  (t) => [
    index('citizens_name_birth_idx').on(t.nameBirthIndex),
    index('citizens_municipality_idx').on(t.municipalityId, t.createdAt),
    // Quarterly growth per municipality (scoring P1.3, the ranking, the regional dashboard).
    index('citizens_municipality_activated_idx').on(t.municipalityId, t.activatedAt),
    index('citizens_municipality_confirmed_idx').on(t.municipalityId, t.confirmedAt),
    // An outreach event's effect is counted by its code (src/modules/outreach/events).
    index('citizens_event_code_idx').on(sql`upper(btrim(${t.eventCode}))`),
  ],
);

export const citizenContacts = pgTable(
  'citizen_contacts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    /** phone | email */
    kind: text('kind').notNull(),
    valueEnc: text('value_enc').notNull(),
    valueIndex: text('value_index').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A verified phone or e-mail belongs to one account only.
    uniqueIndex('citizen_contacts_verified_unique').on(t.kind, t.valueIndex).where(sql`verified_at is not null`),
    index('citizen_contacts_citizen_idx').on(t.citizenId),
    index('citizen_contacts_value_idx').on(t.kind, t.valueIndex),
  ],
);

export const citizenPersonalData = pgTable(
  'citizen_personal_data',
  {
    citizenId: uuid('citizen_id').primaryKey().references(() => citizens.id, { onDelete: 'cascade' }),
    /** the whole personal-data form as encrypted JSON (passport, birth, gender, citizenship, addresses) */
    dataEnc: text('data_enc').notNull(),
    snilsEnc: text('snils_enc').notNull(),
    snilsIndex: text('snils_index').notNull(),
    passportIndex: text('passport_index').notNull(),
    /** increases with every change; registry checks name the version they checked */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One account per SNILS.
  (t) => [uniqueIndex('citizen_personal_data_snils_unique').on(t.snilsIndex), index('citizen_personal_data_passport_idx').on(t.passportIndex)],
);

/** One-time codes and e-mail links. Only hashes are stored. */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** registration | contact_change | recovery */
    purpose: text('purpose').notNull(),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => citizenContacts.id, { onDelete: 'cascade' }),
    /** phone | email */
    channel: text('channel').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('otp_challenges_citizen_idx').on(t.citizenId, t.purpose)],
);

/** Requests to the outside registries (pension fund: SNILS; migration service: passport). */
export const registryChecks = pgTable(
  'registry_checks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    /** pension_fund | migration_service */
    registry: text('registry').notNull(),
    dataVersion: integer('data_version').notNull(),
    /** queued | in_progress | matched | mismatch | unavailable */
    status: text('status').notNull().default('queued'),
    /** why a mismatch (machine code from the registry, no personal data) */
    resultCode: text('result_code'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('registry_checks_citizen_idx').on(t.citizenId, t.dataVersion)],
);

/** Citizens' sign-ins (successful and failed) for the cabinet's history. */
export const citizenSignIns = pgTable(
  'citizen_sign_ins',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    success: boolean('success').notNull(),
    /** phone | email | snils */
    method: text('method').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('citizen_sign_ins_citizen_idx').on(t.citizenId, t.at)],
);

/** «Это был не я»: a citizen reports an action in their history to the staff. */
export const citizenReports = pgTable('citizen_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
  /** sign_in | audit */
  refKind: text('ref_kind').notNull(),
  refId: text('ref_id').notNull(),
  comment: text('comment'),
  /** open | resolved */
  status: text('status').notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedByStaffId: uuid('resolved_by_staff_id').references(() => staffUsers.id),
});

/**
 * Notifications outbox: written in the same transaction as the change that
 * causes it, delivered by a job (SMS gateway, SMTP). Recipient and body are
 * encrypted; the body is erased once delivered.
 */
export const notificationsOutbox = pgTable(
  'notifications_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** sms | email */
    channel: text('channel').notNull(),
    recipientEnc: text('recipient_enc').notNull(),
    /** e.g. +7 914 ***-**-67 — safe to show staff */
    recipientMasked: text('recipient_masked').notNull(),
    template: text('template').notNull(),
    subject: text('subject'),
    bodyEnc: text('body_enc'),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    /** queued | sent | failed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notifications_outbox_status_idx').on(t.status, t.createdAt)],
);
