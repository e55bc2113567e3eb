/**
 * SQL over `registry_checks`: one row per (citizen, data version, registry).
 *
 * Columns as used here:
 * - status: queued | in_progress | matched | mismatch | unavailable, and
 *   `superseded` for unfinished rows of a version replaced by a newer one;
 * - result_code: the registry's mismatch reason (machine code, no personal data);
 * - attempts: requests sent to the registry for this row; last_error: a safe description;
 * - requested_at: when the check was requested (start of the 24 h window of `unavailable`);
 * - completed_at: when the row's result was reported (hooks.onSettled). NULL on a
 *   settled row means "settled, not yet reported": that is the guard of onSettled.
 */
import type { Queryable } from '../../db/client.js';
import { REGISTRIES, SUPERSEDED, type RegistryName, type StoredCheckStatus } from './verification.types.js';

export interface CheckRow {
  id: string;
  citizenId: string;
  registry: RegistryName;
  dataVersion: number;
  status: StoredCheckStatus;
  resultCode: string | null;
  attempts: number;
  lastError: string | null;
  requestedAt: Date;
  completedAt: Date | null;
}

const COLUMNS = `id, citizen_id as "citizenId", registry, data_version as "dataVersion", status, result_code as "resultCode",
  attempts, last_error as "lastError", requested_at as "requestedAt", completed_at as "completedAt"`;

const SETTLED_SQL = `('matched', 'mismatch', 'unavailable')`;

/** Unfinished rows of older versions stop counting; every older row is closed so it is never reported. */
export async function supersedeOlderChecks(tx: Queryable, citizenId: string, dataVersion: number): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `update registry_checks
        set status = case when status in ('queued', 'in_progress', 'unavailable') then '${SUPERSEDED}' else status end,
            completed_at = coalesce(completed_at, now())
      where citizen_id = $1 and data_version < $2
        and (status in ('queued', 'in_progress', 'unavailable') or completed_at is null)
      returning id`,
    [citizenId, dataVersion],
  );
  return rows.length;
}

/** One queued row per registry for this version, unless the version (or a newer one) already has it. */
export async function insertQueuedChecks(tx: Queryable, citizenId: string, dataVersion: number): Promise<number> {
  let inserted = 0;
  for (const registry of REGISTRIES) {
    const { rows } = await tx.query<{ id: string }>(
      `insert into registry_checks (citizen_id, registry, data_version, status)
       select $1::uuid, $2::text, $3::integer, 'queued'
        where not exists (select 1 from registry_checks where citizen_id = $1::uuid and registry = $2::text and data_version >= $3::integer)
       returning id`,
      [citizenId, registry, dataVersion],
    );
    inserted += rows.length;
  }
  return inserted;
}

export async function listChecks(db: Queryable, citizenId: string, dataVersion: number): Promise<CheckRow[]> {
  const { rows } = await db.query<CheckRow>(
    `select ${COLUMNS} from registry_checks where citizen_id = $1 and data_version = $2 order by registry desc, requested_at`,
    [citizenId, dataVersion],
  );
  return rows;
}

export async function latestCheckVersion(db: Queryable, citizenId: string): Promise<number | null> {
  const { rows } = await db.query<{ v: number | null }>(`select max(data_version) as v from registry_checks where citizen_id = $1`, [citizenId]);
  return rows[0]?.v ?? null;
}

/**
 * Takes a row for one request: counts the attempt and marks it in progress
 * (an `unavailable` row being resumed keeps its status until it gets an answer).
 * Null when the row changed meanwhile (another run took it, or it was superseded).
 */
export async function claimCheck(db: Queryable, id: string, fromStatus: StoredCheckStatus): Promise<CheckRow | null> {
  const { rows } = await db.query<CheckRow>(
    `update registry_checks
        set status = case when status = 'unavailable' then 'unavailable' else 'in_progress' end,
            attempts = attempts + 1
      where id = $1 and status = $2
      returning ${COLUMNS}`,
    [id, fromStatus],
  );
  return rows[0] ?? null;
}

