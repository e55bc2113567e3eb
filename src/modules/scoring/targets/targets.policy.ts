/**
 * Who sets the quarterly targets: the regional administrator for the region's
 * municipalities. A municipal coordinator sees their own municipality's targets.
 */
import type { Policy } from '../../../platform/policy.js';

export const canOpenTargets: Policy = (actor) => (actor.role === 'regional_admin' && !!actor.regionId) || (actor.role === 'municipal_coordinator' && !!actor.regionId && !!actor.municipalityId);

export const canViewTargets: Policy<{ regionId: string; municipalityId: string }> = (actor, m) =>
  (actor.role === 'regional_admin' && actor.regionId === m.regionId) || (actor.role === 'municipal_coordinator' && actor.regionId === m.regionId && actor.municipalityId === m.municipalityId);

export const canEditTargets: Policy<{ regionId: string }> = (actor, r) => actor.role === 'regional_admin' && actor.regionId === r.regionId;
