/**
 * Who records outreach events and sees their effect.
 * - A municipal coordinator: their own municipality's events (view, create, edit).
 * - A regional administrator: every event of their region (view, create, edit).
 * - The system administrator: everything.
 * - Operators, reception staff and department officers: read their own municipality's
 *   events (operators name the code to citizens); they record nothing.
 */
import { scopeCovers, type Policy, type StaffActor } from '../../../platform/policy.js';

export interface EventPlace {
  regionId: string;
  municipalityId: string;
}

const isFrontLine = (actor: StaffActor) => actor.role === 'operator' || actor.role === 'reception' || actor.role === 'department_officer';

/** May record and change an event at this place. */
export const canEditEvent: Policy<EventPlace> = (actor, place) => {
  switch (actor.role) {
    case 'system_admin':
      return true;
    case 'regional_admin':
      return actor.regionId === place.regionId;
    case 'municipal_coordinator':
      return scopeCovers(actor, place);
    default:
      return false;
  }
};

export const canViewEvent: Policy<EventPlace> = (actor, place) =>
  canEditEvent(actor, place) || (isFrontLine(actor) && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId);

/** May open the new-event form: a coordinator (own municipality) or a regional administrator (a municipality of the region). */
export const canCreateEvent: Policy = (actor) =>
  (actor.role === 'municipal_coordinator' && actor.regionId !== null && actor.municipalityId !== null) || (actor.role === 'regional_admin' && actor.regionId !== null);

export const canListEvents: Policy = (actor) => actor.role === 'system_admin' || actor.regionId !== null;
