/**
 * Who may do what in the reception section.
 * - The desk (/reception/visit): staff who meet the public — reception staff and
 *   service-centre operators — each with their own visits only.
 * - Figures: the employee their own; the municipal coordinator their
 *   municipality; the regional administrator the region; the system administrator all.
 * - Settings (threshold, key services): the regional administrator of the region, the system administrator.
 * - Staff profiles (duties, registered on the portal): the coordinator for their
 *   municipality's staff, the regional administrator for the region's, the system administrator.
 */
import { scopeCovers, type Policy, type StaffActor } from '../../platform/policy.js';

export function servesVisitors(actor: StaffActor): boolean {
  return (actor.role === 'reception' || actor.role === 'operator') && actor.organisationId !== null && actor.regionId !== null;
}

export const canServeVisitors: Policy = (actor) => servesVisitors(actor);

export const canOpenVisit: Policy<{ staffUserId: string }> = (actor, visit) => servesVisitors(actor) && visit.staffUserId === actor.id;

export function isReceptionSupervisor(actor: StaffActor): boolean {
  return actor.role === 'municipal_coordinator' || actor.role === 'regional_admin' || actor.role === 'system_admin';
}

export const canViewReceptionFigures: Policy = (actor) => servesVisitors(actor) || isReceptionSupervisor(actor);

export const canEditReceptionSettings: Policy<{ regionId: string }> = (actor, region) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && actor.regionId === region.regionId);

export const canViewReceptionSettings: Policy<{ regionId: string }> = (actor, region) => canEditReceptionSettings(actor, region) || (isReceptionSupervisor(actor) && actor.regionId === region.regionId);

export const canEditStaffProfile: Policy<{ regionId: string; municipalityId: string | null; organisationId: string }> = (actor, staff) =>
  (actor.role === 'regional_admin' || actor.role === 'system_admin' || actor.role === 'municipal_coordinator') && scopeCovers(actor, staff);

/** An employee's profile page: the employee themself, and who may edit it. */
export const canViewStaffProfile: Policy<{ id: string; regionId: string; municipalityId: string | null; organisationId: string }> = (actor, staff) =>
  actor.id === staff.id || canEditStaffProfile(actor, staff);
