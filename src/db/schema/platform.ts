import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, regions, serviceCentres } from './territory.js';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** lower-case login, unique */
    login: text('login').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    /** operator | reception | department_officer | municipal_coordinator | regional_admin | system_admin */
    role: text('role').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    serviceCentreId: uuid('service_centre_id').references(() => serviceCentres.id),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [index('staff_users_organisation_idx').on(t.organisationId)],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** a citizen's session (no foreign key: citizens live in the identity schema; erased with the account) */
    citizenId: uuid('citizen_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('sessions_staff_user_idx').on(t.staffUserId), index('sessions_citizen_idx').on(t.citizenId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Append-only audit log, hash-chained: hash = sha256(prev_hash || canonical row).
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** staff | citizen | system */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** service centre / organisation the actor acted for, when any */
    organisationId: text('organisation_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId), index('audit_log_actor_idx').on(t.actorType, t.actorId)],
);

/** Fixed-window counters for rate limits on credentials, codes and searches. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
