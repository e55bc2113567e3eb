/**
 * Who works with the quarter's report:
 * - a municipal coordinator: their own municipality's report — views, edits, submits, downloads;
 * - a regional administrator: every municipality of the region — views, downloads,
 *   accepts or returns; the region's overview.
 * Coordinators of other municipalities and other roles get 403.
 */
import type { Policy } from '../../platform/policy.js';

export interface ReportPlace {
  regionId: string;
  municipalityId: string;
}

export const canOpenReports: Policy = (actor) => (actor.role === 'municipal_coordinator' && !!actor.regionId && !!actor.municipalityId) || (actor.role === 'regional_admin' && !!actor.regionId);

export const canViewReport: Policy<ReportPlace> = (actor, place) =>
  (actor.role === 'municipal_coordinator' && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId) ||
  (actor.role === 'regional_admin' && actor.regionId === place.regionId);

export const canEditReport: Policy<ReportPlace> = (actor, place) =>
  actor.role === 'municipal_coordinator' && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId;

export const canDecideReport: Policy<ReportPlace> = (actor, place) => actor.role === 'regional_admin' && actor.regionId === place.regionId;

export const canViewOverview: Policy = (actor) => actor.role === 'regional_admin' && !!actor.regionId;
