/** SQL for staff accounts. Password hashes never leave this file except to the sign-in use case. */
import type { Queryable } from '../../db/client.js';
import type { StaffActor } from '../../platform/policy.js';
import { isRole, type Role } from '../../platform/roles.js';

interface StaffRow {
  id: string;
  login: string;
  full_name: string;
  role: string;
  region_id: string | null;
  municipality_id: string | null;
  organisation_id: string | null;
  service_centre_id: string | null;
  must_change_password: boolean;
  active: boolean;
  password_hash: string;
}

function toActor(row: StaffRow): StaffActor | null {
  if (!isRole(row.role)) return null;
  return {
    kind: 'staff',
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    regionId: row.region_id,
    municipalityId: row.municipality_id,
    organisationId: row.organisation_id,
    serviceCentreId: row.service_centre_id,
    mustChangePassword: row.must_change_password,
  };
}

const COLUMNS = 'id, login, full_name, role, region_id, municipality_id, organisation_id, service_centre_id, must_change_password, active, password_hash';

export async function loadStaffActor(db: Queryable, id: string): Promise<StaffActor | null> {
  const { rows } = await db.query<StaffRow>(`select ${COLUMNS} from staff_users where id = $1 and active`, [id]);
  return rows[0] ? toActor(rows[0]) : null;
}

export async function findStaffForSignIn(db: Queryable, login: string): Promise<{ actor: StaffActor; passwordHash: string } | null> {
  const { rows } = await db.query<StaffRow>(`select ${COLUMNS} from staff_users where login = $1 and active`, [normalizeLogin(login)]);
  const row = rows[0];
  const actor = row ? toActor(row) : null;
  return row && actor ? { actor, passwordHash: row.password_hash } : null;
}

export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export interface NewStaff {
  login: string;
  passwordHash: string;
  fullName: string;
  email?: string | null;
  role: Role;
  regionId?: string | null;
  municipalityId?: string | null;
  organisationId?: string | null;
  serviceCentreId?: string | null;
  mustChangePassword?: boolean;
}

export async function insertStaff(db: Queryable, s: NewStaff): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into staff_users (login, password_hash, full_name, email, role, region_id, municipality_id, organisation_id, service_centre_id, must_change_password)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [normalizeLogin(s.login), s.passwordHash, s.fullName, s.email ?? null, s.role, s.regionId ?? null, s.municipalityId ?? null, s.organisationId ?? null, s.serviceCentreId ?? null, s.mustChangePassword ?? false],
  );
  return rows[0]!.id;
}

export async function staffLoginExists(db: Queryable, login: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from staff_users where login = $1', [normalizeLogin(login)]);
  return rows.length > 0;
}

export async function updateStaffPassword(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [id, passwordHash]);
}

export async function markStaffSignedIn(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('update staff_users set last_login_at = $2 where id = $1', [id, at]);
}
