/** Citizens act on their own account only; a level gate for what needs more than simplified. */
import { HttpError } from '../../platform/errors.js';
import type { AccountLevel, CitizenPrincipal } from '../../platform/policy.js';

const ORDER: Record<AccountLevel, number> = { simplified: 0, standard: 1, confirmed: 2 };

/** Throws 401 (→ the citizen sign-in page) without a signed-in citizen. */
export function requireCitizen(citizen: CitizenPrincipal | null): asserts citizen is CitizenPrincipal {
  if (!citizen) throw new HttpError(401, 'citizen_unauthenticated');
}

export function levelAtLeast(level: AccountLevel, needed: AccountLevel): boolean {
  return ORDER[level] >= ORDER[needed];
}
