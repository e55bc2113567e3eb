/**
 * Who sees the ranking and the regional dashboard, and which region a page is about.
 *
 * - The ranking is public within the region: its regional administrator and
 *   every municipal coordinator of the region see all municipalities; the
 *   system administrator any region (chosen with `?region=`, else the first).
 * - The regional dashboard: the regional administrator of the region and the
 *   system administrator. A coordinator is sent to their own scores instead.
 */
import type { Queryable } from '../../../db/client.js';
import { HttpError } from '../../../platform/errors.js';
import type { Actor, Policy } from '../../../platform/policy.js';
import { findRegion, listRegions, type RegionRow } from '../../outreach/due/due.repository.js';

export const canViewRanking: Policy<{ regionId: string }> = (actor, place) =>
  actor.role === 'system_admin' || ((actor.role === 'regional_admin' || actor.role === 'municipal_coordinator') && actor.regionId === place.regionId);

export const canViewDashboard: Policy<{ regionId: string }> = (actor, place) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && actor.regionId === place.regionId);

/** May the actor open the ranking at all (before the region is known)? */
export const canOpenRanking: Policy = (actor) => actor.role === 'system_admin' || ((actor.role === 'regional_admin' || actor.role === 'municipal_coordinator') && !!actor.regionId);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The region a page shows: the actor's own; for the system administrator the
 * one named by `?region=` or else the first by name. `regionParam` is the value
 * to keep in links (empty when the default was used).
 */
export async function pageRegion(db: Queryable, actor: Actor, wanted: string | undefined): Promise<{ region: RegionRow; regionParam: string }> {
  if (actor.role === 'system_admin') {
    const chosen = wanted && UUID.test(wanted) ? await findRegion(db, wanted) : null;
    if (wanted && !chosen) throw new HttpError(404, 'not_found');
    const region = chosen ?? (await listRegions(db))[0];
    if (!region) throw new HttpError(404, 'not_found');
    return { region, regionParam: chosen ? chosen.id : '' };
  }
  const region = actor.regionId ? await findRegion(db, actor.regionId) : null;
  if (!region) throw new HttpError(403, 'forbidden');
  return { region, regionParam: '' };
}
