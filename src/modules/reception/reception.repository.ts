/** Reception SQL: settings per region, staff profiles, visits. Parameters only; runs on PostgreSQL and PGlite. */
import type { Queryable } from '../../db/client.js';
import { DEFAULT_AGE_THRESHOLD, defaultKeyServices } from './settings/defaults.js';

// ------------------------------------------------------------------ settings

export interface ReceptionSettings {
  regionId: string;
  ageThreshold: number;
  keyServices: string[];
  /** false: the defaults (nothing saved for the region yet) */
  stored: boolean;
  updatedAt: Date | null;
}

export async function getReceptionSettings(db: Queryable, regionId: string): Promise<ReceptionSettings> {
  const { rows } = await db.query<{ key: string; age_threshold: number | null; key_services: string[] | null; updated_at: Date | null }>(
    `select r.key, s.age_threshold, s.key_services, s.updated_at
       from regions r left join reception_settings s on s.region_id = r.id
      where r.id = $1`,
    [regionId],
  );
  const row = rows[0];
  if (!row) throw new Error(`region ${regionId} not found`);
  if (row.age_threshold === null) return { regionId, ageThreshold: DEFAULT_AGE_THRESHOLD, keyServices: defaultKeyServices(row.key), stored: false, updatedAt: null };
  return { regionId, ageThreshold: Number(row.age_threshold), keyServices: row.key_services ?? [], stored: true, updatedAt: row.updated_at };
}

export async function saveReceptionSettings(tx: Queryable, regionId: string, s: { ageThreshold: number; keyServices: string[] }, staffId: string): Promise<void> {
  await tx.query(
    `insert into reception_settings (region_id, age_threshold, key_services, updated_by, updated_at)
     values ($1, $2, $3::jsonb, $4, now())
     on conflict (region_id) do update set age_threshold = excluded.age_threshold, key_services = excluded.key_services,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [regionId, s.ageThreshold, JSON.stringify(s.keyServices), staffId],
  );
}

// ------------------------------------------------------------------ staff

export interface StaffProfile {
  registersInEsia: boolean;
  receivesDocuments: boolean;
  registeredOnPortal: boolean | null;
}

export const EMPTY_PROFILE: StaffProfile = { registersInEsia: false, receivesDocuments: false, registeredOnPortal: null };

export interface ReceptionStaffRow extends StaffProfile {
  id: string;
  fullName: string;
  role: 'operator' | 'reception';
  regionId: string;
  municipalityId: string | null;
  municipalityName: string | null;
  organisationId: string;
  organisationName: string;
  serviceCentreId: string | null;
}

const STAFF_SELECT = `
  select u.id, u.full_name, u.role, u.region_id, o.municipality_id, m.name as municipality_name, u.organisation_id, o.short_name as organisation_name,
         u.service_centre_id, coalesce(p.registers_in_esia, false) as registers_in_esia, coalesce(p.receives_documents, false) as receives_documents,
         p.registered_on_portal
    from staff_users u
    join organisations o on o.id = u.organisation_id
    left join municipalities m on m.id = o.municipality_id
    left join reception_staff_profiles p on p.staff_user_id = u.id
   where u.role in ('operator', 'reception') and u.active`;

interface StaffDbRow {
  id: string;
  full_name: string;
  role: 'operator' | 'reception';
  region_id: string;
  municipality_id: string | null;
  municipality_name: string | null;
  organisation_id: string;
  organisation_name: string;
  service_centre_id: string | null;
  registers_in_esia: boolean;
  receives_documents: boolean;
  registered_on_portal: boolean | null;
}

function staffRow(r: StaffDbRow): ReceptionStaffRow {
  return {
    id: r.id,
    fullName: r.full_name,
    role: r.role,
    regionId: r.region_id,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    serviceCentreId: r.service_centre_id,
    registersInEsia: r.registers_in_esia,
    receivesDocuments: r.receives_documents,
    registeredOnPortal: r.registered_on_portal,
  };
}

/** Staff who meet the public (operators and reception staff) of a region or a municipality, by organisation and name. */
export async function listReceptionStaff(db: Queryable, filter: { regionId: string; municipalityId?: string | null; organisationId?: string | null }): Promise<ReceptionStaffRow[]> {
  const { rows } = await db.query<StaffDbRow>(
    `${STAFF_SELECT} and u.region_id = $1 and ($2::uuid is null or o.municipality_id = $2::uuid) and ($3::uuid is null or u.organisation_id = $3::uuid)
     order by m.name nulls first, o.short_name, u.full_name`,
    [filter.regionId, filter.municipalityId ?? null, filter.organisationId ?? null],
  );
  return rows.map(staffRow);
}

export async function findReceptionStaff(db: Queryable, staffId: string): Promise<ReceptionStaffRow | null> {
  const { rows } = await db.query<StaffDbRow>(`${STAFF_SELECT} and u.id = $1`, [staffId]);
  return rows[0] ? staffRow(rows[0]) : null;
}

export async function getStaffProfile(db: Queryable, staffId: string): Promise<StaffProfile> {
  const { rows } = await db.query<{ registers_in_esia: boolean; receives_documents: boolean; registered_on_portal: boolean | null }>(
    'select registers_in_esia, receives_documents, registered_on_portal from reception_staff_profiles where staff_user_id = $1',
    [staffId],
  );
  const r = rows[0];
  return r ? { registersInEsia: r.registers_in_esia, receivesDocuments: r.receives_documents, registeredOnPortal: r.registered_on_portal } : { ...EMPTY_PROFILE };
}

export async function saveStaffProfile(tx: Queryable, staffId: string, p: StaffProfile, by: string): Promise<void> {
  await tx.query(
    `insert into reception_staff_profiles (staff_user_id, registers_in_esia, receives_documents, registered_on_portal, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, now())
     on conflict (staff_user_id) do update set registers_in_esia = excluded.registers_in_esia, receives_documents = excluded.receives_documents,
       registered_on_portal = excluded.registered_on_portal, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [staffId, p.registersInEsia, p.receivesDocuments, p.registeredOnPortal, by],
  );
}

