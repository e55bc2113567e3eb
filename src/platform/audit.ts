/**
 * The append-only, hash-chained audit log (152-FZ art. 19: every action on
 * personal data is recorded). Each row's hash covers its own fields and the
 * previous row's hash, so changing, removing or reordering any row breaks the
 * chain from that row on; `uslugi audit verify` names the first broken row.
 * Rows are written under a transaction-scoped advisory lock so the chain has
 * one order even with several processes.
 *
 * Never put personal data itself in `details`: name the subject by id.
 */
import type { Database, Queryable } from '../db/client.js';
import { canonicalJson, sha256Hex } from './crypto.js';

export const AUDIT_GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 727274002;

export interface AuditEntry {
  actorType: 'staff' | 'citizen' | 'system';
  actorId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export function auditHash(row: AuditRow): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    organisationId: row.organisationId,
    details: row.details,
  });
  return sha256Hex(`${row.prevHash}\n${body}`);
}

/** Appends inside the caller's transaction when given one, so the audit row commits with the change. */
export async function appendAudit(db: Database | Queryable, entry: AuditEntry, now: Date = new Date()): Promise<{ seq: number; hash: string }> {
  const write = async (tx: Queryable) => {
    // One round trip: take the chain lock, then read the head and the next number under it.
    await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const head = await tx.query<{ hash: string | null; seq: string | number }>(
      "select (select hash from audit_log order by seq desc limit 1) as hash, nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq",
    );
    const last = { rows: head.rows[0]!.hash ? [{ hash: head.rows[0]!.hash }] : [] };
    const row: AuditRow = {
      seq: Number(head.rows[0]!.seq),
      at: now.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      organisationId: entry.organisationId ?? null,
      // Round-trip through JSON so the hashed value equals what jsonb gives back.
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
      prevHash: last.rows[0]?.hash ?? AUDIT_GENESIS,
    };
    const hash = auditHash(row);
    await tx.query(
      `insert into audit_log (seq, at, actor_type, actor_id, action, subject_type, subject_id, organisation_id, details, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [row.seq, row.at, row.actorType, row.actorId, row.action, row.subjectType, row.subjectId, row.organisationId, JSON.stringify(row.details), row.prevHash, hash],
    );
    return { seq: row.seq, hash };
  };
  return 'transaction' in db ? db.transaction(write) : write(db);
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

/** Walks the whole chain in order, in pages, and reports the first row that does not fit. */
export async function verifyAuditChain(db: Queryable, pageSize = 2000): Promise<AuditVerification> {
  let prevHash = AUDIT_GENESIS;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.query<{
      seq: string | number;
      at: Date | string;
      actor_type: string;
      actor_id: string | null;
      action: string;
      subject_type: string | null;
      subject_id: string | null;
      organisation_id: string | null;
      details: Record<string, unknown> | string;
      prev_hash: string;
      hash: string;
    }>('select * from audit_log where seq > $1 order by seq limit $2', [afterSeq, pageSize]);
    if (page.rows.length === 0) return { ok: true, checked };
    for (const r of page.rows) {
      const seq = Number(r.seq);
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstBroken: { seq, reason: 'prev_hash does not match the hash of the row before it (a row was removed, inserted or reordered)' } };
      }
      const row: AuditRow = {
        seq,
        at: new Date(r.at).toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        organisationId: r.organisation_id,
        details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
        prevHash: r.prev_hash,
      };
      if (auditHash(row) !== r.hash) {
        return { ok: false, checked, firstBroken: { seq, reason: 'the row’s contents do not match its hash (the row was changed)' } };
      }
      prevHash = r.hash;
      afterSeq = seq;
      checked++;
    }
  }
}
