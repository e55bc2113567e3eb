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

// ---------------------------------------------------------------------------
// Added for the service-centre operator's workplace (src/modules/service-centres).

/** Ids of the accounts (not deleted) whose personal data has this SNILS (11 digits). At most one: SNILS is unique. */
export async function findCitizenIdsBySnils(db: Queryable, cipher: FieldCipher, snils: string): Promise<string[]> {
  const { rows } = await db.query<{ citizen_id: string }>(
    `select p.citizen_id from citizen_personal_data p join citizens c on c.id = p.citizen_id where p.snils_index = $1 and c.status <> 'deleted'`,
    [snilsIndex(cipher, snils)],
  );
  return rows.map((r) => r.citizen_id);
}

/** Ids of the accounts (not deleted) that have this phone or e-mail, confirmed first, then the newest. */
export async function findCitizenIdsByContact(db: Queryable, cipher: FieldCipher, contact: ContactInput, limit = 20): Promise<string[]> {
  const { rows } = await db.query<{ citizen_id: string }>(
    `select cc.citizen_id, max(case when cc.verified_at is not null then 1 else 0 end) as verified, max(c.created_at) as created_at
       from citizen_contacts cc join citizens c on c.id = cc.citizen_id
      where cc.kind = $1 and cc.value_index = $2 and c.status <> 'deleted'
      group by cc.citizen_id order by verified desc, created_at desc limit $3`,
    [contact.kind, contactIndex(cipher, contact.kind, contact.value), limit],
  );
  return rows.map((r) => r.citizen_id);
}

/** Ids of the accounts (not deleted) with this surname + first name + birth date (yyyy-mm-dd), exact match. */
export async function findCitizenIdsByNameBirth(db: Queryable, cipher: FieldCipher, lastName: string, firstName: string, birthDate: string, limit = 20): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from citizens where name_birth_index = $1 and status <> 'deleted' order by created_at desc limit $2`,
    [nameBirthIndex(cipher, lastName, firstName, birthDate), limit],
  );
  return rows.map((r) => r.id);
}

/** The account's columns that are not personal data: where and by whom it was registered/confirmed, deletion. */
export interface CitizenMeta {
  id: string;
  status: 'pending' | 'active' | 'deleted';
  level: AccountLevel;
  municipalityId: string | null;
  registeredAtCentreId: string | null;
  registeredByStaffId: string | null;
  confirmedAtCentreId: string | null;
  confirmedByStaffId: string | null;
  eventCode: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  confirmedAt: Date | null;
  deletedAt: Date | null;
  deletionReason: string | null;
}

export async function getCitizenMeta(db: Queryable, id: string): Promise<CitizenMeta | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select id, status, level, municipality_id, registered_at_centre_id, registered_by_staff_id, confirmed_at_centre_id, confirmed_by_staff_id,
            event_code, created_at, activated_at, confirmed_at, deleted_at, deletion_reason
       from citizens where id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const d = (v: unknown) => (v ? new Date(v as string) : null);
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    status: r.status as CitizenMeta['status'],
    level: r.level as AccountLevel,
    municipalityId: s(r.municipality_id),
    registeredAtCentreId: s(r.registered_at_centre_id),
    registeredByStaffId: s(r.registered_by_staff_id),
    confirmedAtCentreId: s(r.confirmed_at_centre_id),
    confirmedByStaffId: s(r.confirmed_by_staff_id),
    eventCode: s(r.event_code),
    createdAt: new Date(r.created_at as string),
    activatedAt: d(r.activated_at),
    confirmedAt: d(r.confirmed_at),
    deletedAt: d(r.deleted_at),
    deletionReason: s(r.deletion_reason),
  };
}

/** Locks the account row for the rest of the transaction; its status and level as they are now. */
export async function lockCitizen(tx: Queryable, id: string): Promise<{ status: CitizenMeta['status']; level: AccountLevel } | null> {
  const { rows } = await tx.query<{ status: CitizenMeta['status']; level: AccountLevel }>('select status, level from citizens where id = $1 for update', [id]);
  return rows[0] ?? null;
}

/** Sets where the citizen lives when it is not known yet (the desk's municipality). */
export async function setMunicipalityIfMissing(tx: Queryable, citizenId: string, municipalityId: string): Promise<void> {
  await tx.query('update citizens set municipality_id = coalesce(municipality_id, $2) where id = $1', [citizenId, municipalityId]);
}

/** Removes the account's contacts of one kind (e.g. the old phone when the desk gives a new one). */
export async function deleteContactsOfKind(tx: Queryable, citizenId: string, kind: 'phone' | 'email'): Promise<void> {
  await tx.query('delete from citizen_contacts where citizen_id = $1 and kind = $2', [citizenId, kind]);
}

/** Every live one-time code or link of the account stops working. */
export async function retireChallenges(tx: Queryable, citizenId: string, at: Date): Promise<void> {
  await tx.query('update otp_challenges set consumed_at = $2 where citizen_id = $1 and consumed_at is null', [citizenId, at]);
}

/**
 * 152-FZ erasure: destroys the account's personal data and everything that
 * holds it (personal data, contacts, codes, sign-ins, sessions, registry check
 * results, «Это был не я» reports, earlier notifications), and leaves the
 * `citizens` row as a tombstone without names or indexes, so figures stay
 * right and audit references stay valid. Notifications listed in
 * `keepNotificationIds` (the «account deleted» notice, queued in the same
 * transaction) stay until they are delivered. Returns the rows removed per table.
 */
export async function eraseCitizen(
  tx: Queryable,
  citizenId: string,
  c: { at: Date; reason: string; keepNotificationIds?: string[] },
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  const del = async (table: string, sql: string, params: unknown[]) => {
    const { rows } = await tx.query<{ n: number }>(`with d as (${sql} returning 1) select count(*)::int as n from d`, params);
    removed[table] = Number(rows[0]?.n ?? 0);
  };
  await del('citizen_personal_data', 'delete from citizen_personal_data where citizen_id = $1', [citizenId]);
  await del('otp_challenges', 'delete from otp_challenges where citizen_id = $1', [citizenId]);
  await del('citizen_contacts', 'delete from citizen_contacts where citizen_id = $1', [citizenId]);
  await del('citizen_sign_ins', 'delete from citizen_sign_ins where citizen_id = $1', [citizenId]);
  await del('sessions', 'delete from sessions where citizen_id = $1', [citizenId]);
  await del('registry_checks', 'delete from registry_checks where citizen_id = $1', [citizenId]);
  await del('citizen_reports', 'delete from citizen_reports where citizen_id = $1', [citizenId]);
  await del('notifications_outbox', 'delete from notifications_outbox where citizen_id = $1 and not (id = any($2::uuid[]))', [citizenId, c.keepNotificationIds ?? []]);
  await tx.query(
    `update citizens set status = 'deleted', deleted_at = $2, deletion_reason = $3,
            last_name_enc = null, first_name_enc = null, middle_name_enc = null, name_birth_index = null,
            password_hash = null, must_change_password = false
      where id = $1`,
    [citizenId, c.at, c.reason],
  );
  return removed;
}