// ------------------------------------------------------------------ visits

export type VisitStatus = 'open' | 'finished' | 'cancelled';

export interface VisitRow {
  id: string;
  regionId: string;
  municipalityId: string | null;
  organisationId: string;
  serviceCentreId: string | null;
  staffUserId: string;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  status: VisitStatus;
  ageThreshold: number;
  registerVia: 'desk' | 'declared' | null;
  confirmVia: 'desk' | null;
  path: string[];
  outcome: string;
  citizenId: string | null;
}

const VISIT_COLUMNS = `id, region_id, municipality_id, organisation_id, service_centre_id, staff_user_id, started_at, updated_at, finished_at, status,
  age_threshold, register_via, confirm_via, path, outcome, citizen_id`;

function visitRow(r: Record<string, unknown>): VisitRow {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: (r.municipality_id as string | null) ?? null,
    organisationId: String(r.organisation_id),
    serviceCentreId: (r.service_centre_id as string | null) ?? null,
    staffUserId: String(r.staff_user_id),
    startedAt: new Date(r.started_at as string),
    updatedAt: new Date(r.updated_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
    status: r.status as VisitStatus,
    ageThreshold: Number(r.age_threshold),
    registerVia: (r.register_via as VisitRow['registerVia']) ?? null,
    confirmVia: (r.confirm_via as VisitRow['confirmVia']) ?? null,
    path: (r.path as string[]) ?? [],
    outcome: String(r.outcome),
    citizenId: (r.citizen_id as string | null) ?? null,
  };
}

export interface NewVisit {
  regionId: string;
  municipalityId: string | null;
  organisationId: string;
  serviceCentreId: string | null;
  staffUserId: string;
  ageThreshold: number;
  registerVia: 'desk' | 'declared' | null;
  confirmVia: 'desk' | null;
  path: string[];
  outcome: string;
  status: VisitStatus;
}

export async function insertVisit(tx: Queryable, v: NewVisit, now: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into reception_visits (region_id, municipality_id, organisation_id, service_centre_id, staff_user_id, started_at, updated_at, finished_at,
       status, age_threshold, register_via, confirm_via, path, outcome)
     values ($1, $2, $3, $4, $5, $6, $6, case when $7 = 'finished' then $6::timestamptz end, $7, $8, $9, $10, $11::jsonb, $12) returning id`,
    [v.regionId, v.municipalityId, v.organisationId, v.serviceCentreId, v.staffUserId, now.toISOString(), v.status, v.ageThreshold, v.registerVia, v.confirmVia, JSON.stringify(v.path), v.outcome],
  );
  return rows[0]!.id;
}

export async function findVisit(db: Queryable, id: string, forUpdate = false): Promise<VisitRow | null> {
  const { rows } = await db.query(`select ${VISIT_COLUMNS} from reception_visits where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? visitRow(rows[0]) : null;
}

export async function updateVisit(tx: Queryable, id: string, v: { path: string[]; outcome: string; status: VisitStatus; citizenId?: string | null }, now: Date): Promise<void> {
  await tx.query(
    `update reception_visits set path = $2::jsonb, outcome = $3, status = $4, updated_at = $5,
       finished_at = case when $4 = 'finished' then coalesce(finished_at, $5::timestamptz) else null end,
       citizen_id = case when $6::boolean then $7::uuid else citizen_id end
     where id = $1`,
    [id, JSON.stringify(v.path), v.outcome, v.status, now.toISOString(), v.citizenId !== undefined, v.citizenId ?? null],
  );
}

/** An employee's visits started on a day (YYYY-MM-DD in the region's time zone), newest first. */
export async function listStaffVisitsOn(db: Queryable, staffId: string, day: string): Promise<VisitRow[]> {
  const { rows } = await db.query(
    `select ${VISIT_COLUMNS.split(', ').map((c) => `v.${c.trim()}`).join(', ')}
       from reception_visits v join regions r on r.id = v.region_id
      where v.staff_user_id = $1 and (v.started_at at time zone r.time_zone)::date = $2::date
      order by v.started_at desc`,
    [staffId, day],
  );
  return rows.map(visitRow);
}
