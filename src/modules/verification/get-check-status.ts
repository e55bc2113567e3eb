/**
 * Where the registry checks of the citizen's latest data version stand, for
 * the page «Проверка данных» (progress per registry) and the cabinet.
 */
import type { Queryable } from '../../db/client.js';
import { DEFAULT_RESUME_WINDOW_MS } from './verification.jobs.js';
import { latestCheckVersion, listChecks, type CheckRow } from './verification.repository.js';
import { SUPERSEDED, type CheckRowStatus, type RegistryName } from './verification.types.js';

export type CheckState = 'none' | 'in_progress' | 'passed' | 'mismatch' | 'unavailable';

export interface RegistryCheckStatus {
  registry: RegistryName;
  status: CheckRowStatus;
  /** the registry's mismatch reason code (not_found, name_mismatch, birth_date_mismatch, document_invalid) */
  reason: string | null;
  attempts: number;
  /** when the result was reported, else when the check was requested */
  updatedAt: Date | null;
  /** for `unavailable`: until when it is retried automatically; null once final (or for other statuses) */
  retryUntil: Date | null;
}

export interface CheckStatus {
  dataVersion: number | null;
  state: CheckState;
  registries: RegistryCheckStatus[];
}

/** Any unanswered row → in_progress; else any mismatch → mismatch; else any unavailable → unavailable; else passed. */
export function stateOf(rows: readonly Pick<RegistryCheckStatus, 'status'>[]): CheckState {
  if (rows.length === 0) return 'none';
  if (rows.some((r) => r.status === 'queued' || r.status === 'in_progress')) return 'in_progress';
  if (rows.some((r) => r.status === 'mismatch')) return 'mismatch';
  if (rows.some((r) => r.status === 'unavailable')) return 'unavailable';
  return 'passed';
}

function toStatus(row: CheckRow, now: Date, resumeWindowMs: number): RegistryCheckStatus {
  const until = new Date(row.requestedAt.getTime() + resumeWindowMs);
  return {
    registry: row.registry,
    status: row.status as CheckRowStatus,
    reason: row.status === 'mismatch' ? row.resultCode : null,
    attempts: row.attempts,
    updatedAt: row.completedAt ?? row.requestedAt ?? null,
    retryUntil: row.status === 'unavailable' && until.getTime() > now.getTime() ? until : null,
  };
}

export async function getCheckStatus(
  db: Queryable,
  citizenId: string,
  options: { now?: Date; resumeWindowMs?: number } = {},
): Promise<CheckStatus> {
  const dataVersion = await latestCheckVersion(db, citizenId);
  if (dataVersion === null) return { dataVersion: null, state: 'none', registries: [] };
  const now = options.now ?? new Date();
  const window = options.resumeWindowMs ?? DEFAULT_RESUME_WINDOW_MS;
  const registries = (await listChecks(db, citizenId, dataVersion)).filter((r) => r.status !== SUPERSEDED).map((r) => toStatus(r, now, window));
  return { dataVersion, state: stateOf(registries), registries };
}
