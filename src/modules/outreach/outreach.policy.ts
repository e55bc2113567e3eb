/**
 * Who sees and changes outreach plans.
 * - A municipal coordinator: their own municipality's plans (view, create, edit, approve).
 * - A regional administrator: every plan of their region (view); the region's own plan
 *   (municipality null) to create, edit and approve; the activity catalogue of the region.
 * - The system administrator: everything.
 * - Operators, reception staff and department officers: nothing to edit; they may read
 *   the approved version of their own municipality's plan.
 */
import { scopeCovers, type Policy, type StaffActor } from '../../platform/policy.js';

export interface PlanPlace {
  regionId: string;
  municipalityId: string | null;
}

export interface PlanRef extends PlanPlace {
  currentVersion: number;
}

const isFrontLine = (actor: StaffActor) => actor.role === 'operator' || actor.role === 'reception' || actor.role === 'department_officer';

/** May open the outreach section at all. */
export const canUseOutreach: Policy = () => true;

/** May create and change a plan at this place. */
export const canEditPlan: Policy<PlanPlace> = (actor, place) => {
  switch (actor.role) {
    case 'system_admin':
      return true;
    case 'regional_admin':
      return place.municipalityId === null && actor.regionId === place.regionId;
    case 'municipal_coordinator':
      return place.municipalityId !== null && scopeCovers(actor, { regionId: place.regionId, municipalityId: place.municipalityId });
    default:
      return false;
  }
};

/** May see the working copy (the draft with all its changes). */
export const canViewWorkingCopy: Policy<PlanPlace> = (actor, place) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && actor.regionId === place.regionId) || canEditPlan(actor, place);

/** May read the approved versions. */
export const canViewApproved: Policy<PlanRef> = (actor, plan) =>
  canViewWorkingCopy(actor, plan) ||
  (isFrontLine(actor) && plan.currentVersion > 0 && plan.municipalityId !== null && actor.regionId === plan.regionId && actor.municipalityId === plan.municipalityId);

/** Where the actor creates plans: their municipality, or for a regional admin the region's own plan. */
export function planPlaceFor(actor: StaffActor): PlanPlace | null {
  if (actor.role === 'municipal_coordinator' && actor.regionId && actor.municipalityId) return { regionId: actor.regionId, municipalityId: actor.municipalityId };
  if (actor.role === 'regional_admin' && actor.regionId) return { regionId: actor.regionId, municipalityId: null };
  return null;
}

export const canCreatePlan: Policy = (actor) => planPlaceFor(actor) !== null;

export const canManageActivityTypes: Policy<{ regionId: string }> = (actor, r) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && actor.regionId === r.regionId);
