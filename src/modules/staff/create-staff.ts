/**
 * Creates a staff account with the scope its role needs, a checked password,
 * and an audit record. Used by `uslugi create-staff`, the demo seed and, later,
 * the administrators' pages.
 */
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { checkPassword } from '../../platform/password-policy.js';
import { hashPassword } from '../../platform/passwords.js';
import { isRole, type Role } from '../../platform/roles.js';
import { findMunicipality, findOrganisation } from '../territory/territory.repository.js';
import { insertStaff, normalizeLogin, staffLoginExists } from './staff.repository.js';

export interface CreateStaffInput {
  login: string;
  password: string;
  fullName: string;
  email?: string;
  role: string;
  /** region key (regional_admin) */
  regionKey?: string;
  /** municipality key (municipal_coordinator) */
  municipalityKey?: string;
  /** organisation key (operator, reception, department_officer) */
  organisationKey?: string;
  /** service centre key (operator) */
  serviceCentreKey?: string;
  mustChangePassword?: boolean;
  createdBy?: { actorType: 'staff' | 'system'; actorId?: string };
}

export type CreateStaffResult = { ok: true; id: string } | { ok: false; errors: { field: string; message: string }[] };

const LOGIN_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export async function createStaff(db: Database, input: CreateStaffInput): Promise<CreateStaffResult> {
  const errors: { field: string; message: string }[] = [];
  const login = normalizeLogin(input.login);
  if (!LOGIN_RE.test(login)) errors.push({ field: 'login', message: 'Логин: от 3 до 64 латинских букв, цифр, точек, дефисов или подчёркиваний.' });
  else if (await staffLoginExists(db, login)) errors.push({ field: 'login', message: 'Такой логин уже занят.' });
  if (!input.fullName.trim()) errors.push({ field: 'fullName', message: 'Укажите фамилию, имя и отчество.' });
  if (!isRole(input.role)) errors.push({ field: 'role', message: `Неизвестная роль «${input.role}».` });
  const verdict = checkPassword('ru', input.password, [login]);
  if (!verdict.ok) errors.push({ field: 'password', message: verdict.message ?? 'Пароль не подходит.' });
  if (errors.length) return { ok: false, errors };
  const role = input.role as Role;

  let regionId: string | null = null;
  let municipalityId: string | null = null;
  let organisationId: string | null = null;
  let serviceCentreId: string | null = null;

  if (role === 'operator' || role === 'reception' || role === 'department_officer') {
    if (!input.organisationKey) return { ok: false, errors: [{ field: 'organisation', message: 'Для этой роли укажите организацию (--organisation).' }] };
    const org = await findOrganisation(db, { key: input.organisationKey });
    if (!org) return { ok: false, errors: [{ field: 'organisation', message: `Организация «${input.organisationKey}» не найдена.` }] };
    ({ regionId, municipalityId, id: organisationId } = org);
    if (role === 'operator') {
      if (!input.serviceCentreKey) return { ok: false, errors: [{ field: 'serviceCentre', message: 'Для оператора укажите центр обслуживания (--centre).' }] };
      const { rows } = await db.query<{ id: string; municipality_id: string }>('select id, municipality_id from service_centres where key = $1', [input.serviceCentreKey]);
      if (!rows[0]) return { ok: false, errors: [{ field: 'serviceCentre', message: `Центр обслуживания «${input.serviceCentreKey}» не найден.` }] };
      serviceCentreId = rows[0].id;
    }
  } else if (role === 'municipal_coordinator') {
    if (!input.municipalityKey) return { ok: false, errors: [{ field: 'municipality', message: 'Для координатора укажите муниципалитет (--municipality).' }] };
    const m = await findMunicipality(db, { key: input.municipalityKey });
    if (!m) return { ok: false, errors: [{ field: 'municipality', message: `Муниципалитет «${input.municipalityKey}» не найден.` }] };
    regionId = m.regionId;
    municipalityId = m.id;
  } else if (role === 'regional_admin') {
    if (!input.regionKey) return { ok: false, errors: [{ field: 'region', message: 'Для администратора региона укажите регион (--region).' }] };
    const { rows } = await db.query<{ id: string }>('select id from regions where key = $1', [input.regionKey]);
    if (!rows[0]) return { ok: false, errors: [{ field: 'region', message: `Регион «${input.regionKey}» не найден.` }] };
    regionId = rows[0].id;
  }

  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const newId = await insertStaff(tx, {
      login,
      passwordHash,
      fullName: input.fullName.trim(),
      email: input.email ?? null,
      role,
      regionId,
      municipalityId,
      organisationId,
      serviceCentreId,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    await appendAudit(tx, {
      actorType: input.createdBy?.actorType ?? 'system',
      actorId: input.createdBy?.actorId ?? null,
      action: 'staff.create',
      subjectType: 'staff_user',
      subjectId: newId,
      organisationId,
      details: { role, login },
    });
    return newId;
  });
  return { ok: true, id };
}
