/** Citizens act on their own account only; a level gate for what needs more than simplified. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/errors.js';
import type { AccountLevel, CitizenPrincipal, Policy } from '../../platform/policy.js';

const ORDER: Record<AccountLevel, number> = { simplified: 0, standard: 1, confirmed: 2 };

/** Throws 401 (→ the citizen sign-in page) without a signed-in citizen. */
export function requireCitizen(citizen: CitizenPrincipal | null): asserts citizen is CitizenPrincipal {
  if (!citizen) throw new HttpError(401, 'citizen_unauthenticated');
}

export function levelAtLeast(level: AccountLevel, needed: AccountLevel): boolean {
  return ORDER[level] >= ORDER[needed];
}

/**
 * After a one-time password from a service centre (must_change_password) every
 * cabinet page but /cabinet/password sends the citizen there. Use right after
 * requireCitizen: `if (mustChangeRedirect(request, reply)) return reply;`
 */
export function mustChangeRedirect(request: FastifyRequest, reply: FastifyReply): boolean {
  if (!request.citizen?.mustChangePassword) return false;
  void reply.redirect('/cabinet/password', 303);
  return true;
}

/** «Это был не я» reports: regional administrators (their region) and system administrators. */
export const canSeeCitizenReports: Policy = (actor) => actor.role === 'regional_admin' || actor.role === 'system_admin';

/** A report of a citizen living in `regionId` (null: not known): the system admin, or the admin of that region; unplaced citizens are every region's. */
export const canResolveCitizenReport: Policy<{ regionId: string | null }> = (actor, report) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && (report.regionId === null || report.regionId === actor.regionId));
