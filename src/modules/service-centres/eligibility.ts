/**
 * Whether an account can have its identity confirmed, its access restored or
 * its passport updated at the desk now — and if not, why (shown to the operator).
 */
import type { AppContext } from '../../platform/context.js';
import { getCheckStatus, type CheckState } from '../verification/index.js';
import { getCitizen, loadPersonalData, type CitizenRow } from '../identity/identity.repository.js';
import type { PersonalData } from '../identity/personal-data.js';

export type IneligibleReason =
  | 'not_found'
  | 'deleted'
  | 'not_active'
  | 'already_confirmed'
  | 'no_personal_data'
  | 'checks_none'
  | 'checks_in_progress'
  | 'checks_mismatch'
  | 'checks_unavailable';

export interface AccountState {
  citizen: CitizenRow;
  pd: { data: PersonalData; version: number } | null;
  checks: CheckState;
  checksVersion: number | null;
}

export async function loadAccountState(ctx: AppContext, citizenId: string): Promise<AccountState | null> {
  const citizen = await getCitizen(ctx.db, ctx.cipher, citizenId);
  if (!citizen) return null;
  const pd = citizen.status === 'deleted' ? null : await loadPersonalData(ctx.db, ctx.cipher, citizenId);
  const status = await getCheckStatus(ctx.db, citizenId);
  return { citizen, pd: pd ? { data: pd.data, version: pd.version } : null, checks: status.state, checksVersion: status.dataVersion };
}

function common(s: AccountState | null): IneligibleReason | null {
  if (!s) return 'not_found';
  if (s.citizen.status === 'deleted') return 'deleted';
  if (s.citizen.status !== 'active') return 'not_active';
  return null;
}

/**
 * Confirmation: a standard account whose checks passed, or a simplified one
 * whose personal data passed the checks. The checks must be of the current data version.
 */
export function confirmationBlocker(s: AccountState | null): IneligibleReason | null {
  const c = common(s);
  if (c || !s) return c;
  if (s.citizen.level === 'confirmed') return 'already_confirmed';
  if (!s.pd) return 'no_personal_data';
  if (s.checks === 'none' || s.checksVersion !== s.pd.version) return s.checks === 'in_progress' ? 'checks_in_progress' : 'checks_none';
  if (s.checks !== 'passed') return `checks_${s.checks}` as IneligibleReason;
  return null;
}

/** Restoring access: an active account with personal data to compare the passport with. */
export function restoreBlocker(s: AccountState | null): IneligibleReason | null {
  const c = common(s);
  if (c || !s) return c;
  if (!s.pd) return 'no_personal_data';
  return null;
}

/** Updating passport data: an active account that has personal data. */
export function passportUpdateBlocker(s: AccountState | null): IneligibleReason | null {
  return restoreBlocker(s);
}
