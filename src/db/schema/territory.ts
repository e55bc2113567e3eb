import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** A figure flagged `*_illustrative` is not known to be official; the UI marks it «условные данные». */
export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  oktmoPrefix: text('oktmo_prefix').notNull(),
  timeZone: text('time_zone').notNull(),
  population: integer('population'),
  populationIllustrative: boolean('population_illustrative').notNull().default(true),
  populationSource: text('population_source'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    /** municipal_district | urban_district | municipal_okrug */
    type: text('type').notNull(),
    oktmo: text('oktmo').notNull(),
    oktmoIllustrative: boolean('oktmo_illustrative').notNull().default(true),
    population: integer('population'),
    populationIllustrative: boolean('population_illustrative').notNull().default(true),
    populationSource: text('population_source'),
    centre: text('centre').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('municipalities_region_idx').on(t.regionId)],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    /** null for a regional body (e.g. the region's ministry) */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** administration | school | kindergarten | culture | health | social_protection | mfc | other */
    kind: text('kind').notNull(),
    employees: integer('employees'),
    employeesIllustrative: boolean('employees_illustrative').notNull().default(true),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_municipality_idx').on(t.municipalityId)],
);

export interface OpeningHoursRow {
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  opens: string;
  closes: string;
  breakFrom?: string;
  breakTo?: string;
}

export const serviceCentres = pgTable(
  'service_centres',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    /** mfc | post_office | municipal_centre */
    type: text('type').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    coordinatesIllustrative: boolean('coordinates_illustrative').notNull().default(true),
    phone: text('phone'),
    hours: jsonb('hours').$type<OpeningHoursRow[]>().notNull(),
    /** subset of register | confirm | restore | delete */
    capabilities: text('capabilities').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_centres_municipality_idx').on(t.municipalityId)],
);
