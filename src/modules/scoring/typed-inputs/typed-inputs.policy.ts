/**
 * Who sees and who changes a municipality's score inputs:
 * - sees: the municipality's coordinator and the administrator of its region;
 * - types values and centre checks: the municipality's coordinator only (the
 *   region reviews them read-only and accepts or returns the quarter).
 */
import type { Policy } from '../../../platform/policy.js';

export interface ScorePlace {
  regionId: string;
  municipalityId: string;
}

export const canViewScores: Policy<ScorePlace> = (actor, place) =>
  (actor.role === 'municipal_coordinator' && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId) ||
  (actor.role === 'regional_admin' && actor.regionId === place.regionId);

export const canEditScoreInputs: Policy<ScorePlace> = (actor, place) =>
  actor.role === 'municipal_coordinator' && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId;
