/**
 * SQL of the operator's workplace that is not identity's own: the account's
 * history and the passport-check refusals (from the audit log), the deletion
 * act's audit rows, and the centre figures (from the citizens' centre columns).
 * Parameters only; no personal data is read here.
 */
import type { Queryable } from '../../db/client.js';

export interface HistoryRow {
  seq: number;
  at: Date;
  action: string;
  actorType: 'staff' | 'citizen' | 'system';
  actorName: string | null;
  centreName: string | null;
  details: Record<string, unknown>;
}

const parseDetails = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v ?? {}) as Record<string, unknown>));

/** The newest audit rows about an account, with the staff member's name and the centre they acted for. */
export async function listCitizenHistory(db: Queryable, citizenId: string, limit = 15): Promise<HistoryRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select a.seq, a.at, a.action, a.actor_type, a.details, s.full_name as actor_name, sc.name as centre_name
       from audit_log a
       left join staff_users s on a.actor_type = 'staff' and s.id::text = a.actor_id
       left join service_centres sc on sc.id::text = a.details->>'centreId'
      where a.subject_type = 'citizen' and a.subject_id = $1
      order by a.seq desc limit $2`,
    [citizenId, limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at as string),
    action: String(r.action),
    actorType: r.actor_type as HistoryRow['actorType'],
    actorName: (r.actor_name as string | null) ?? null,
    centreName: (r.centre_name as string | null) ?? null,
    details: parseDetails(r.details),
  }));
}

/** Times of the passport mismatches recorded for an account since `since` (oldest first). */
export async function passportMismatchTimes(db: Queryable, citizenId: string, since: Date): Promise<Date[]> {
  const { rows } = await db.query<{ at: Date }>(
    `select at from audit_log
      where subject_type = 'citizen' and subject_id = $1 and action in ('staff.citizen.confirm_refused', 'staff.citizen.restore_refused')
        and details->>'reason' = 'passport_mismatch' and at >= $2
      order by at`,
    [citizenId, since],
  );
  return rows.map((r) => new Date(r.at));
}

export interface AuditRecord {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  details: Record<string, unknown>;
  hash: string;
}

function toAudit(r: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(r.seq),
    at: new Date(r.at as string),
    actorType: String(r.actor_type),
    actorId: (r.actor_id as string | null) ?? null,
    action: String(r.action),
    subjectType: (r.subject_type as string | null) ?? null,
    subjectId: (r.subject_id as string | null) ?? null,
    organisationId: (r.organisation_id as string | null) ?? null,
    details: parseDetails(r.details),
    hash: String(r.hash),
  };
}

export async function findAuditRecord(db: Queryable, seq: number, action: string): Promise<AuditRecord | null> {
  const { rows } = await db.query<Record<string, unknown>>('select * from audit_log where seq = $1 and action = $2', [seq, action]);
  return rows[0] ? toAudit(rows[0]) : null;
}

export type ExtractRow = AuditRecord & { actorName: string | null; centreName: string | null };

/** The log extract for an act: the audit rows about the subject up to and including `untilSeq` (the newest `limit`), oldest first. */
export async function auditExtract(db: Queryable, subjectType: string, subjectId: string, untilSeq: number, limit = 200): Promise<ExtractRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select a.*, s.full_name as actor_name, sc.name as centre_name
       from audit_log a
       left join staff_users s on a.actor_type = 'staff' and s.id::text = a.actor_id
       left join service_centres sc on sc.id::text = a.details->>'centreId'
      where a.subject_type = $1 and a.subject_id = $2 and a.seq <= $3 order by a.seq desc limit $4`,
    [subjectType, subjectId, untilSeq, limit],
  );
  return rows.map((r) => ({ ...toAudit(r), actorName: (r.actor_name as string | null) ?? null, centreName: (r.centre_name as string | null) ?? null })).reverse();
}

/** The newest audit row of an action about a subject (e.g. the deletion of an account). */
export async function latestAuditOf(db: Queryable, action: string, subjectType: string, subjectId: string): Promise<AuditRecord | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select * from audit_log where action = $1 and subject_type = $2 and subject_id = $3 order by seq desc limit 1',
    [action, subjectType, subjectId],
  );
  return rows[0] ? toAudit(rows[0]) : null;
}

export async function staffFullName(db: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  const { rows } = await db.query<{ full_name: string }>('select full_name from staff_users where id::text = $1', [id]);
  return rows[0]?.full_name ?? null;
}

export type FiguresBucket = 'day' | 'week' | 'quarter';

export interface FiguresCount {
  /** local start of the bucket, yyyy-mm-dd */
  bucket: string;
  kind: 'registration' | 'confirmation';
  count: number;
}

/**
 * Registrations (`registered_at_centre_id`, at activation) and identity
 * confirmations (`confirmed_at_centre_id`, at `confirmed_at`) made at one
 * centre or at the centres of one municipality, grouped by local day / week
 * (Monday) / quarter in `timeZone`, between the local dates `from` (inclusive)
 * and `to` (exclusive). Deleted accounts still count: they are tombstones.
 */
export async function countCentreEvents(
  db: Queryable,
  scope: { centreId: string } | { municipalityId: string },
  range: { bucket: FiguresBucket; from: string; to: string; timeZone: string },
): Promise<FiguresCount[]> {
  const centreId = 'centreId' in scope ? scope.centreId : null;
  const municipalityId = 'municipalityId' in scope ? scope.municipalityId : null;
  const { rows } = await db.query<{ bucket: string; kind: FiguresCount['kind']; n: number }>(
    `with events as (
       select 'registration' as kind, coalesce(c.activated_at, c.created_at) as ts, c.registered_at_centre_id as centre_id
         from citizens c where c.registered_at_centre_id is not null
       union all
       select 'confirmation' as kind, c.confirmed_at as ts, c.confirmed_at_centre_id as centre_id
         from citizens c where c.confirmed_at_centre_id is not null and c.confirmed_at is not null
     ), local as (
       select e.kind, (e.ts at time zone $3::text) as local_ts from events e
        where ($1::uuid is null or e.centre_id = $1::uuid)
          and ($2::uuid is null or e.centre_id in (select sc.id from service_centres sc where sc.municipality_id = $2::uuid))
     )
     select to_char(date_trunc($4::text, local_ts), 'YYYY-MM-DD') as bucket, kind, count(*)::int as n
       from local where local_ts >= $5::timestamp and local_ts < $6::timestamp
      group by 1, 2 order by 1, 2`,
    [centreId, municipalityId, range.timeZone, range.bucket, `${range.from} 00:00:00`, `${range.to} 00:00:00`],
  );
  return rows.map((r) => ({ bucket: r.bucket, kind: r.kind, count: Number(r.n) }));
}
