/**
 * SQL for citizens' accounts. Every personal value is encrypted on the way in
 * and decrypted on the way out here; lookups use the blind indexes.
 */
import type { Queryable } from '../../db/client.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { AccountLevel, CitizenPrincipal } from '../../platform/policy.js';
import type { ContactInput, PersonalData } from './personal-data.js';

export function contactIndex(cipher: FieldCipher, kind: 'phone' | 'email', value: string): string {
  return cipher.blindIndex(value, `contact:${kind}`);
}

export function snilsIndex(cipher: FieldCipher, snils: string): string {
  return cipher.blindIndex(snils, 'snils');
}

export function passportIndex(cipher: FieldCipher, series: string, number: string): string {
  return cipher.blindIndex(`${series}${number}`, 'passport');
}

export function nameBirthIndex(cipher: FieldCipher, lastName: string, firstName: string, birthDate: string): string {
  const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е');
  return cipher.blindIndex(`${norm(lastName)}|${norm(firstName)}|${birthDate}`, 'name-birth');
}

export async function loadCitizenPrincipal(db: Queryable, cipher: FieldCipher, id: string): Promise<CitizenPrincipal | null> {
  const { rows } = await db.query<{ id: string; level: AccountLevel; must_change_password: boolean; first_name_enc: string; last_name_enc: string }>(
    "select id, level, must_change_password, first_name_enc, last_name_enc from citizens where id = $1 and status = 'active'",
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const displayName = `${cipher.decrypt(r.first_name_enc)} ${cipher.decrypt(r.last_name_enc).slice(0, 1)}.`;
  return { kind: 'citizen', id: r.id, level: r.level, mustChangePassword: r.must_change_password, displayName };
}

export interface CitizenRow {
  id: string;
  level: AccountLevel;
  status: 'pending' | 'active' | 'deleted';
  lastName: string;
  firstName: string;
  middleName: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
  municipalityId: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  standardAt: Date | null;
  confirmedAt: Date | null;
  confirmedAtCentreId: string | null;
}

export async function getCitizen(db: Queryable, cipher: FieldCipher, id: string): Promise<CitizenRow | null> {
  const { rows } = await db.query<Record<string, unknown>>('select * from citizens where id = $1', [id]);
  const r = rows[0];
  if (!r) return null;
  const dec = (v: unknown) => (typeof v === 'string' ? cipher.decrypt(v) : '');
  return {
    id: String(r.id),
    level: r.level as AccountLevel,
    status: r.status as CitizenRow['status'],
    lastName: dec(r.last_name_enc),
    firstName: dec(r.first_name_enc),
    middleName: r.middle_name_enc ? dec(r.middle_name_enc) : null,
    passwordHash: (r.password_hash as string | null) ?? null,
    mustChangePassword: Boolean(r.must_change_password),
    municipalityId: (r.municipality_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    activatedAt: r.activated_at ? new Date(r.activated_at as string) : null,
    standardAt: r.standard_at ? new Date(r.standard_at as string) : null,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at as string) : null,
    confirmedAtCentreId: (r.confirmed_at_centre_id as string | null) ?? null,
  };
}

export async function insertCitizen(
  tx: Queryable,
  cipher: FieldCipher,
  c: {
    lastName: string;
    firstName: string;
    middleName?: string | null;
    status: 'pending' | 'active';
    level?: AccountLevel;
    municipalityId?: string | null;
    registeredAtCentreId?: string | null;
    registeredByStaffId?: string | null;
    eventCode?: string | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into citizens (status, level, last_name_enc, first_name_enc, middle_name_enc, municipality_id, registered_at_centre_id, registered_by_staff_id, event_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      c.status,
      c.level ?? 'simplified',
      cipher.encrypt(c.lastName),
      cipher.encrypt(c.firstName),
      c.middleName ? cipher.encrypt(c.middleName) : null,
      c.municipalityId ?? null,
      c.registeredAtCentreId ?? null,
      c.registeredByStaffId ?? null,
      c.eventCode ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function insertContact(tx: Queryable, cipher: FieldCipher, citizenId: string, contact: ContactInput, verified: boolean): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into citizen_contacts (citizen_id, kind, value_enc, value_index, verified_at) values ($1, $2, $3, $4, $5) returning id`,
    [citizenId, contact.kind, cipher.encrypt(contact.value), contactIndex(cipher, contact.kind, contact.value), verified ? new Date() : null],
  );
  return rows[0]!.id;
}

/** The active account that has this contact confirmed, if any. */
export async function findCitizenByVerifiedContact(db: Queryable, cipher: FieldCipher, contact: ContactInput): Promise<string | null> {
  const { rows } = await db.query<{ citizen_id: string }>(
    `select cc.citizen_id from citizen_contacts cc join citizens c on c.id = cc.citizen_id
      where cc.kind = $1 and cc.value_index = $2 and cc.verified_at is not null and c.status <> 'deleted'`,
    [contact.kind, contactIndex(cipher, contact.kind, contact.value)],
  );
  return rows[0]?.citizen_id ?? null;
}

export async function findCitizenBySnils(db: Queryable, cipher: FieldCipher, snils: string): Promise<string | null> {
  const { rows } = await db.query<{ citizen_id: string }>(
    `select p.citizen_id from citizen_personal_data p join citizens c on c.id = p.citizen_id where p.snils_index = $1 and c.status <> 'deleted'`,
    [snilsIndex(cipher, snils)],
  );
  return rows[0]?.citizen_id ?? null;
}

export interface ContactRow {
  id: string;
  kind: 'phone' | 'email';
  value: string;
  verifiedAt: Date | null;
}

export async function listContacts(db: Queryable, cipher: FieldCipher, citizenId: string): Promise<ContactRow[]> {
  const { rows } = await db.query<{ id: string; kind: 'phone' | 'email'; value_enc: string; verified_at: Date | null }>(
    'select id, kind, value_enc, verified_at from citizen_contacts where citizen_id = $1 order by created_at',
    [citizenId],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, value: cipher.decrypt(r.value_enc), verifiedAt: r.verified_at ? new Date(r.verified_at) : null }));
}

export async function markContactVerified(tx: Queryable, contactId: string, at: Date): Promise<void> {
  await tx.query('update citizen_contacts set verified_at = $2 where id = $1', [contactId, at]);
}

export async function setCitizenPassword(tx: Queryable, citizenId: string, passwordHash: string, mustChange = false): Promise<void> {
  await tx.query('update citizens set password_hash = $2, must_change_password = $3 where id = $1', [citizenId, passwordHash, mustChange]);
}

export async function activateCitizen(tx: Queryable, citizenId: string, at: Date): Promise<void> {
  await tx.query("update citizens set status = 'active', activated_at = coalesce(activated_at, $2) where id = $1", [citizenId, at]);
}

export async function loadPersonalData(db: Queryable, cipher: FieldCipher, citizenId: string): Promise<{ data: PersonalData; version: number; updatedAt: Date } | null> {
  const { rows } = await db.query<{ data_enc: string; version: number; updated_at: Date }>(
    'select data_enc, version, updated_at from citizen_personal_data where citizen_id = $1',
    [citizenId],
  );
  const r = rows[0];
  if (!r) return null;
  return { data: JSON.parse(cipher.decrypt(r.data_enc)) as PersonalData, version: Number(r.version), updatedAt: new Date(r.updated_at) };
}

/**
 * Saves the personal data (insert or replace), bumps the version and keeps the
 * account's names and name+birth index in step. Returns the new version.
 * Throws a unique-violation (23505) when the SNILS belongs to another account.
 */
export async function savePersonalData(tx: Queryable, cipher: FieldCipher, citizenId: string, d: PersonalData): Promise<number> {
  const { rows } = await tx.query<{ version: number }>(
    `insert into citizen_personal_data (citizen_id, data_enc, snils_enc, snils_index, passport_index, version, updated_at)
     values ($1, $2, $3, $4, $5, 1, now())
     on conflict (citizen_id) do update set data_enc = excluded.data_enc, snils_enc = excluded.snils_enc, snils_index = excluded.snils_index,
       passport_index = excluded.passport_index, version = citizen_personal_data.version + 1, updated_at = now()
     returning version`,
    [citizenId, cipher.encrypt(JSON.stringify(d)), cipher.encrypt(d.snils), snilsIndex(cipher, d.snils), passportIndex(cipher, d.passport.series, d.passport.number)],
  );
  await tx.query('update citizens set last_name_enc = $2, first_name_enc = $3, middle_name_enc = $4, name_birth_index = $5 where id = $1', [
    citizenId,
    cipher.encrypt(d.lastName),
    cipher.encrypt(d.firstName),
    d.middleName ? cipher.encrypt(d.middleName) : null,
    nameBirthIndex(cipher, d.lastName, d.firstName, d.birthDate),
  ]);
  return Number(rows[0]!.version);
}

export async function setLevel(tx: Queryable, citizenId: string, level: AccountLevel, at: Date, extra: { centreId?: string | null; staffId?: string | null } = {}): Promise<void> {
  if (level === 'standard') await tx.query("update citizens set level = 'standard', standard_at = $2 where id = $1 and level = 'simplified'", [citizenId, at]);
  else if (level === 'confirmed')
    await tx.query("update citizens set level = 'confirmed', confirmed_at = $2, confirmed_at_centre_id = $3, confirmed_by_staff_id = $4, standard_at = coalesce(standard_at, $2) where id = $1", [
      citizenId,
      at,
      extra.centreId ?? null,
      extra.staffId ?? null,
    ]);
  else await tx.query("update citizens set level = 'simplified' where id = $1", [citizenId]);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint || Boolean(e.message?.includes(constraint)));
}
