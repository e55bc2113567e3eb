/**
 * Scores, targets and the quarter's submission (issue 5).
 *
 * - scoring_models: versioned scoring models. A region uses the newest
 *   published version of a model key; the shipped seed-002 model
 *   (src/modules/scoring/models/kalga-2018.ts) is version 1 of 'kalga-2018'
 *   with region_id null (available to every region). A regional administrator's
 *   edit is a new draft version of that key for the region, published when ready.
 *   Evaluations remember (model_key, version).
 * - municipality_targets: the region's quarterly targets per municipality
 *   (C of P1.3 and the ranking's denominators).
 * - score_inputs: figures typed in for a municipality and quarter, each with a
 *   note and evidence (attachments with owner_type 'score_input').
 * - centre_checks: the four service-centre requirements of P1.2, checked per
 *   centre and quarter (evidence: attachments with owner_type 'centre_check').
 * - quarter_submissions: one row per municipality and quarter — the report of
 *   seed 003 (edited tables, `report`), its status and, once accepted, the
 *   frozen figures (`snapshot`). quarter_submission_events is its visible history.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities, regions, serviceCentres } from './territory.js';
import { staffUsers } from './platform.js';

export const scoringModels = pgTable(
  'scoring_models',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 'kalga-2018' */
    modelKey: text('model_key').notNull(),
    /** null: shipped with the software, available to every region */
    regionId: uuid('region_id').references(() => regions.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** ScoringNode[] (src/modules/scoring/model.ts) */
    nodes: jsonb('nodes').notNull(),
    /** draft | published | archived */
    status: text('status').notNull().default('draft'),
    /** why this version was made, in the editor's words */
    changeNote: text('change_note').notNull().default(''),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('scoring_models_key_version_uq').on(t.modelKey, t.version)],
);

export const municipalityTargets = pgTable(
  'municipality_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** citizens to be registered in the quarter (C of P1.3, the ranking's denominator) */
    registeredTarget: integer('registered_target').notNull(),
    /** confirmed accounts to be added in the quarter */
    confirmedTarget: integer('confirmed_target').notNull(),
    setBy: uuid('set_by').references(() => staffUsers.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('municipality_targets_uq').on(t.municipalityId, t.year, t.quarter)],
);

export const scoreInputs = pgTable(
  'score_inputs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** 'P2.7' */
    nodeId: text('node_id').notNull(),
    /** 'n', 'A', 'B' */
    inputName: text('input_name').notNull(),
    value: numeric('value').notNull(),
    /** what the evidence shows, typed by the person who entered the figure */
    note: text('note').notNull().default(''),
    /** links to posted materials etc. */
    links: jsonb('links').$type<{ url: string; title: string }[]>().notNull().default(sql`'[]'::jsonb`),
    enteredBy: uuid('entered_by').references(() => staffUsers.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('score_inputs_uq').on(t.municipalityId, t.year, t.quarter, t.nodeId, t.inputName)],
);

export const centreChecks = pgTable(
  'centre_checks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    serviceCentreId: uuid('service_centre_id').notNull().references(() => serviceCentres.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** badge | schedule | sign | materials */
    requirement: text('requirement').notNull(),
    met: boolean('met').notNull(),
    note: text('note').notNull().default(''),
    checkedBy: uuid('checked_by').references(() => staffUsers.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('centre_checks_uq').on(t.serviceCentreId, t.year, t.quarter, t.requirement)],
);

export const quarterSubmissions = pgTable(
  'quarter_submissions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** draft | submitted | accepted | returned */
    status: text('status').notNull().default('draft'),
    /** the seed-003 report's three tables as edited; null = not edited, generated from the quarter's records */
    report: jsonb('report'),
    reportEditedBy: uuid('report_edited_by').references(() => staffUsers.id),
    reportEditedAt: timestamp('report_edited_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => staffUsers.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => staffUsers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    /** at acceptance: model key and version, inputs with sources, every node's value — the locked figures */
    snapshot: jsonb('snapshot'),
    modelKey: text('model_key'),
    modelVersion: integer('model_version'),
    /** optimistic concurrency: bumped on every change */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quarter_submissions_uq').on(t.municipalityId, t.year, t.quarter),
    index('quarter_submissions_region_idx').on(t.regionId, t.year, t.quarter),
  ],
);

export const quarterSubmissionEvents = pgTable(
  'quarter_submission_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    submissionId: uuid('submission_id').notNull().references(() => quarterSubmissions.id, { onDelete: 'cascade' }),
    /** submitted | accepted | returned | report_edited | reopened */
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => staffUsers.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quarter_submission_events_idx').on(t.submissionId, t.at)],
);
