/**
 * Who may do what at the operator's workplace. An operator acts for the one
 * service centre their account names (`serviceCentreId`), and only the
 * operations that centre offers (`capabilities`: register, confirm, restore,
 * delete). Finding a citizen and updating passport data need «confirm» or
 * «register». Regional and system administrators (and the municipality's
 * coordinator for its own centres) see the figures, never act on citizens.
 *
 * Every policy takes the centre the request is about (for an operator: their
 * own centre, loaded by the route; null when there is none).
 */
import { scopeCovers, type Policy, type StaffActor } from '../../platform/policy.js';

export type CentreCapability = 'register' | 'confirm' | 'restore' | 'delete';

/** What the policies need to know about a centre. */
export interface CentreRef {
  id: string;
  regionId: string;
  municipalityId: string;
  capabilities: readonly CentreCapability[];
}

/** The actor is an operator of this very centre. */
export function worksAt(actor: StaffActor, centre: CentreRef | null): boolean {
  return actor.role === 'operator' && centre !== null && actor.serviceCentreId === centre.id && actor.regionId === centre.regionId;
}

function offers(centre: CentreRef | null, ...any: CentreCapability[]): boolean {
  return centre !== null && any.some((c) => centre.capabilities.includes(c));
}

/** The workplace's home page: any operator with a centre. */
export const canOpenWorkplace: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre);

/** Find an account and open its card: the centre confirms or registers. */
export const canFindCitizens: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'confirm', 'register');
export const canViewCitizen: Policy<CentreRef | null> = canFindCitizens;

export const canRegisterCitizen: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'register');
export const canConfirmIdentity: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'confirm');
export const canRestoreAccess: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'restore');
export const canDeleteAccount: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'delete');
export const canUpdatePassport: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) && offers(centre, 'confirm', 'register');

/** Staff who look at several centres' figures (and choose the centre). */
export function isFiguresSupervisor(actor: StaffActor): boolean {
  return actor.role === 'regional_admin' || actor.role === 'system_admin' || actor.role === 'municipal_coordinator';
}

/** The workplace area at all: operators of a centre, and supervisors (who are sent to the figures). */
export const canEnterWorkplace: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) || isFiguresSupervisor(actor);

/** The figures page without a centre chosen: supervisors pick one, operators see their own. */
export const canOpenFigures: Policy<CentreRef | null> = (actor, centre) => worksAt(actor, centre) || isFiguresSupervisor(actor);

/** A centre's figures: its operators, and supervisors whose territory covers it. */
export const canViewFigures: Policy<CentreRef | null> = (actor, centre) =>
  centre !== null && (worksAt(actor, centre) || (isFiguresSupervisor(actor) && scopeCovers(actor, { regionId: centre.regionId, municipalityId: centre.municipalityId })));

/** The act of destruction of a deletion made at a centre: that centre's operators and the supervisors over it. */
export const canViewDeletionAct: Policy<CentreRef | null> = canViewFigures;