/** matched / mismatch / unavailable, only if the row is still as claimed; the result then awaits its report. */
export async function settleCheck(
  db: Queryable,
  id: string,
  fromStatus: StoredCheckStatus,
  to: 'matched' | 'mismatch' | 'unavailable',
  resultCode: string | null,
  lastError: string | null,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `update registry_checks set status = $3, result_code = $4, last_error = $5, completed_at = null
      where id = $1 and status = $2 returning id`,
    [id, fromStatus, to, resultCode, lastError],
  );
  return rows.length > 0;
}

/** A failed try that changes nothing but the error. */
export async function noteCheckFailure(db: Queryable, id: string, fromStatus: StoredCheckStatus, lastError: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(`update registry_checks set last_error = $3 where id = $1 and status = $2 returning id`, [id, fromStatus, lastError]);
  return rows.length > 0;
}

/**
 * The guard of onSettled: marks the version's settled, unreported rows as
 * reported, only when no row of the version is still unsettled. Exactly one
 * caller gets the ids back (a concurrent one waits for the row locks, then
 * finds completed_at set); an empty result means "nothing to report".
 */
export async function markRunReported(db: Queryable, citizenId: string, dataVersion: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update registry_checks r set completed_at = now()
      where r.citizen_id = $1 and r.data_version = $2
        and r.completed_at is null and r.status in ${SETTLED_SQL}
        and not exists (
          select 1 from registry_checks o
           where o.citizen_id = $1 and o.data_version = $2 and o.status not in ${SETTLED_SQL})
      returning r.id`,
    [citizenId, dataVersion],
  );
  return rows.map((r) => r.id);
}

/** Undoes markRunReported when the report itself failed, so that it is tried again. */
export async function unmarkRunReported(db: Queryable, ids: string[]): Promise<void> {
  for (const id of ids) await db.query(`update registry_checks set completed_at = null where id = $1`, [id]);
}

export interface RunKey {
  citizenId: string;
  dataVersion: number;
}

/** Rows never answered within the window (lost runs): they become `unavailable`, to be reported. */
export async function expireUnfinishedChecks(db: Queryable, requestedBefore: Date, lastError: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `update registry_checks set status = 'unavailable', last_error = coalesce(last_error, $2), completed_at = null
      where status in ('queued', 'in_progress') and requested_at < $1 returning id`,
    [requestedBefore, lastError],
  );
  return rows.length;
}

/**
 * Latest versions worth another run: an `unavailable` row requested after
 * `windowStart` in a version without a mismatch (the registry may be back),
 * or a queued / in-progress row requested before `staleBefore` (its job was lost).
 */
export async function findRunsToResume(db: Queryable, windowStart: Date, staleBefore: Date, limit = 500): Promise<RunKey[]> {
  const { rows } = await db.query<RunKey>(
    `select distinct r.citizen_id as "citizenId", r.data_version as "dataVersion"
       from registry_checks r
      where ((r.status = 'unavailable' and r.requested_at >= $1
              and not exists (select 1 from registry_checks m
                               where m.citizen_id = r.citizen_id and m.data_version = r.data_version and m.status = 'mismatch'))
          or (r.status in ('queued', 'in_progress') and r.requested_at < $2))
        and not exists (select 1 from registry_checks n where n.citizen_id = r.citizen_id and n.data_version > r.data_version)
      limit $3`,
    [windowStart, staleBefore, limit],
  );
  return rows;
}

/** Versions whose rows are all settled but not all reported (a report failed or a process stopped in between). */
export async function findUnreportedRuns(db: Queryable, limit = 500): Promise<RunKey[]> {
  const { rows } = await db.query<RunKey>(
    `select distinct r.citizen_id as "citizenId", r.data_version as "dataVersion"
       from registry_checks r
      where r.completed_at is null and r.status in ${SETTLED_SQL}
        and not exists (select 1 from registry_checks o
                         where o.citizen_id = r.citizen_id and o.data_version = r.data_version and o.status not in ${SETTLED_SQL})
      limit $1`,
    [limit],
  );
  return rows;
}
